import { Fragment } from "react";
import { ChartEmpty, ChartSvg, defaultFormat, FONT, SMALL_FONT, VIEW_WIDTH, type ChartProps } from "./chart-frame";
import { AXIS_COLOUR, seriesColour } from "./palette";
import { px, wrapText } from "./text";

/** A bucket whose count is withheld (`hidden`, e.g. too few SMEs to publish) is drawn without a bar. */
export type Bucket = { label: string; value: number; hidden?: boolean };

const PLOT_H = 150;
// Room above the tallest column for its count, its share and, on a row of its own, the mean.
const TOP = FONT + SMALL_FONT + 30;
const LINE = 16;

/**
 * How a count spreads over ordered buckets (SMEs by DX level 0–5): a column per bucket with its
 * count and its share of the whole printed above it, and, when given, the mean marked by a dashed
 * line at its place on the scale (a mean level of 2.4 sits between buckets 2 and 3). A hidden
 * bucket says `hiddenLabel` where its column would be.
 */
export function DistributionChart({
  buckets,
  mean,
  meanLabel,
  formatShare = (s: number) => `${Math.round(s * 100)}%`,
  format = defaultFormat,
  hiddenLabel = "—",
  total: whole,
  ...props
}: ChartProps & {
  buckets: readonly Bucket[];
  hiddenLabel?: string;
  /** what the shares are of, when hidden buckets keep part of it out of `buckets` */
  total?: number;
  /** in bucket positions: 0 is the first bucket's centre */
  mean?: number | null;
  meanLabel?: string;
  formatShare?: (share: number) => string;
}) {
  const total = whole ?? buckets.reduce((s, b) => s + b.value, 0);
  if (buckets.length === 0 || total === 0) return <ChartEmpty text={props.emptyText} />;
  const max = Math.max(1, ...buckets.filter((b) => !b.hidden).map((b) => b.value));
  const slot = VIEW_WIDTH / buckets.length;
  const barW = Math.min(64, slot * 0.7);
  const base = TOP + PLOT_H;
  const labels = buckets.map((b) => wrapText(b.label, slot - 4, SMALL_FONT, 2));
  const height = base + 8 + Math.max(...labels.map((l) => l.length)) * LINE;
  const meanX = mean !== null && mean !== undefined ? slot * mean + slot / 2 : null;
  return (
    <ChartSvg height={height} title={props.title} description={props.description} className={props.className}>
      <line x1={0} x2={VIEW_WIDTH} y1={base} y2={base} stroke={AXIS_COLOUR} />
      {/* The mean first, so that the columns and their figures are drawn over its line. */}
      {meanX !== null ? (
        <g data-mean={mean}>
          <line
            x1={px(meanX)}
            x2={px(meanX)}
            y1={SMALL_FONT + 4}
            y2={base}
            stroke={seriesColour(1)}
            strokeWidth={2}
            strokeDasharray="5 3"
          />
          {meanLabel ? (
            <text
              x={px(meanX + (meanX > VIEW_WIDTH / 2 ? -4 : 4))}
              y={SMALL_FONT}
              fontWeight={600}
              fill={seriesColour(1)}
              textAnchor={meanX > VIEW_WIDTH / 2 ? "end" : "start"}
            >
              {meanLabel}
            </text>
          ) : null}
        </g>
      ) : null}
      {buckets.map((b, i) => {
        const cx = slot * i + slot / 2;
        const h = (b.value / max) * PLOT_H;
        const names = labels[i]!.map((line, k) => (
          <text key={k} x={px(cx)} y={base + 4 + (k + 1) * LINE - 3} textAnchor="middle">
            {line}
          </text>
        ));
        if (b.hidden) {
          return (
            <Fragment key={i}>
              <text x={px(cx)} y={base - 6} fontStyle="italic" textAnchor="middle">
                {hiddenLabel}
              </text>
              {names}
            </Fragment>
          );
        }
        return (
          <Fragment key={i}>
            <rect
              data-bar=""
              data-value={b.value}
              x={px(cx - barW / 2)}
              y={px(base - h)}
              width={px(barW)}
              height={px(h)}
              fill={seriesColour(0)}
              rx={2}
            />
            <text
              x={px(cx)}
              y={px(base - h - SMALL_FONT - 6)}
              fontSize={FONT}
              fontWeight={700}
              textAnchor="middle"
              stroke="#ffffff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {format(b.value)}
            </text>
            <text
              x={px(cx)}
              y={px(base - h - 4)}
              fontSize={SMALL_FONT - 1}
              textAnchor="middle"
              stroke="#ffffff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {formatShare(b.value / total)}
            </text>
            {names}
          </Fragment>
        );
      })}
    </ChartSvg>
  );
}
