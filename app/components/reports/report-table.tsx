import { useTranslation } from "~/utils/i18n-react";
import type { Lang } from "~/lib/format";
import { displayCell, isNumeric, type TableData } from "~/lib/report-tables";

/**
 * A report table as the page shows it: headers in the reader's language, figures formatted and
 * right-aligned, the totals row last. The CSV download writes the same cells unformatted.
 */
export function ReportTable({ table, caption }: { table: TableData; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  const align = (i: number) =>
    isNumeric(table.columns[i]!.type) ? "whitespace-nowrap text-right tabular-nums" : "text-left";
  // A wide table keeps its columns readable and scrolls sideways on a phone; a narrow one wraps.
  const wide = table.columns.length > 4;
  return (
    <table className={`w-full text-sm ${wide ? "min-w-max" : ""}`}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          {table.columns.map((c, i) => (
            <th key={c.header} scope="col" className={`px-2 py-2 align-bottom font-semibold first:pl-0 ${align(i)}`}>
              {t(c.header)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={table.columns.length} className="py-3 text-slate-700">
              {t("reports.noRows")}
            </td>
          </tr>
        ) : (
          table.rows.map((row, k) => (
            <tr key={k} className="border-b border-slate-100">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`py-2 pr-2 font-normal ${align(i)}`}>
                    {displayCell(table.columns[i]!, cell, t, lang)}
                  </th>
                ) : (
                  <td key={i} className={`px-2 py-2 ${align(i)}`}>
                    {displayCell(table.columns[i]!, cell, t, lang)}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
      {table.total ? (
        <tfoot>
          <tr className="border-t-2 border-slate-300 font-semibold">
            {table.total.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-2 pr-2 text-left">
                  {t("reports.total")}
                </th>
              ) : (
                <td key={i} className={`px-2 py-2 ${align(i)}`}>
                  {cell === null && table.columns[i]!.type === "label"
                    ? ""
                    : displayCell(table.columns[i]!, cell, t, lang)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
