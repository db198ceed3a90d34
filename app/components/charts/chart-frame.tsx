import { useId, type ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { TEXT_COLOUR } from "./palette";

/** What every chart takes besides its data. */
export type ChartProps = {
  /** a short name, read first by screen readers */
  title: string;
  /** what the chart shows, in a sentence (the figures themselves are in the table beside it) */
  description: string;
  /** the sentence shown instead of a chart when there is nothing to draw */
  emptyText?: string;
  /** how values are written on the chart (money, counts, percentages) */
  format?: (value: number) => string;
  className?: string;
};

/**
 * The drawing width of every chart, in SVG units; it scales to the width of its column. Narrow,
 * so that on a 360 px phone the text stays near its nominal size; on a wide screen the chart
 * stops growing at 24rem.
 */
export const VIEW_WIDTH = 320;
export const FONT = 15;
export const SMALL_FONT = 13.5;

export const defaultFormat = (value: number) => String(value);

/**
 * The SVG element of a chart: responsive (a viewBox and the full width of its column, never
 * wider than a comfortable reading size), labelled by its `<title>` and described by its `<desc>`.
 */
export function ChartSvg({
  height,
  title,
  description,
  className,
  children,
}: {
  height: number;
  title: string;
  description: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <svg
      viewBox={`0 0 ${VIEW_WIDTH} ${Math.ceil(height)}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}title`}
      aria-describedby={`${id}desc`}
      className={className ?? "block h-auto w-full max-w-sm"}
      fontFamily="inherit"
      // What most text of a chart is written in, inherited: an element says only where it differs.
      fontSize={SMALL_FONT}
      fill={TEXT_COLOUR}
    >
      <title id={`${id}title`}>{title}</title>
      <desc id={`${id}desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Said instead of drawing an empty or meaningless chart. */
export function ChartEmpty({ text }: { text?: string }) {
  const { t } = useTranslation();
  return (
    <p className="rounded-md border border-dashed border-slate-300 bg-slate-50 p-4 text-sm text-slate-700">
      {text ?? t("charts.empty")}
    </p>
  );
}
