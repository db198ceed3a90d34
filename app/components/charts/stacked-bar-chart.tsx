import { Fragment } from "react";
import { ChartEmpty, ChartSvg, defaultFormat, FONT, SMALL_FONT, VIEW_WIDTH, type ChartProps } from "./chart-frame";
import { Legend, layoutLegend } from "./legend";
import { seriesColour } from "./palette";
import { SeriesBars } from "./series-bars";
import { px, textWidth, wrapText } from "./text";

export type StackedRow = { label: string; values: readonly number[] };

const LINE_H = FONT + 4;
const BAR_H = 22;
const ROW_GAP = 12;

/**
 * Horizontal bars split into parts (e.g. a month's needs: awarded, cancelled, expired, open):
 * a legend names the parts in bar order, each part wide enough shows its value inside, and each
 * bar's total is printed at its end.
 */
export function StackedBarChart({
  series,
  rows,
  format = defaultFormat,
  ...props
}: ChartProps & { series: readonly string[]; rows: readonly StackedRow[] }) {
  const totals = rows.map((r) => r.values.reduce((s, v) => s + Math.max(0, v), 0));
  if (rows.length === 0 || totals.every((t) => t === 0)) return <ChartEmpty text={props.emptyText} />;
  const legendItems = series.map((label, i) => ({ label, colour: seriesColour(i) }));
  const legend = layoutLegend(legendItems);
  const totalLabels = totals.map(format);
  const room = Math.max(...totalLabels.map((l) => textWidth(l, SMALL_FONT))) + 10;
  const scale = (VIEW_WIDTH - room) / Math.max(...totals);
  const names = rows.map((r) => wrapText(r.label, VIEW_WIDTH, FONT, 2));
  const tops = names.reduce<number[]>(
    (acc, lines, i) => [...acc, acc[i]! + lines.length * LINE_H + 3 + BAR_H + ROW_GAP],
    [legend.height + 8],
  );
  const labelHeights = names.map((lines) => lines.length * LINE_H + 3);
  // Where each part starts, in values: the sum of the parts before it.
  const starts = rows.map((r) => r.values.map((_, k) => r.values.slice(0, k).reduce((s, v) => s + Math.max(0, v), 0)));
  return (
    <ChartSvg
      height={tops[rows.length]! - ROW_GAP + 4}
      title={props.title}
      description={props.description}
      className={props.className}
    >
      <Legend items={legendItems} />
      {/* The parts of one series, in every row, are one path. */}
      {series.map((_, k) => (
        <SeriesBars
          key={k}
          series={k}
          bars={rows.map((r, i) => {
            const value = Math.max(0, r.values[k] ?? 0);
            const top = tops[i]! + labelHeights[i]!;
            return { value, x: starts[i]![k]! * scale, width: value * scale, top, bottom: top + BAR_H };
          })}
          stroke="#ffffff"
        />
      ))}
      {rows.map((r, i) => {
        const y = tops[i]!;
        const labelH = labelHeights[i]!;
        const middle = px(y + labelH + BAR_H / 2 + SMALL_FONT * 0.35);
        return (
          <Fragment key={i}>
            {names[i]!.map((line, k) => (
              <text key={k} x={0} y={y + k * LINE_H + FONT} fontSize={FONT}>
                {line}
              </text>
            ))}
            {r.values.map((v, k) => {
              const w = Math.max(0, v) * scale;
              const text = format(v);
              return w > 0 && textWidth(text, SMALL_FONT) + 6 <= w ? (
                <text key={k} x={px(starts[i]![k]! * scale + w / 2)} y={middle} fill="#ffffff" textAnchor="middle">
                  {text}
                </text>
              ) : null;
            })}
            <text x={px(totals[i]! * scale + 5)} y={middle} fontWeight={600}>
              {totalLabels[i]}
            </text>
          </Fragment>
        );
      })}
    </ChartSvg>
  );
}
