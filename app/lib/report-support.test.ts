import { describe, expect, it } from "vitest";
import {
  estimateEngagementSupport,
  estimateEngagementSupports,
  summariseSupport,
  type EngagementForSupport,
} from "./report-support";
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
      e({ engagementId: "1", smeId: "a", sizeClass: "medium" }),
      e({ engagementId: "2", smeId: "b", sizeClass: null, cost: 10 * M }),
      e({ engagementId: "3", smeId: "c", sizeClass: "micro" }),
    ]);
    expect(s.bySizeClass.map((r) => [r.sizeClass, r.engagements, r.support])).toEqual([
      ["micro", 1, 20 * M],
      ["medium", 1, 50 * M],
      ["unknown", 1, 0],
    ]);
    expect(s.total).toEqual({ engagements: 3, cost: 210 * M, support: 70 * M });
  });

  it("lets one SME's engagements of a calendar year share its cap, and a new year start afresh", () => {
    const march = Date.UTC(2026, 2, 1);
    const amounts = estimateEngagementSupports([
      e({ engagementId: "b", completedAt: march + 2 }),
      e({ engagementId: "a", completedAt: march + 1 }),
      e({ engagementId: "c", completedAt: Date.UTC(2027, 0, 2) }),
      e({ engagementId: "other-sme", smeId: "t", completedAt: march + 3 }),
    ]);
    expect(Object.fromEntries(amounts)).toEqual({ a: 50 * M, b: 0, c: 50 * M, "other-sme": 50 * M });
    const s = summariseSupport([e({ engagementId: "b" })], SUPPORT_RATES_DEFAULT, amounts);
    expect(s.total.support).toBe(0);
  });
});
