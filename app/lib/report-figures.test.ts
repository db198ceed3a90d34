import { describe, expect, it } from "vitest";
import {
  mean,
  median,
  publishable,
  round,
  share,
  summariseOutcomes,
  suppressSmallGroups,
  type OutcomeRow,
} from "./report-figures";

describe("median and mean", () => {
  it("take the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(share(1, 4)).toBe(0.25);
    expect(share(1, 0)).toBeNull();
    expect(round(2 / 3)).toBe(0.67);
    expect(round(null)).toBeNull();
  });
});

const row = (
  vendorId: string,
  smeId: string,
  before: number | null,
  after: number | null,
  category = "erp",
): OutcomeRow => ({
  engagementId: `${vendorId}-${smeId}-${before}-${after}`,
  smeId,
  vendorId,
  vendorName: `Nhà cung cấp ${vendorId}`,
  category: category as OutcomeRow["category"],
  before,
  after,
});

describe("summariseOutcomes", () => {
  it("shows a vendor's client outcome from 3 measured engagements, not from 2", () => {
    const two = [row("A", "s1", 1, 2), row("A", "s2", 2, 4), row("A", "s3", 1, null)];
    expect(summariseOutcomes(two).byVendor).toEqual([]);
    expect(summariseOutcomes(two).vendorsBelowMinimum).toBe(1);
    const three = [...two, row("A", "s4", 0, 3)];
    const s = summariseOutcomes(three);
    expect(s.byVendor).toEqual([
      { vendorId: "A", vendorName: "Nhà cung cấp A", engagements: 3, smes: 3, before: 1, after: 3, change: 2 },
    ]);
    expect(s.vendorsBelowMinimum).toBe(0);
    expect(s.completed).toBe(4);
  });

  it("averages overall and by category, largest change first", () => {
    const s = summariseOutcomes([
      row("A", "s1", 1, 2, "crm"),
      row("B", "s1", 2, 2, "crm"),
      row("B", "s2", 0, 3, "erp"),
      row("C", "s3", 3, 2, "accounting"),
    ]);
    expect(s.overall).toEqual({ engagements: 4, smes: 3, before: 1.5, after: 2.25, change: 0.75 });
    expect(s.byCategory.map((c) => [c.category, c.change, c.smes])).toEqual([
      ["erp", 3, 1],
      ["crm", 0.5, 1],
      ["accounting", -1, 1],
    ]);
  });

  it("has no overall figure when nothing is measured", () => {
    expect(summariseOutcomes([row("A", "s1", null, 2)]).overall).toBeNull();
  });
});

describe("suppressSmallGroups", () => {
  it("hides groups of 1 or 2 SMEs and keeps groups of 3 or more, and empty ones", () => {
    const out = suppressSmallGroups([{ smes: 0 }, { smes: 1 }, { smes: 2 }, { smes: 3 }, { smes: 10 }]);
    expect(out.map((g) => g.suppressed)).toEqual([false, true, true, false, false]);
  });

  it("hides a second group when one alone would be hidden, so the total cannot give it away", () => {
    const out = suppressSmallGroups([{ smes: 7 }, { smes: 2 }, { smes: 4 }, { smes: 0 }, { smes: 12 }]);
    expect(out.map((g) => g.suppressed)).toEqual([false, true, true, false, false]);
  });

  it("says whether a figure about n SMEs may be published", () => {
    expect([0, 1, 2, 3].map((n) => publishable(n))).toEqual([true, false, false, true]);
  });
});
