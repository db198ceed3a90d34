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
  // Cell styles are in tailwind.css (.report-table): a large report repeats them in every cell.
  const align = (i: number) => (isNumeric(table.columns[i]!.type) ? "n" : undefined);
  // A wide table keeps its columns readable and scrolls sideways on a phone; a narrow one wraps.
  const wide = table.columns.length > 4;
  return (
    <table className={`report-table w-full text-sm ${wide ? "min-w-max" : ""}`}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={c.header} scope="col" className={align(i)}>
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
            <tr key={k}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={align(i)}>
                    {displayCell(table.columns[i]!, cell, t, lang)}
                  </th>
                ) : (
                  <td key={i} className={align(i)}>
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
          <tr>
            {table.total.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {t("reports.total")}
                </th>
              ) : (
                <td key={i} className={align(i)}>
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
