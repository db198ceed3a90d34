/**
 * A date and a time typed in two fields (`<input type="date">`, `<input type="time">`) are a moment
 * in Ho Chi Minh City (UTC+7, no daylight saving); stored times are ms since the epoch, UTC. Kept
 * apart from the form so that another date control can replace the two fields.
 */
import { isLocalDate, startOfLocalDay, toLocalDate } from "./local-date";

const OFFSET_MS = 7 * 60 * 60 * 1000;

/** `HH:mm` (24 h), or null. */
function minutesOf(time: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The instant of a Ho Chi Minh City date and time, or null when either is not valid. */
export function parseLocalDateTime(date: string, time: string): number | null {
  const minutes = minutesOf(time);
  if (minutes === null || !isLocalDate(date.trim())) return null;
  return startOfLocalDay(date.trim()) + minutes * 60_000;
}

/** The date and time fields' values for an instant, in Ho Chi Minh City. */
export function toLocalDateTime(ms: number): { date: string; time: string } {
  return { date: toLocalDate(ms), time: new Date(ms + OFFSET_MS).toISOString().slice(11, 16) };
}

/** `yyyy-mm` of the Ho Chi Minh City month the instant falls in. */
export function localMonth(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 7);
}

/** [start, end) of a `yyyy-mm` month in Ho Chi Minh City. */
export function localMonthBounds(month: string): [number, number] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return [Date.UTC(y, m - 1, 1) - OFFSET_MS, Date.UTC(y, m, 1) - OFFSET_MS];
}
