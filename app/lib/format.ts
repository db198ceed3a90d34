/**
 * The one place that formats money, dates and numbers for the screen (docs/product.md §14): money is
 * integer VND shown as `150.000.000 ₫`; dates are dd/MM/yyyy in Asia/Ho_Chi_Minh.
 */

export const TIME_ZONE = "Asia/Ho_Chi_Minh";
export type Lang = "vi" | "en";

function groupThousands(value: number, separator: string): string {
  const sign = value < 0 ? "-" : "";
  const digits = Math.abs(Math.trunc(value)).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Integer đồng; the same `150.000.000 ₫` in both languages, as Vietnamese readers expect. */
export function formatMoney(amount: number, lang: Lang = "vi"): string {
  return `${groupThousands(amount, lang === "vi" ? "." : ",")} ₫`;
}

/**
 * Intl formatters are costly to build (a report page formats thousands of figures): one per
 * language and number of decimals, kept for the life of the process.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: Lang = "vi", fractionDigits = 0): string {
  const key = `${lang}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

let dateParts: Intl.DateTimeFormat | undefined;

function parts(ms: number) {
  dateParts ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const p = dateParts.formatToParts(new Date(ms));
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? "";
  return { d: get("day"), m: get("month"), y: get("year"), h: get("hour"), min: get("minute") };
}

/** dd/MM/yyyy in Ho Chi Minh City time. */
export function formatDate(ms: number): string {
  const { d, m, y } = parts(ms);
  return `${d}/${m}/${y}`;
}

/** dd/MM/yyyy HH:mm in Ho Chi Minh City time. */
export function formatDateTime(ms: number): string {
  const { d, m, y, h, min } = parts(ms);
  return `${d}/${m}/${y} ${h}:${min}`;
}
