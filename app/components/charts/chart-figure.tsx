import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";

/**
 * A chart with its figures: the table beside the chart on wide screens and under it on narrow
 * ones, or folded in a `<details>` under it (`foldTable`) where the page is for reading at a glance.
 */
export function ChartFigure({
  caption,
  chart,
  table,
  foldTable = false,
  stacked = false,
  note,
}: {
  caption: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  foldTable?: boolean;
  /** the table under the chart at every width, for tables too wide to sit beside it */
  stacked?: boolean;
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className="min-w-0">
      <figcaption className="mb-3 font-semibold text-slate-900">{caption}</figcaption>
      {foldTable ? (
        <>
          {chart}
          {note ? <p className="mt-2 text-sm text-slate-700">{note}</p> : null}
          <details className="mt-3 rounded-md border border-slate-200">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-800">
              {t("charts.showTable")}
            </summary>
            <ScrollBox label={caption} className="px-3 pb-3">
              {table}
            </ScrollBox>
          </details>
        </>
      ) : (
        <div className={stacked ? "space-y-4" : "grid gap-4 lg:grid-cols-2 lg:items-start"}>
          <div className="min-w-0">{chart}</div>
          <div className="min-w-0">
            <ScrollBox label={caption}>{table}</ScrollBox>
            {note ? <p className="mt-2 text-sm text-slate-700">{note}</p> : null}
          </div>
        </div>
      )}
    </figure>
  );
}

/**
 * A table that may be wider than a phone scrolls sideways in its box; the box takes the keyboard
 * focus (and is named) so that it can be scrolled without a mouse.
 */
function ScrollBox({ label, className = "", children }: { label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={typeof label === "string" ? label : undefined}
      // A region that scrolls must take the focus to be scrolled from the keyboard (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={`overflow-x-auto rounded focus:outline focus:outline-2 focus:outline-brand-600 ${className}`}
    >
      {children}
    </div>
  );
}

/** A plain two-or-more column table of figures, for the folded tables of public pages. */
export function FigureTable({
  head,
  rows,
  numeric = [],
}: {
  head: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  /** column indexes to right-align */
  numeric?: readonly number[];
}) {
  return (
    // Cell styles are in tailwind.css (.figure-table), not repeated in every cell.
    <table className="figure-table w-full text-left text-sm">
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col" className={numeric.includes(i) ? "n" : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, k) => (
          <tr key={k}>
            {r.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className={numeric.includes(i) ? "n" : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
