import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format";

describe("format", () => {
  it("shows money as integer VND with dots in Vietnamese", () => {
    expect(formatMoney(150_000_000)).toBe("150.000.000 ₫");
    expect(formatMoney(0)).toBe("0 ₫");
    expect(formatMoney(999)).toBe("999 ₫");
    expect(formatMoney(1_000, "en")).toBe("1,000 ₫");
  });

  it("shows dates as dd/MM/yyyy in Ho Chi Minh City time", () => {
    // 23 Nov 2026 20:30 UTC is already 24 Nov in Ho Chi Minh City (UTC+7)
    const ms = Date.UTC(2026, 10, 23, 20, 30);
    expect(formatDate(ms)).toBe("24/11/2026");
    expect(formatDateTime(ms)).toBe("24/11/2026 03:30");
  });

  it("groups numbers by language", () => {
    expect(formatNumber(71.18, "vi", 2)).toBe("71,18");
    expect(formatNumber(12345, "en")).toBe("12,345");
  });
});
