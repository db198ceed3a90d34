import { describe, expect, it } from "vitest";
import { planProblems } from "./bid-rules";

const m = (dueOffsetDays: number, amount: number) => ({ title: "Mốc", dueOffsetDays, amount });

describe("a bid's milestone plan", () => {
  it("accepts amounts that add up to the total with increasing offsets within the duration", () => {
    expect(planProblems(100_000_000, 60, [m(20, 30_000_000), m(45, 30_000_000), m(60, 40_000_000)])).toEqual([]);
  });

  it("refuses amounts that do not add up to the total, by one đồng either way", () => {
    expect(planProblems(100, 60, [m(10, 50), m(20, 49)])).toEqual([
      { path: ["milestones"], message: "errors.milestoneSum" },
    ]);
    expect(planProblems(100, 60, [m(10, 50), m(20, 51)])).toEqual([
      { path: ["milestones"], message: "errors.milestoneSum" },
    ]);
  });

  it("refuses offsets that do not increase, naming the milestone", () => {
    expect(planProblems(100, 60, [m(20, 50), m(20, 50)])).toEqual([
      { path: ["milestones", 1, "dueOffsetDays"], message: "errors.offsetOrder" },
    ]);
    expect(planProblems(100, 60, [m(30, 50), m(10, 50)])).toEqual([
      { path: ["milestones", 1, "dueOffsetDays"], message: "errors.offsetOrder" },
    ]);
  });

  it("refuses an offset past the duration, and allows one exactly at it", () => {
    expect(planProblems(100, 30, [m(31, 100)])).toEqual([
      { path: ["milestones", 0, "dueOffsetDays"], message: "errors.offsetBeyondDuration" },
    ]);
    expect(planProblems(100, 30, [m(30, 100)])).toEqual([]);
  });

  it("needs at least one milestone", () => {
    expect(planProblems(100, 30, [])).toEqual([{ path: ["milestones"], message: "errors.milestonesRequired" }]);
  });
});
