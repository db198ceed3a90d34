import { describe, expect, it } from "vitest";
import { originAllowed } from "./csrf";

const allowed = ["http://localhost:3000"];

describe("origin check", () => {
  it("lets reads through whatever their origin", () => {
    expect(originAllowed("GET", null, allowed)).toBe(true);
    expect(originAllowed("HEAD", "https://evil.example", allowed)).toBe(true);
  });

  it("accepts a POST from this site", () => {
    expect(originAllowed("POST", "http://localhost:3000", allowed)).toBe(true);
  });

  it("refuses a POST from another site, with no origin, or an opaque one", () => {
    expect(originAllowed("POST", "https://evil.example", allowed)).toBe(false);
    expect(originAllowed("POST", "http://localhost:3001", allowed)).toBe(false);
    expect(originAllowed("POST", null, allowed)).toBe(false);
    expect(originAllowed("DELETE", "null", allowed)).toBe(false);
  });
});
