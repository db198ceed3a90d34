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

// Making an Intl formatter costs far more than using one (a page of dates made hundreds): each is made once.
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

/**
 * Ho Chi Minh City has kept UTC+7, without daylight saving, since 13 June 1975 (the tz database's
 * Asia/Ho_Chi_Minh), and every time this app stores is later: a time's local parts are its UTC
 * parts seven hours on. A fraction of `Intl.DateTimeFormat#formatToParts` (~10 µs a date; pages of
 * lists format hundreds), and less code in the browser. An invalid time throws a RangeError, as
 * Intl does. app/lib/format.test.ts holds it equal to Intl from 1976 to 2100.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

function parts(ms: number) {
  const [y, m, d, h, min] = new Date(ms + OFFSET_MS).toISOString().split(/[-T:]/) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { d, m, y, h, min };
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
