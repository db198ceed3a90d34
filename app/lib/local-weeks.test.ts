import { describe, expect, it } from "vitest";
import { lastLocalWeeks, startOfLocalWeek, WEEK_MS } from "./local-weeks";

const local = (iso: string) => Date.parse(`${iso}+07:00`);

describe("local weeks", () => {
  it("start on Monday at midnight in Ho Chi Minh City", () => {
    // Monday 2 March 2026, 00:00 local is Sunday 1 March, 17:00 UTC.
    expect(startOfLocalWeek(local("2026-03-02T00:00:00"))).toBe(local("2026-03-02T00:00:00"));
    expect(startOfLocalWeek(local("2026-03-08T23:59:59"))).toBe(local("2026-03-02T00:00:00"));
    expect(startOfLocalWeek(local("2026-03-01T23:59:59"))).toBe(local("2026-02-23T00:00:00"));
    // A Monday 06:59 local is still Sunday in UTC: the local week counts.
    expect(startOfLocalWeek(Date.parse("2026-03-01T23:30:00Z"))).toBe(local("2026-03-02T00:00:00"));
  });

  it("list the last weeks oldest first, ending with the current one", () => {
    const weeks = lastLocalWeeks(local("2026-03-04T12:00:00"), 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toBe(local("2026-03-02T00:00:00"));
    expect(weeks[0]).toBe(local("2026-03-02T00:00:00") - 11 * WEEK_MS);
  });
});
