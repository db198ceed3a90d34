import { describe, expect, it } from "vitest";
import { readCookie } from "./cookies";

describe("readCookie", () => {
  it("finds one cookie among others and decodes it", () => {
    expect(readCookie("a=1; lang=en; kns_session=abc", "lang")).toBe("en");
    expect(readCookie("x=%C4%91", "x")).toBe("đ");
    expect(readCookie('q="quoted"', "q")).toBe("quoted");
  });

  it("answers null for a missing cookie or header", () => {
    expect(readCookie("a=1", "lang")).toBeNull();
    expect(readCookie(null, "lang")).toBeNull();
    expect(readCookie("", "lang")).toBeNull();
  });

  it("ignores a value that is not valid percent-encoding instead of throwing", () => {
    expect(readCookie("lang=%E0%A4%A", "lang")).toBeNull();
    expect(readCookie("kns_session=%%%", "kns_session")).toBeNull();
  });

  it("is not thrown off by malformed pairs elsewhere in the header", () => {
    expect(readCookie("lang=%E0%A4%A; garbage; =x; kns_session=s1", "kns_session")).toBe("s1");
  });
});
