import { describe, expect, it } from "vitest";
import { median, meets, percentile, scaleRatio, shareOfTrivial, table, verdict } from "./figures";

describe("the benchmark's figures", () => {
  it("takes nearest-rank percentiles", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it("takes medians of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("compares a page with the mean of the trivial runs around it", () => {
    expect(shareOfTrivial(100, [180, 220])).toBeCloseTo(0.5);
    expect(shareOfTrivial(100, [200, 0])).toBeCloseTo(0.5);
    expect(shareOfTrivial(100, [])).toBeNaN();
  });

  it("divides the p50s of the two scales, counting under 1 ms as 1 ms", () => {
    expect(scaleRatio(30, 20)).toBeCloseTo(1.5);
    expect(scaleRatio(0, 0)).toBe(1);
    expect(scaleRatio(3, 0)).toBe(3);
    expect(scaleRatio(Number.NaN, 2)).toBeNaN();
  });

  it("judges a target in either direction, and fails an unmeasured figure", () => {
    expect(meets({ value: 0.5, limit: 0.5, atLeast: true })).toBe(true);
    expect(meets({ value: 0.49, limit: 0.5, atLeast: true })).toBe(false);
    expect(meets({ value: 1.6, limit: 1.5, atLeast: false })).toBe(false);
    expect(meets({ value: Number.NaN, limit: 1.5, atLeast: false })).toBe(false);
    expect(verdict({ value: 1.2, limit: 1.5, atLeast: false }, "1.2")).toBe("pass 1.2");
  });

  it("aligns a table's columns", () => {
    expect(
      table(
        ["page", "n"],
        [
          ["/", "1"],
          ["/vendors", "100"],
        ],
      ).split("\n"),
    ).toEqual(["page        n", "--------  ---", "/           1", "/vendors  100"]);
  });
});
