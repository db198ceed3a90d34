import { ChartEmpty, ChartSvg, defaultFormat, SMALL_FONT, VIEW_WIDTH, type ChartProps } from "./chart-frame";
import { Legend, layoutLegend, markerPath, type LegendItem } from "./legend";
import { GRID_COLOUR, AXIS_COLOUR, seriesColour } from "./palette";
import { SeriesBars } from "./series-bars";
import { px, textWidth } from "./text";

export type MonthSeries = { label: string; values: readonly number[] };

const PLOT_H = 150;
const MARKERS = ["circle", "square", "triangle"] as const;
const DASHES = ["", "6 4", "2 3"] as const;

/**
 * The gridline step: the smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) that two
 * steps reach the largest value with, a whole number for counts, so that the labels at one and
 * two steps are exact and the tallest column nearly fills the chart.
 */
export function gridStep(max: number, integers = false): number {
  const half = max / 2;
  if (half <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(half));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const step = m * magnitude;
    if (step >= half && (!integers || Number.isInteger(step))) return integers ? Math.max(1, step) : step;
  }
  return integers ? Math.max(1, Math.ceil(half)) : 10 * magnitude;
}

/** The year goes under each January, and under the first month unless a January follows closely. */
function showsYear(months: readonly string[], i: number): boolean {
  if (months[i]!.endsWith("-01")) return true;
  if (i !== 0) return false;
  const january = months.findIndex((m) => m.endsWith("-01"));
  return january === -1 || january >= 3;
}

/**
 * Values by month (`yyyy-MM`), as columns (side by side, or `stacked` into one column a month)
 * or as lines. Months are labelled `MM` with the year under the first month and each January;
 * with many months, every second or third label. Lines differ by marker and dash as well as
 * colour; a lone series of columns prints its values when they fit.
 */
export function MonthChart({
  months,
  series,
  kind = "column",
  stacked = false,
  format = defaultFormat,
  formatTick,
  columnLabel,
  ...props
}: ChartProps & {
  months: readonly string[];
  series: readonly MonthSeries[];
  kind?: "column" | "line";
  stacked?: boolean;
  /** gridline labels; `format` when not given */
  formatTick?: (value: number) => string;
  /**
   * For columns that are not months (`months` then holds any unique keys): the label under
   * column i, as a line and an optional second line, or null for none.
   */
  columnLabel?: (key: string, i: number) => readonly [string, string | null] | null;
}) {
  const all = series.flatMap((s) => s.values);
  if (months.length === 0 || all.every((v) => v === 0)) return <ChartEmpty text={props.emptyText} />;
  const items: LegendItem[] = series.map((s, i) => ({
    label: s.label,
    colour: seriesColour(i),
    ...(kind === "line" ? { marker: MARKERS[i % MARKERS.length], dash: DASHES[i % DASHES.length] } : {}),
  }));
  const legend = series.length > 1 ? layoutLegend(items) : { height: 0 };
  const top = legend.height + SMALL_FONT + 10;
  const tallest = stacked
    ? Math.max(...months.map((_, i) => series.reduce((sum, x) => sum + Math.max(0, x.values[i] ?? 0), 0)))
    : Math.max(...all);
  const step = gridStep(tallest, all.every(Number.isInteger));
  const max = 2 * step;
  const y = (v: number) => top + PLOT_H - (Math.max(0, v) / max) * PLOT_H;
  const slot = VIEW_WIDTH / months.length;
  const every = Math.ceil(months.length / 12);
  const tick = formatTick ?? format;
  const single = series.length === 1 && kind === "column";
  return (
    <ChartSvg
      height={top + PLOT_H + 40}
      title={props.title}
      description={props.description}
      className={props.className}
    >
      {series.length > 1 ? <Legend items={items} /> : null}
      {[step, max].map((g) => (
        <line key={g} x1={0} x2={VIEW_WIDTH} y1={px(y(g))} y2={px(y(g))} stroke={GRID_COLOUR} strokeDasharray="3 3" />
      ))}
      <line x1={0} x2={VIEW_WIDTH} y1={px(y(0))} y2={px(y(0))} stroke={AXIS_COLOUR} />
      {kind === "column" ? (
        <>
          {/* One path per series, a sub-path per column. */}
          {series.map((s, k) => {
            const group = slot * 0.72;
            const w = stacked ? group : group / series.length;
            const bars = months.map((_, i) => {
              const value = Math.max(0, s.values[i] ?? 0);
              const bottom = stacked
                ? series.slice(0, k).reduce((sum, x) => sum + Math.max(0, x.values[i] ?? 0), 0)
                : 0;
              const x = slot * i + (slot - group) / 2 + (stacked ? 0 : k * w);
              return { value, x, width: Math.max(1, w - 1), top: y(bottom + value), bottom: y(bottom) };
            });
            return (
              <SeriesBars
                key={k}
                series={k}
                bars={bars}
                stroke={stacked ? "#ffffff" : undefined}
                strokeWidth={stacked ? 0.75 : undefined}
              />
            );
          })}
          {single ? (
            <g fontSize={SMALL_FONT - 1} fontWeight={600} textAnchor="middle">
              {months.map((m, i) => {
                const v = Math.max(0, series[0]!.values[i] ?? 0);
                const label = format(v);
                const w = slot * 0.72;
                const x = slot * i + (slot - w) / 2;
                return v !== 0 && textWidth(label, SMALL_FONT - 1) <= slot ? (
                  <text key={m} x={px(x + w / 2)} y={px(y(v) - 4)}>
                    {label}
                  </text>
                ) : null;
              })}
            </g>
          ) : null}
        </>
      ) : (
        series.map((s, k) => {
          const points = months.map((_, i) => [slot * i + slot / 2, y(s.values[i] ?? 0)] as const);
          return (
            <g key={k} fill={seriesColour(k)}>
              <polyline
                data-line={k}
                points={points.map(([a, b]) => `${px(a)},${px(b)}`).join(" ")}
                fill="none"
                stroke={seriesColour(k)}
                strokeWidth={2.5}
                strokeDasharray={DASHES[k % DASHES.length] || undefined}
              />
              <path d={points.map(([a, b]) => markerPath(a, b, items[k]!.marker)).join("")} />
            </g>
          );
        })
      )}
      <g fontSize={SMALL_FONT - 1}>
        {[step, max].map((g) => (
          <text key={g} x={2} y={px(y(g) - 4)} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
            {tick(g)}
          </text>
        ))}
      </g>
      <g fontSize={SMALL_FONT - 1} textAnchor="middle">
        {months.map((m, i) => {
          const label = columnLabel
            ? columnLabel(m, i)
            : i % every === 0
              ? ([m.slice(5, 7), showsYear(months, i) ? m.slice(0, 4) : null] as const)
              : null;
          if (!label) return null;
          // A column label starts at the left edge under the first column, so that it is never cut off.
          const first = columnLabel !== undefined && i === 0;
          const x = px(first ? 0 : slot * i + slot / 2);
          return (
            <text key={m} x={x} y={top + PLOT_H + 16} textAnchor={first ? "start" : undefined}>
              {label[1] ? (
                <>
                  <tspan x={x}>{label[0]}</tspan>
                  <tspan x={x} dy={15}>
                    {label[1]}
                  </tspan>
                </>
              ) : (
                label[0]
              )}
            </text>
          );
        })}
      </g>
    </ChartSvg>
  );
}
