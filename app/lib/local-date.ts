/**
 * Dates typed in `<input type="date">` are days in Ho Chi Minh City (UTC+7, no daylight saving);
 * stored times are ms since the epoch, UTC. These convert between the two.
 */

const OFFSET_MS = 7 * 60 * 60 * 1000;
/** One day in ms: the one declaration of the day length (UTC+7 has no daylight saving). */
export const DAY_MS = 24 * 60 * 60 * 1000;

function parts(value: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return [y, mo, d];
}

export function isLocalDate(value: string): boolean {
  return parts(value) !== null;
}

/** 00:00 of that day in Ho Chi Minh City. */
export function startOfLocalDay(value: string): number {
  const p = parts(value);
  if (!p) throw new Error(`not a date: ${value}`);
  return Date.UTC(p[0], p[1] - 1, p[2]) - OFFSET_MS;
}

/** The last millisecond of that day in Ho Chi Minh City (23:59:59.999). */
export function endOfLocalDay(value: string): number {
  return startOfLocalDay(value) + DAY_MS - 1;
}

/** yyyy-mm-dd of the Ho Chi Minh City day the instant falls on, for a date input's value. */
export function toLocalDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}
