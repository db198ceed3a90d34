import { describe, expect, it } from "vitest";
import { parseNeedFilters } from "./need-filters";

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
});
