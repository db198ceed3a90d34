import { seriesColour } from "./palette";
import { px } from "./text";

/** One bar: its value, and the rectangle it is drawn as (x and width across, top and bottom down). */
export type Bar = { value: number; x: number; width: number; top: number; bottom: number };

/**
 * Every bar of one series as one path, a sub-path per bar; a bar of nothing is not drawn (its
 * outline would cross the axis). The values drawn are listed on the path for tests and tools.
 */
export function SeriesBars({
  series,
  bars,
  stroke,
  strokeWidth,
}: {
  series: number;
  bars: readonly Bar[];
  stroke?: string;
  strokeWidth?: number;
}) {
  const drawn = bars.filter((b) => b.value > 0);
  return (
    <path
      data-bar=""
      data-series={series}
      data-values={drawn.map((b) => b.value).join(" ")}
      d={drawn.map((b) => `M${px(b.x)} ${px(b.top)}h${px(b.width)}V${px(b.bottom)}H${px(b.x)}z`).join("")}
      fill={seriesColour(series)}
      stroke={stroke}
      strokeWidth={strokeWidth}
    />
  );
}
