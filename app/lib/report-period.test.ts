import { describe, expect, it } from "vitest";
import { addMonths, defaultPeriod, formatMonth, monthOf, monthStart, parsePeriod, periodOf } from "./report-period";

const at = (iso: string) => Date.parse(iso);
const params = (q: string) => new URLSearchParams(q);
const NOW = at("2026-11-29T13:15:00Z"); // 20:15 on 29/11/2026 in Ho Chi Minh City

describe("months in Ho Chi Minh City", () => {
  it("start at local midnight on the 1st", () => {
    expect(monthStart("2026-01")).toBe(at("2025-12-31T17:00:00Z"));
    expect(monthOf(at("2025-12-31T17:00:00Z"))).toBe("2026-01");
    expect(monthOf(at("2025-12-31T16:59:59.999Z"))).toBe("2025-12");
  });

  it("add across years and print as MM/yyyy", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-11", 14)).toBe("2027-01");
    expect(formatMonth("2026-03")).toBe("03/2026");
  });
});

describe("parsePeriod", () => {
  it("defaults to the last 12 months, this one included", () => {
    const { period, errors } = parsePeriod(params(""), NOW);
    expect(errors).toEqual({});
    expect([period.from, period.to, period.months.length]).toEqual(["2025-12", "2026-11", 12]);
    expect(period.start).toBe(monthStart("2025-12"));
    expect(period.end).toBe(monthStart("2026-12"));
    expect(period).toEqual(defaultPeriod(NOW));
  });

  it("reads from and to, both months included", () => {
    const { period, errors } = parsePeriod(params("from=2026-01&to=2026-03"), NOW);
    expect(errors).toEqual({});
    expect(period.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(period).toEqual(periodOf("2026-01", "2026-03"));
  });

  it("fills a missing end with this month and a missing start with 12 months before the end", () => {
    expect(parsePeriod(params("from=2026-05"), NOW).period.months).toHaveLength(7);
    expect(parsePeriod(params("to=2026-03"), NOW).period.from).toBe("2025-04");
  });

  it("says what is wrong next to the field and shows the default meanwhile", () => {
    const bad = parsePeriod(params("from=2026-13&to=abc"), NOW);
    expect(bad.errors).toEqual({ from: "reports.errors.month", to: "reports.errors.month" });
    expect(bad.period).toEqual(defaultPeriod(NOW));
    expect(bad.input).toEqual({ from: "2026-13", to: "abc" });
    expect(parsePeriod(params("from=2026-05&to=2026-02"), NOW).errors).toEqual({ to: "reports.errors.order" });
    expect(parsePeriod(params("from=2010-01&to=2026-02"), NOW).errors).toEqual({ to: "reports.errors.tooLong" });
  });
});
