import { beforeAll, describe, expect, it } from "vitest";
import { buildReportFixture, NOW } from "../../db/test/report-fixture";
import { periodOf } from "~/lib/report-period";
import { reportTables } from "~/lib/report-table-builders";
import { csvHeader, csvPages } from "~/lib/report-tables";
import { csvResponse } from "~/utils/csv.server";
import { translator } from "~/utils/i18n";
import { computeReport, reportDownload } from "./report-tables.server";

const f = { ...periodOf("2025-01", "2025-06"), now: NOW };

async function download(id: Parameters<typeof reportDownload>[0], lang: "vi" | "en" = "vi") {
  const t = translator(lang);
  const table = reportDownload(id, f);
  const bytes = new Uint8Array(
    await csvResponse("x.csv", csvHeader(table.columns, t), csvPages(table, t)).arrayBuffer(),
  );
  return { bom: [...bytes.slice(0, 3)], lines: new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n") };
}

beforeAll(() => {
  buildReportFixture();
});

describe("report downloads", () => {
  it("write the page's table: a header in the reader's language, raw numbers, the totals row last", async () => {
    const { bom, lines } = await download("needs");
    expect(bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe(
      "Tháng,Nhu cầu đăng,Đã trao,Tỷ lệ trao (%),Đã hủy,Hết hạn,Đang nhận hoặc xét,Chào giá,Chào giá mỗi nhu cầu,Ngày đến khi trao (trung vị),Ngày đến khi trao (trung bình)",
    );
    expect(lines[2]).toBe("2025-02,3,3,100,0,0,0,4,1.33,19,18.7");
    expect(lines.at(-1)).toBe("Tổng cộng,10,5,50,1,2,2,11,1.1,22,21.6");
    // The same figures as the page's table.
    const page = reportTables((await computeReport(f)).data).needs;
    expect(page.total).toEqual([null, 10, 5, 0.5, 1, 2, 2, 11, 1.1, 22, 21.6]);
    expect((await download("needs", "en")).lines[0]).toMatch(/^Month,Needs posted,Awarded,/);
  });

  it("list every engagement of the period with its status, value, sector and milestones on time", async () => {
    const { lines } = await download("engagements");
    expect(lines[0]).toBe(
      "Ngày trao,Nhu cầu,Ngành,Lĩnh vực giải pháp,Doanh nghiệp,Quy mô,Nhà cung cấp,Tình trạng,Giá trị (₫),Ngày hoàn thành,Số mốc,Mốc đến hạn,Mốc đúng hạn",
    );
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(
      /^2025-01-10,Nhu cầu need-[^,]+,Y tế,Kế toán,Công ty sme-[^,]+,Nhỏ,Công ty Ba,Đã chấm dứt,40000000,,0,0,0$/,
    );
    expect(lines[6]).toMatch(/,Đang triển khai,300000000,,3,1,0$/);
  });
});
