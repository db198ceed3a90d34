import { describe, expect, it } from "vitest";
import { ftsQuery, parseNeedFilters } from "./need-filters";

describe("needs board filters", () => {
  it("read known values from the query and ignore the rest", () => {
    const filters = parseNeedFilters(
      new URLSearchParams("q=  ke toan &category=accounting&sector=nowhere&budget=50m-200m&closes=7&sort=deadline"),
    );
    expect(filters).toEqual({
      q: "ke toan",
      category: "accounting",
      sector: undefined,
      budget: "50m-200m",
      closes: 7,
      sort: "deadline",
    });
    expect(parseNeedFilters(new URLSearchParams("closes=5&sort=cheapest")).sort).toBe("newest");
    expect(parseNeedFilters(new URLSearchParams("closes=5")).closes).toBeUndefined();
  });

  it("turn typed words into a safe FTS5 prefix query without diacritics", () => {
    expect(ftsQuery("Phần mềm KẾ TOÁN")).toBe('"phan"* "mem"* "ke"* "toan"*');
    expect(ftsQuery("Đồng Tâm")).toBe('"dong"* "tam"*');
    expect(ftsQuery('"quoted" OR NEAR(x) -y *')).toBe('"quoted"* "or"* "near"* "x"* "y"*');
    expect(ftsQuery("  ... ")).toBeNull();
  });
});
