import { describe, expect, it } from "vitest";
import { estimateEngagementSupport, summariseSupport, type EngagementForSupport } from "./report-support";
import { estimateSupport, SUPPORT_RATES_DEFAULT } from "./support-estimate";

const M = 1_000_000;
const e = (over: Partial<EngagementForSupport>): EngagementForSupport => ({
  engagementId: "e",
  smeId: "s",
  sizeClass: "small",
  category: "erp",
  cost: 100 * M,
  completedAt: 0,
  ...over,
});

describe("the reports' Decree 80 adapter", () => {
  it("gives what the engagement page's estimate gives, and nothing without a size class", () => {
    expect(estimateEngagementSupport(e({}))).toBe(
      estimateSupport({ sizeClass: "small", category: "erp", cost: 100 * M }, SUPPORT_RATES_DEFAULT).amount,
    );
    expect(estimateEngagementSupport(e({ sizeClass: "micro", cost: 100 * M }))).toBe(20 * M);
    expect(estimateEngagementSupport(e({ sizeClass: "micro", category: "dx_consulting", cost: 30 * M }))).toBe(30 * M);
    expect(estimateEngagementSupport(e({ sizeClass: null }))).toBe(0);
    expect(estimateEngagementSupport(e({ sizeClass: "large" }))).toBe(0);
  });

  it("sums by size class in the Decree's order", () => {
    const s = summariseSupport([
      e({ sizeClass: "medium" }),
      e({ sizeClass: null, cost: 10 * M }),
      e({ sizeClass: "micro" }),
    ]);
    expect(s.bySizeClass.map((r) => [r.sizeClass, r.engagements, r.support])).toEqual([
      ["micro", 1, 20 * M],
      ["medium", 1, 50 * M],
      ["unknown", 1, 0],
    ]);
    expect(s.total).toEqual({ engagements: 3, cost: 210 * M, support: 70 * M });
  });
});
