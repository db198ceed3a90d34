import { describe, expect, it } from "vitest";
import { pickOne } from "./query-params";

describe("pickOne", () => {
  it("keeps an allowed value and drops anything else", () => {
    const sorts = ["newest", "rating"] as const;
    expect(pickOne(sorts, "rating")).toBe("rating");
    expect(pickOne(sorts, "price")).toBeUndefined();
    expect(pickOne(sorts, "")).toBeUndefined();
    expect(pickOne(sorts, null)).toBeUndefined();
  });
});
