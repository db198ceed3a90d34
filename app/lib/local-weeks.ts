/**
 * Calendar weeks in Ho Chi Minh City (Monday to Sunday, UTC+7 all year round): where each of the
 * last N weeks starts, as UTC ms, for figures counted per week.
 */
import { DAY_MS } from "./local-date";
import { LOCAL_OFFSET_MS } from "./report-period";

export const WEEK_MS = 7 * DAY_MS;

/** The start (Monday 00:00 in Ho Chi Minh City, as UTC ms) of the local week holding `ms`. */
export function startOfLocalWeek(ms: number): number {
  const day = Math.floor((ms + LOCAL_OFFSET_MS) / DAY_MS);
  // Day 0 (1 January 1970) was a Thursday: (day + 3) % 7 days have passed since Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return monday * DAY_MS - LOCAL_OFFSET_MS;
}

/** The starts of the last `count` local weeks, oldest first, the current week last. */
export function lastLocalWeeks(now: number, count: number): number[] {
  const current = startOfLocalWeek(now);
  return Array.from({ length: count }, (_, i) => current - (count - 1 - i) * WEEK_MS);
}
