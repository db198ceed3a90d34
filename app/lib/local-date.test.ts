import { describe, expect, it } from "vitest";
import { endOfLocalDay, isLocalDate, localYear, localYearBounds, startOfLocalDay, toLocalDate } from "./local-date";

describe("Ho Chi Minh City dates", () => {
  it("start at 17:00 UTC the day before and end a millisecond before the next", () => {
    expect(startOfLocalDay("2026-11-24")).toBe(Date.UTC(2026, 10, 23, 17, 0));
    expect(endOfLocalDay("2026-11-24")).toBe(Date.UTC(2026, 10, 24, 16, 59, 59, 999));
  });

  it("give back the local day of an instant", () => {
    expect(toLocalDate(Date.UTC(2026, 10, 23, 20, 30))).toBe("2026-11-24");
    expect(toLocalDate(Date.UTC(2026, 10, 23, 16, 59))).toBe("2026-11-23");
    expect(toLocalDate(endOfLocalDay("2026-12-31"))).toBe("2026-12-31");
  });

  it("refuse what is not a calendar day", () => {
    expect(isLocalDate("2026-02-30")).toBe(false);
    expect(isLocalDate("24/11/2026")).toBe(false);
    expect(isLocalDate("2028-02-29")).toBe(true);
  });
});

describe("the calendar year in Ho Chi Minh City", () => {
  it("puts 23:30 on 31/12 in that year and 00:30 on 1/1 in the next, though both are 31/12 in UTC", () => {
    expect(localYear(Date.UTC(2026, 11, 31, 16, 30))).toBe(2026);
    expect(localYear(Date.UTC(2026, 11, 31, 17, 30))).toBe(2027);
  });

  it("bounds a year from 00:00 on 1/1 to 00:00 on the next 1/1, local time", () => {
    const [start, end] = localYearBounds(2026);
    expect(localYear(start)).toBe(2026);
    expect(localYear(start - 1)).toBe(2025);
    expect(localYear(end - 1)).toBe(2026);
    expect(localYear(end)).toBe(2027);
  });
});
