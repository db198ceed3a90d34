import { describe, expect, it } from "vitest";
import {
  formatDecimalInput,
  formatMoneyInput,
  formatPercentInput,
  parseDecimalInput,
  parseMoneyInput,
  parsePercentInput,
} from "./setting-input";

describe("money typed in settings", () => {
  it("accepts what the page shows, in either language, and plain digits", () => {
    expect(parseMoneyInput("20.000.000 ₫")).toBe(20_000_000);
    expect(parseMoneyInput("20,000,000 ₫")).toBe(20_000_000);
    expect(parseMoneyInput("20 000 000đ")).toBe(20_000_000);
    expect(parseMoneyInput("150000000")).toBe(150_000_000);
    expect(parseMoneyInput(" 5.000.000 VND ")).toBe(5_000_000);
  });
  it("refuses what is not whole đồng", () => {
    expect(parseMoneyInput("20.000,5 ₫")).toBeNull();
    expect(parseMoneyInput("2.00.000")).toBeNull();
    expect(parseMoneyInput("-5")).toBeNull();
    expect(parseMoneyInput("")).toBeNull();
    expect(parseMoneyInput("hai mươi triệu")).toBeNull();
  });
  it("round-trips its own formatting", () => {
    for (const lang of ["vi", "en"] as const) {
      expect(parseMoneyInput(formatMoneyInput(100_000_000, lang))).toBe(100_000_000);
    }
    expect(formatMoneyInput(20_000_000, "vi")).toBe("20.000.000 ₫");
  });
});

describe("decimals and shares typed in settings", () => {
  it("reads the Vietnamese decimal comma and the point", () => {
    expect(parseDecimalInput("0,5")).toBe(0.5);
    expect(parseDecimalInput("1.5")).toBe(1.5);
    expect(parseDecimalInput("7")).toBe(7);
    expect(parseDecimalInput("1,5,2")).toBeNull();
    expect(parseDecimalInput("abc")).toBeNull();
    expect(formatDecimalInput(1.5, "vi")).toBe("1,5");
    expect(formatDecimalInput(1.5, "en")).toBe("1.5");
  });
  it("reads percentages as shares, with or without the sign", () => {
    expect(parsePercentInput("50 %")).toBe(0.5);
    expect(parsePercentInput("12,5%")).toBe(0.125);
    expect(parsePercentInput("120")).toBe(1.2);
    expect(parsePercentInput("% 50")).toBeNull();
    expect(formatPercentInput(0.5, "vi")).toBe("50 %");
    expect(formatPercentInput(0.125, "vi")).toBe("12,5 %");
    expect(formatPercentInput(1.2, "en")).toBe("120%");
    for (const lang of ["vi", "en"] as const) {
      expect(parsePercentInput(formatPercentInput(0.07, lang))).toBe(0.07);
    }
  });
});

describe("threshold groups", () => {
  it("place every risk threshold under exactly one rule", async () => {
    const { THRESHOLD_GROUPS, THRESHOLD_KINDS } = await import("./threshold-groups");
    const { RISK_THRESHOLDS_DEFAULT } = await import("./risk-rules");
    const grouped = THRESHOLD_GROUPS.flatMap((g) => g.keys).sort();
    expect(grouped).toEqual(Object.keys(RISK_THRESHOLDS_DEFAULT).sort());
    expect(Object.keys(THRESHOLD_KINDS).sort()).toEqual(grouped);
  });
});
