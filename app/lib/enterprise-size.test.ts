import { describe, expect, it } from "vitest";
import { SIZE_LIMITS, sizeClass, sizeClassFromBands } from "./enterprise-size";

const B = 1_000_000_000;
const HUGE = 10_000 * B;

describe.each(["agriculture_industry", "trade_services"] as const)("size class, %s", (group) => {
  const limits = SIZE_LIMITS[group];
  const order = ["micro", "small", "medium"] as const;

  it.each(order)("%s: at its employee limit with revenue at its limit", (cls) => {
    const l = limits[cls];
    expect(sizeClass({ group, employees: l.employees, revenue: l.revenue, capital: HUGE })).toBe(cls);
  });

  it.each(order)("%s: at its employee limit with only capital at its limit", (cls) => {
    const l = limits[cls];
    expect(sizeClass({ group, employees: l.employees, revenue: HUGE, capital: l.capital })).toBe(cls);
  });

  it.each(order)("%s: one employee over the limit moves up", (cls) => {
    const l = limits[cls];
    const next = order[order.indexOf(cls) + 1] ?? "large";
    expect(sizeClass({ group, employees: l.employees + 1, revenue: 0, capital: 0 })).toBe(next);
  });

  it.each(order)("%s: revenue and capital both one đồng over the limit moves up", (cls) => {
    const l = limits[cls];
    const next = order[order.indexOf(cls) + 1] ?? "large";
    expect(sizeClass({ group, employees: 1, revenue: l.revenue + 1, capital: l.capital + 1 })).toBe(next);
  });
});

describe("the two sector groups differ", () => {
  it("60 employees is small in industry, medium in services", () => {
    const input = { employees: 60, revenue: 10 * B, capital: 10 * B };
    expect(sizeClass({ group: "agriculture_industry", ...input })).toBe("small");
    expect(sizeClass({ group: "trade_services", ...input })).toBe("medium");
  });

  it("revenue of 8bn with 5 staff is micro in services, small in industry", () => {
    const input = { employees: 5, revenue: 8 * B, capital: 5 * B };
    expect(sizeClass({ group: "agriculture_industry", ...input })).toBe("small");
    expect(sizeClass({ group: "trade_services", ...input })).toBe("micro");
  });
});

describe("bands", () => {
  it("uses each band's upper bound", () => {
    expect(
      sizeClassFromBands({ group: "trade_services", employees: 8, revenueBand: "r10", capitalBand: "cmore" }),
    ).toBe("micro");
    expect(
      sizeClassFromBands({ group: "agriculture_industry", employees: 8, revenueBand: "r10", capitalBand: "c20" }),
    ).toBe("small");
    expect(sizeClassFromBands({ group: "trade_services", employees: 300, revenueBand: "r3", capitalBand: "c3" })).toBe(
      "large",
    );
  });
});
