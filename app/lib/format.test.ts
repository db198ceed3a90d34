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

  it("gives the dates Intl gives in Asia/Ho_Chi_Minh, across years, month ends and midnight", () => {
    const intl = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const expected = (ms: number) => {
      const p = Object.fromEntries(intl.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
    };
    const times = [
      Date.UTC(1970, 0, 1),
      Date.UTC(1975, 5, 12, 16, 59),
      Date.UTC(1976, 0, 1),
      Date.UTC(2024, 1, 28, 17, 0),
      Date.UTC(2024, 1, 29, 16, 59, 59, 999),
      Date.UTC(2026, 11, 31, 16, 59),
      Date.UTC(2026, 11, 31, 17, 0),
      Date.UTC(2099, 11, 31, 23, 59),
      1_764_500_000_123.7,
    ];
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) times.push(ms);
    for (const ms of times) {
      expect(formatDateTime(ms)).toBe(expected(ms));
      expect(formatDate(ms)).toBe(expected(ms).slice(0, 10));
    }
  });

  it("groups numbers by language", () => {
    expect(formatNumber(71.18, "vi", 2)).toBe("71,18");
    expect(formatNumber(12345, "en")).toBe("12,345");
  });
});
