/**
 * A report table as data: typed columns and raw cells. The page formats each cell for reading
 * (`displayCell`) and the CSV export writes the same cell unformatted (`csvCell`), so a figure on
 * the screen and in the download cannot disagree.
 */
import type { TFunction } from "~/lib/translate";
import { formatDate, formatMoney, formatNumber, type Lang } from "./format";
import { toLocalDate } from "./local-date";
import { formatMonth } from "./report-period";
import { round } from "./report-figures";

export const REPORT_TABLE_IDS = [
  "smes",
  "levels",
  "outcomes-category",
  "outcomes-vendor",
  "vendors",
  "vendor-categories",
  "needs",
  "engagement-status",
  "delivery",
  "value-sector",
  "value-month",
  "support",
  "engagements",
] as const;
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number];

/**
 * - `label`: the cell is a locale key (`sectors.healthcare`), translated in both outputs
 * - `percent`: a ratio 0–1, shown as `83,3 %` and written as 83.3
 * - `decimal`: two decimals; `days`: one decimal
 * - `month`: `yyyy-MM`, shown as `MM/yyyy`; `date`: UTC ms, shown dd/MM/yyyy and written yyyy-MM-dd
 */
export type ColumnType = "text" | "label" | "int" | "money" | "percent" | "decimal" | "days" | "month" | "date";
export type Column = { header: string; type: ColumnType };
export type Cell = string | number | null;
export type TableData = { columns: Column[]; rows: Cell[][]; total?: Cell[] };

const NUMERIC: readonly ColumnType[] = ["int", "money", "percent", "decimal", "days"];
export const isNumeric = (type: ColumnType) => NUMERIC.includes(type);

/** A cell for the screen, in the reader's language; an empty figure is a dash. */
export function displayCell(column: Column, value: Cell, t: TFunction, lang: Lang): string {
  if (value === null || value === "") return "—";
  switch (column.type) {
    case "label":
      return t(String(value));
    case "int":
      return formatNumber(Number(value), lang);
    case "money":
      return formatMoney(Number(value), lang);
    case "percent":
      return `${formatNumber(Number(value) * 100, lang, 1)} %`;
    case "decimal":
      return formatNumber(Number(value), lang, 2);
    case "days":
      return formatNumber(Number(value), lang, 1);
    case "month":
      return formatMonth(String(value));
    case "date":
      return formatDate(Number(value));
    default:
      return String(value);
  }
}

/** A cell for the CSV: numbers as plain numbers (no grouping, `.` for decimals), words translated. */
export function csvCell(column: Column, value: Cell, t: TFunction): string | number | null {
  if (value === null || value === "") return null;
  switch (column.type) {
    case "label":
      return t(String(value));
    case "int":
    case "money":
      return Math.round(Number(value));
    case "percent":
      return round(Number(value) * 100, 1);
    case "decimal":
      return round(Number(value), 2);
    case "days":
      return round(Number(value), 1);
    case "date":
      return toLocalDate(Number(value));
    default:
      return value;
  }
}

/** A table as the download reads it: the rows come in pages, fetched as they are written. */
export type TableDownload = { columns: Column[]; pages: Iterable<Cell[][]>; total?: Cell[] };

export function csvHeader(columns: readonly Column[], t: TFunction): string[] {
  return columns.map((c) => t(c.header));
}

/** The body of the CSV, page by page; the totals row last, its first cell saying "Total". */
export function* csvPages(table: TableDownload, t: TFunction): Generator<(string | number | null)[][]> {
  for (const page of table.pages) yield page.map((r) => r.map((v, i) => csvCell(table.columns[i]!, v, t)));
  if (table.total) {
    yield [table.total.map((v, i) => (i === 0 ? t("reports.total") : csvCell(table.columns[i]!, v, t)))];
  }
}
