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

let dateTimeFormat: Intl.DateTimeFormat | null = null;

/**
 * Ho Chi Minh City has kept UTC+7, without daylight saving, since 13 June 1975 (the tz database's
 * Asia/Ho_Chi_Minh): from 1976 to year 9999 a date's parts are its UTC parts seven hours later,
 * which costs a fraction of `formatToParts` (a page of dates spent about a millisecond there).
 * Anything outside that range (or not a time) goes through Intl.
 */
const UTC_PLUS_7_FROM = Date.UTC(1976, 0, 1);
const UTC_PLUS_7_UNTIL = Date.UTC(9999, 0, 1);
const OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function parts(ms: number) {
  if (ms >= UTC_PLUS_7_FROM && ms < UTC_PLUS_7_UNTIL) {
    const local = new Date(ms + OFFSET_MS);
    return {
      d: two(local.getUTCDate()),
      m: two(local.getUTCMonth() + 1),
      y: `${local.getUTCFullYear()}`,
      h: two(local.getUTCHours()),
      min: two(local.getUTCMinutes()),
    };
  }
  return intlParts(ms);
}

/** The parts as Intl gives them in Asia/Ho_Chi_Minh (any time; the reference for `parts`). */
function intlParts(ms: number) {
  dateTimeFormat ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const p = dateTimeFormat.formatToParts(new Date(ms));
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
