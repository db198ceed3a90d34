import { Fragment } from "react";
import { ChartEmpty, ChartSvg, defaultFormat, FONT, SMALL_FONT, VIEW_WIDTH, type ChartProps } from "./chart-frame";
import { AXIS_COLOUR, seriesColour } from "./palette";
import { fitText, px, textWidth, wrapText } from "./text";

export type BarDatum = { label: string; value: number };

/** A line of an item's name above its bar. */
const LINE_H = FONT + 4;
const BAR_H = 20;
const ROW_GAP = 12;
const VALUE_GAP = 5;

/**
 * Bars, one per item, with each item's name and value printed: horizontal (the name above its
 * bar, which suits long names and narrow screens) or vertical (columns, for a few short names).
 * Values may be negative (a level change): bars then grow either way from a zero line. `max`
 * fixes the end of the scale (1 for shares of a whole), else the largest value sets it.
 */
export function BarChart({
  data,
  orientation = "horizontal",
  colour = seriesColour(0),
  ...props
}: ChartProps & {
  data: readonly BarDatum[];
  orientation?: "horizontal" | "vertical";
  colour?: string;
  max?: number;
}) {
  if (data.length === 0 || data.every((d) => d.value === 0)) return <ChartEmpty text={props.emptyText} />;
  return orientation === "horizontal" ? (
    <HorizontalBars data={data} colour={colour} {...props} />
  ) : (
    <VerticalBars data={data} colour={colour} {...props} />
  );
}

function HorizontalBars({
  data,
  colour,
  format = defaultFormat,
  max,
  ...props
}: ChartProps & { data: readonly BarDatum[]; colour: string; max?: number }) {
  const values = data.map((d) => d.value);
  const labels = values.map(format);
  const valueRoom = Math.max(...labels.map((l) => textWidth(l, SMALL_FONT))) + VALUE_GAP * 2;
  const posMax = Math.max(0, max ?? 0, ...values);
  const negMax = Math.max(0, ...values.map((v) => -v));
  const left = negMax > 0 ? valueRoom : 0;
  const right = posMax > 0 || negMax === 0 ? valueRoom : 0;
  const scale = (VIEW_WIDTH - left - right) / (posMax + negMax || 1);
  const x0 = left + negMax * scale;
  // Each row: the name on one or two lines, then the bar; rows stack down.
  const names = data.map((d) => wrapText(d.label, VIEW_WIDTH, FONT, 2));
  const tops = names.reduce<number[]>(
    (acc, lines, i) => [...acc, (acc[i] ?? 0) + lines.length * LINE_H + BAR_H + ROW_GAP],
    [0],
  );
  const height = tops[data.length]! - ROW_GAP + 4;
  const labelHeights = names.map((lines) => lines.length * LINE_H + 3);
  return (
    <ChartSvg height={height} title={props.title} description={props.description} className={props.className}>
      {/* Names, bars and values each in a group that carries their common attributes. */}
      <g fontSize={FONT}>
        {data.map((_, i) =>
          names[i]!.map((line, k) => (
            <text key={`${i}-${k}`} x={0} y={tops[i]! + k * LINE_H + FONT}>
              {line}
            </text>
          )),
        )}
      </g>
      <g fill={colour}>
        {data.map((d, i) => {
          const w = Math.abs(d.value) * scale;
          return (
            <rect
              key={i}
              data-bar=""
              data-value={d.value}
              x={px(d.value >= 0 ? x0 : x0 - w)}
              y={tops[i]! + labelHeights[i]!}
              width={px(w)}
              height={BAR_H}
              rx={2}
            />
          );
        })}
      </g>
      <g fontWeight={600}>
        {data.map((d, i) => {
          const w = Math.abs(d.value) * scale;
          return (
            <text
              key={i}
              x={px(d.value >= 0 ? x0 + w + VALUE_GAP : x0 - w - VALUE_GAP)}
              y={tops[i]! + labelHeights[i]! + BAR_H / 2 + SMALL_FONT * 0.35}
              textAnchor={d.value >= 0 ? undefined : "end"}
            >
              {labels[i]}
            </text>
          );
        })}
      </g>
      {negMax > 0 ? <line x1={px(x0)} x2={px(x0)} y1={LINE_H} y2={height} stroke={AXIS_COLOUR} /> : null}
    </ChartSvg>
  );
}

const PLOT_H = 160;
const TOP = SMALL_FONT + 8;
const CATEGORY_LINE = 16;

function VerticalBars({
  data,
  colour,
  format = defaultFormat,
  ...props
}: ChartProps & { data: readonly BarDatum[]; colour: string }) {
  const values = data.map((d) => d.value);
  const posMax = Math.max(0, ...values);
  const negMax = Math.max(0, ...values.map((v) => -v));
  const bottomValues = negMax > 0 ? TOP : 0;
  const scale = PLOT_H / (posMax + negMax || 1);
  const y0 = TOP + posMax * scale;
  const slot = VIEW_WIDTH / data.length;
  const barW = Math.min(56, slot * 0.62);
  const plotBottom = TOP + PLOT_H + bottomValues;
  const labelLines = data.map((d) => wrapText(d.label, slot - 4, SMALL_FONT, 2));
  const height = plotBottom + 6 + Math.max(...labelLines.map((l) => l.length)) * CATEGORY_LINE;
  return (
    <ChartSvg height={height} title={props.title} description={props.description} className={props.className}>
      <line x1={0} x2={VIEW_WIDTH} y1={px(y0)} y2={px(y0)} stroke={AXIS_COLOUR} />
      {data.map((d, i) => {
        const cx = slot * i + slot / 2;
        const h = Math.abs(d.value) * scale;
        const y = d.value >= 0 ? y0 - h : y0;
        return (
          <Fragment key={i}>
            <rect
              data-bar=""
              data-value={d.value}
              x={px(cx - barW / 2)}
              y={px(y)}
              width={px(barW)}
              height={px(h)}
              fill={colour}
              rx={2}
            />
            <text x={px(cx)} y={px(d.value >= 0 ? y - 5 : y + h + SMALL_FONT + 3)} fontWeight={600} textAnchor="middle">
              {fitText(format(d.value), slot, SMALL_FONT)}
            </text>
            {labelLines[i]!.map((line, k) => (
              <text key={k} x={px(cx)} y={plotBottom + 4 + (k + 1) * CATEGORY_LINE - 3} textAnchor="middle">
                {line}
              </text>
            ))}
          </Fragment>
        );
      })}
    </ChartSvg>
  );
}
