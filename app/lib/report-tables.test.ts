import { describe, expect, it } from "vitest";
import { translator } from "~/utils/i18n";
import { csvCell, csvHeader, csvPages, displayCell, type Column } from "./report-tables";

const vi = translator("vi");
const en = translator("en");
const c = (type: Column["type"]): Column => ({ header: "reports.columns.value", type });

describe("a report cell", () => {
  it("reads formatted on the screen and plain in the CSV", () => {
    expect(displayCell(c("money"), 150_000_000, vi, "vi")).toBe("150.000.000 ₫");
    expect(csvCell(c("money"), 150_000_000, vi)).toBe(150_000_000);
    expect(displayCell(c("percent"), 2 / 3, vi, "vi")).toBe("66,7 %");
    expect(displayCell(c("percent"), 2 / 3, en, "en")).toBe("66.7 %");
    expect(csvCell(c("percent"), 2 / 3, vi)).toBe(66.7);
    expect(displayCell(c("decimal"), -0.5, vi, "vi")).toBe("-0,50");
    expect(csvCell(c("decimal"), -0.5, vi)).toBe(-0.5);
    expect(displayCell(c("month"), "2026-03", vi, "vi")).toBe("03/2026");
    expect(csvCell(c("month"), "2026-03", vi)).toBe("2026-03");
    expect(displayCell(c("date"), Date.parse("2026-03-31T18:00:00Z"), vi, "vi")).toBe("01/04/2026");
    expect(csvCell(c("date"), Date.parse("2026-03-31T18:00:00Z"), vi)).toBe("2026-04-01");
    expect(displayCell(c("label"), "sectors.healthcare", vi, "vi")).toBe("Y tế");
    expect(csvCell(c("label"), "sectors.healthcare", en)).toBe("Healthcare");
    expect(displayCell(c("int"), null, vi, "vi")).toBe("—");
    expect(csvCell(c("int"), null, vi)).toBeNull();
  });

  it("writes the header in the reader's language and the totals row last", () => {
    const table = {
      columns: [
        { header: "reports.columns.month", type: "month" as const },
        { header: "reports.columns.posted", type: "int" as const },
      ],
      pages: [[["2026-01", 3]], [["2026-02", 4]]],
      total: [null, 7],
    };
    expect(csvHeader(table.columns, vi)).toEqual(["Tháng", "Nhu cầu đăng"]);
    expect(csvHeader(table.columns, en)).toEqual(["Month", "Needs posted"]);
    expect([...csvPages(table, vi)]).toEqual([[["2026-01", 3]], [["2026-02", 4]], [["Tổng cộng", 7]]]);
  });
});
