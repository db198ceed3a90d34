import { ChartEmpty, ChartSvg, defaultFormat, SMALL_FONT, VIEW_WIDTH, type ChartProps } from "./chart-frame";
import { Legend, layoutLegend, Marker, type LegendItem } from "./legend";
import { GRID_COLOUR, AXIS_COLOUR, seriesColour, TEXT_COLOUR } from "./palette";
import { px, textWidth } from "./text";

export type MonthSeries = { label: string; values: readonly number[] };

const PLOT_H = 150;
const MARKERS = ["circle", "square", "triangle"] as const;
const DASHES = ["", "6 4", "2 3"] as const;

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above the value: round gridlines. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/**
 * Values by month (`yyyy-MM`), as columns or as lines. Months are labelled `MM` with the year
 * under the first month and each January; with many months, every second or third label. Lines
 * differ by marker and dash as well as colour; a lone series of columns prints its values when
 * they fit.
 */
export function MonthChart({
  months,
  series,
  kind = "column",
  format = defaultFormat,
  formatTick,
  ...props
}: ChartProps & {
  months: readonly string[];
  series: readonly MonthSeries[];
  kind?: "column" | "line";
  /** gridline labels; `format` when not given */
  formatTick?: (value: number) => string;
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
  const max = niceCeiling(Math.max(...all));
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
      {[max / 2, max].map((g) => (
        <g key={g}>
          <line x1={0} x2={VIEW_WIDTH} y1={px(y(g))} y2={px(y(g))} stroke={GRID_COLOUR} strokeDasharray="3 3" />
          <text x={0} y={px(y(g) - 4)} fontSize={SMALL_FONT - 1} fill={TEXT_COLOUR}>
            {tick(g)}
          </text>
        </g>
      ))}
      <line x1={0} x2={VIEW_WIDTH} y1={px(y(0))} y2={px(y(0))} stroke={AXIS_COLOUR} />
      {kind === "column"
        ? months.map((m, i) => {
            const group = slot * 0.72;
            const w = group / series.length;
            return (
              <g key={m}>
                {series.map((s, k) => {
                  const v = s.values[i] ?? 0;
                  const x = slot * i + (slot - group) / 2 + k * w;
                  const label = format(v);
                  return (
                    <g key={k}>
                      <rect
                        data-bar=""
                        data-series={k}
                        data-value={v}
                        x={px(x)}
                        y={px(y(v))}
                        width={px(Math.max(1, w - 1))}
                        height={px(y(0) - y(v))}
                        fill={seriesColour(k)}
                      />
                      {single && v !== 0 && textWidth(label, SMALL_FONT - 1) <= slot ? (
                        <text
                          x={px(x + w / 2)}
                          y={px(y(v) - 4)}
                          fontSize={SMALL_FONT - 1}
                          fontWeight={600}
                          fill={TEXT_COLOUR}
                          textAnchor="middle"
                        >
                          {label}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
              </g>
            );
          })
        : series.map((s, k) => {
            const points = months.map((_, i) => [slot * i + slot / 2, y(s.values[i] ?? 0)] as const);
            return (
              <g key={k}>
                <polyline
                  data-line={k}
                  points={points.map(([a, b]) => `${px(a)},${px(b)}`).join(" ")}
                  fill="none"
                  stroke={seriesColour(k)}
                  strokeWidth={2.5}
                  strokeDasharray={DASHES[k % DASHES.length] || undefined}
                />
                {points.map(([a, b], i) => (
                  <Marker key={i} x={a} y={b} item={items[k]!} />
                ))}
              </g>
            );
          })}
      {months.map((m, i) =>
        i % every === 0 ? (
          <text
            key={m}
            x={px(slot * i + slot / 2)}
            y={top + PLOT_H + 16}
            fontSize={SMALL_FONT - 1}
            fill={TEXT_COLOUR}
            textAnchor="middle"
          >
            <tspan x={px(slot * i + slot / 2)}>{m.slice(5, 7)}</tspan>
            {i === 0 || m.endsWith("-01") ? (
              <tspan x={px(slot * i + slot / 2)} dy={15}>
                {m.slice(0, 4)}
              </tspan>
            ) : null}
          </text>
        ) : null,
      )}
    </ChartSvg>
  );
}
