/**
 * The period of a report: whole calendar months in Ho Chi Minh City (UTC+7, no daylight saving),
 * read from `?from=2026-01&to=2026-11` (both months included). Without them, the last 12 months
 * up to and including the current one.
 */

/** Ho Chi Minh City is UTC+7 all year; a month starts at 00:00 local time. */
export const LOCAL_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DEFAULT_PERIOD_MONTHS = 12;
/** Ten years is more than the programme has run; a longer span is a typing slip. */
export const MAX_PERIOD_MONTHS = 120;

/** A month as `yyyy-MM`. */
export type MonthKey = string;

export type ReportPeriod = {
  from: MonthKey;
  to: MonthKey;
  /** 00:00 on the 1st of `from`, local time, as UTC ms */
  start: number;
  /** 00:00 on the 1st of the month after `to`: the period is [start, end) */
  end: number;
  /** every month of the period, oldest first */
  months: MonthKey[];
};

export type PeriodErrors = { from?: string; to?: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  const m = MONTH.exec(value);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

function yearMonth(key: MonthKey): [number, number] {
  const [y, m] = key.split("-").map(Number) as [number, number];
  return [y, m];
}

/** 00:00 on the 1st of the month in Ho Chi Minh City. */
export function monthStart(key: MonthKey): number {
  const [y, m] = yearMonth(key);
  return Date.UTC(y, m - 1, 1) - LOCAL_OFFSET_MS;
}

export function addMonths(key: MonthKey, n: number): MonthKey {
  const [y, m] = yearMonth(key);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The local month an instant falls in. */
export function monthOf(ms: number): MonthKey {
  return new Date(ms + LOCAL_OFFSET_MS).toISOString().slice(0, 7);
}

export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let k = from; k <= to; k = addMonths(k, 1)) out.push(k);
  return out;
}

/** `2026-01` → `01/2026`, as the rest of the site writes dates. */
export function formatMonth(key: MonthKey): string {
  const [y, m] = yearMonth(key);
  return `${String(m).padStart(2, "0")}/${y}`;
}

export function periodOf(from: MonthKey, to: MonthKey): ReportPeriod {
  return { from, to, start: monthStart(from), end: monthStart(addMonths(to, 1)), months: monthsBetween(from, to) };
}

export function defaultPeriod(now: number): ReportPeriod {
  const to = monthOf(now);
  return periodOf(addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1)), to);
}

/**
 * Reads `from` and `to` from the URL. A value that is missing takes the default; one that is
 * not a month, or a pair in the wrong order or too far apart, gives an error (a locale key)
 * for the field, and the default period is shown meanwhile.
 */
export function parsePeriod(
  params: URLSearchParams,
  now: number,
): { period: ReportPeriod; errors: PeriodErrors; input: { from: string; to: string } } {
  const fallback = defaultPeriod(now);
  const rawFrom = (params.get("from") ?? "").trim();
  const rawTo = (params.get("to") ?? "").trim();
  const input = { from: rawFrom, to: rawTo };
  const errors: PeriodErrors = {};
  if (rawFrom && !isMonthKey(rawFrom)) errors.from = "reports.errors.month";
  if (rawTo && !isMonthKey(rawTo)) errors.to = "reports.errors.month";
  if (errors.from || errors.to) return { period: fallback, errors, input };
  let from = rawFrom || null;
  let to = rawTo || null;
  if (from && !to) to = from > fallback.to ? from : fallback.to;
  if (to && !from) from = addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1));
  if (!from || !to) return { period: fallback, errors, input };
  if (from > to) return { period: fallback, errors: { to: "reports.errors.order" }, input };
  if (monthsBetween(from, to).length > MAX_PERIOD_MONTHS) {
    return { period: fallback, errors: { to: "reports.errors.tooLong" }, input };
  }
  return { period: periodOf(from, to), errors, input: { from, to } };
}
