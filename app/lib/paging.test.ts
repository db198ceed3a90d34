import { describe, expect, it } from "vitest";
import { pageCount } from "./paging";

describe("pageCount", () => {
  it("is one page for an empty or short list, and a page more for each started page", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(100, 20)).toBe(5);
  });
});
