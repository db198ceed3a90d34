import { describe, expect, it } from "vitest";
import { endOfLocalDay, isLocalDate, startOfLocalDay, toLocalDate } from "./local-date";

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
