import { describe, expect, it } from "vitest";
import { bidMarkers, onTimeRate } from "./compare";

const budget = { min: 20_000_000, max: 50_000_000 };

describe("bidMarkers", () => {
  it("marks the lowest of several bids, and each bid inside the budget range", () => {
    const m = bidMarkers(
      [
        { id: "a", total: 24_000_000 },
        { id: "b", total: 52_000_000 },
        { id: "c", total: 50_000_000 },
      ],
      budget,
    );
    expect(m).toEqual({
      a: { lowest: true, withinBudget: true },
      b: { lowest: false, withinBudget: false },
      c: { lowest: false, withinBudget: true },
    });
  });

  it("marks every bid tied for the lowest total", () => {
    const m = bidMarkers(
      [
        { id: "a", total: 30_000_000 },
        { id: "b", total: 30_000_000 },
        { id: "c", total: 31_000_000 },
      ],
      budget,
    );
    expect([m.a!.lowest, m.b!.lowest, m.c!.lowest]).toEqual([true, true, false]);
  });

  it("calls no single bid the lowest, and keeps a bid under the budget's lower bound outside the range", () => {
    expect(bidMarkers([{ id: "a", total: 19_999_999 }], budget)).toEqual({ a: { lowest: false, withinBudget: false } });
    expect(bidMarkers([{ id: "a", total: 20_000_000 }], budget).a!.withinBudget).toBe(true);
    expect(bidMarkers([], budget)).toEqual({});
  });
});

describe("onTimeRate", () => {
  it("is the rounded share of due milestones delivered on time, with how many it rests on", () => {
    expect(onTimeRate({ due: 3, onTime: 2 })).toEqual({ percent: 67, milestones: 3 });
    expect(onTimeRate({ due: 8, onTime: 8 })).toEqual({ percent: 100, milestones: 8 });
    expect(onTimeRate({ due: 4, onTime: 0 })).toEqual({ percent: 0, milestones: 4 });
  });

  it("gives no rate at all without a due milestone", () => {
    expect(onTimeRate({ due: 0, onTime: 0 })).toEqual({ percent: null, milestones: 0 });
  });

  it("never goes above 100% on inconsistent counts", () => {
    expect(onTimeRate({ due: 2, onTime: 5 })).toEqual({ percent: 100, milestones: 2 });
  });
});
