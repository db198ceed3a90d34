import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it("keeps a same-site path with its query", () => {
    expect(safeRedirect("/ok?a=b")).toBe("/ok?a=b");
    expect(safeRedirect("/needs/123#bids")).toBe("/needs/123#bids");
    expect(safeRedirect("/")).toBe("/");
  });

  it("refuses protocol-relative and backslash paths that browsers read as another host", () => {
    expect(safeRedirect("//x")).toBe("/me");
    expect(safeRedirect("//evil.example/phish")).toBe("/me");
    expect(safeRedirect("/\\x")).toBe("/me");
    expect(safeRedirect("/\\evil.example/phish")).toBe("/me");
    expect(safeRedirect("/ok\\x")).toBe("/me");
  });

  it("refuses control characters, which browsers strip before reading the URL", () => {
    expect(safeRedirect("/\t/x")).toBe("/me");
    expect(safeRedirect("/\\t/x")).toBe("/me");
    expect(safeRedirect("/\n/evil.example")).toBe("/me");
    expect(safeRedirect("/ok\u0000")).toBe("/me");
  });

  it("refuses absolute URLs and anything that does not start with one slash", () => {
    expect(safeRedirect("https://x")).toBe("/me");
    expect(safeRedirect("javascript:alert(1)")).toBe("/me");
    expect(safeRedirect("me")).toBe("/me");
    expect(safeRedirect("")).toBe("/me");
    expect(safeRedirect(null)).toBe("/me");
    expect(safeRedirect(undefined)).toBe("/me");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirect("//x", "/notifications")).toBe("/notifications");
  });
});
