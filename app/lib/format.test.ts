import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber, TIME_ZONE } from "./format";

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

  it("gives the day and time Intl gives in Asia/Ho_Chi_Minh, from 1976 to 2100", () => {
    const intl = new Intl.DateTimeFormat("en-GB", {
      timeZone: TIME_ZONE,
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
    const from = Date.UTC(1976, 0, 1);
    const until = Date.UTC(2100, 0, 1);
    // Every hour boundary of a year's turn in Ho Chi Minh City, and 5,000 times spread over the range.
    const times = [Date.UTC(2026, 11, 31, 16, 59, 59, 999), Date.UTC(2026, 11, 31, 17), Date.UTC(2028, 1, 28, 17)];
    for (let i = 0; i < 5_000; i++) times.push(from + Math.floor(((until - from) * i) / 5_000) + i * 7_919);
    for (const ms of times) expect(formatDateTime(ms), new Date(ms).toISOString()).toBe(expected(ms));
    expect(() => formatDate(Number.NaN)).toThrow(RangeError);
  });
});
