import fs from "node:fs";
import { createEngagement, createUser, expect, expectAccessible, signInAs, test } from "./fixtures";

/** `yyyy-MM` of the month `offset` months from now, in Ho Chi Minh City. */
function month(offset = 0): string {
  const local = new Date(Date.now() + 7 * 3_600_000);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}
const display = (key: string) => `${key.slice(5)}/${key.slice(0, 4)}`;

test("staff read the programme report, change the period and sector, and download the engagements as CSV", async ({
  page,
}) => {
  // A long page with some forty charts and tables, checked by axe twice, on a shared machine.
  test.slow();
  const sme = await createUser("sme", { organisation: "Công ty TNHH Gốm Sứ Bình Dương Xanh" });
  const vendor = await createUser("vendor", { organisation: "Công ty Cổ phần Phần mềm Báo Cáo Số" });
  // A title a spreadsheet would run as a formula, were it not neutralised.
  const title = '=HYPERLINK("http://x.vn";"Phần mềm xưởng gốm")';
  await createEngagement(sme, vendor, title);

  const staff = await createUser("staff");
  await signInAs(page, staff);
  await page.goto("/staff");
  await page.getByRole("link", { name: "Báo cáo", exact: true }).first().click();
  await expect(page).toHaveURL(/\/staff\/reports$/);
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo chương trình" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(
    `Kỳ báo cáo ${display(month(-11))} – ${display(month())} · Tất cả các ngành`,
  );
  // Every section has its chart, described for screen readers, and its table.
  await expect(page.getByRole("img", { name: "Giá trị hợp đồng theo ngành" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Giá trị hợp đồng theo ngành" })).toContainText("Bán lẻ và thương mại");
  await expectAccessible(page);

  // This month only, retail: the engagement just awarded is in it.
  await page.getByLabel("Từ tháng", { exact: true }).fill(month());
  await page.getByLabel("Ngành", { exact: true }).selectOption({ label: "Bán lẻ và thương mại" });
  await page.getByRole("button", { name: "Xem báo cáo" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${month()}&to=${month()}&sector=retail_trade`));
  await expect(page.getByRole("status")).toContainText(
    `Kỳ báo cáo ${display(month())} – ${display(month())} · Bán lẻ và thương mại`,
  );
  const byStatus = page.getByRole("table", { name: "Hợp đồng trao trong kỳ theo tình trạng hiện nay" });
  await expect(byStatus.getByRole("row", { name: /Đang triển khai/ })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Danh sách hợp đồng trao trong kỳ (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`ket-noi-so-engagements-${month()}-${month()}-retail-trade.csv`);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "Ngày trao,Nhu cầu,Ngành,Lĩnh vực giải pháp,Doanh nghiệp,Quy mô,Nhà cung cấp,Tình trạng,Giá trị (₫),Ngày hoàn thành,Số mốc,Mốc đến hạn,Mốc đúng hạn",
  );
  const row = lines.find((l) => l.includes("xưởng gốm"));
  // The title is written as text, starting with an apostrophe; the value as a plain number.
  expect(row).toContain(
    `,"'=HYPERLINK(""http://x.vn"";""Phần mềm xưởng gốm"")",Bán lẻ và thương mại,Bán hàng (POS) và bán lẻ,Công ty TNHH Gốm Sứ Bình Dương Xanh,Nhỏ,`,
  );
  expect(row).toContain(",Công ty Cổ phần Phần mềm Báo Cáo Số,Đang triển khai,60000000,,2,0,0");

  // A month that does not exist is said next to the field; the report stays readable.
  await page.goto("/staff/reports?from=2026-13");
  await expect(page.getByText("Nhập tháng dạng năm-tháng, ví dụ 2026-01.")).toBeVisible();
  await expect(page.getByLabel("Từ tháng")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // In English, the CSV's header is in English.
  const csv = await page.request.get(`/staff/reports/csv/needs?from=${month()}&to=${month()}&lang=en`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Month,Needs posted,Awarded,/);
});

test("SMEs and vendors may not read the staff reports", async ({ page }) => {
  await signInAs(page, await createUser("sme"));
  expect((await page.goto("/staff/reports"))?.status()).toBe(403);
  expect((await page.request.get("/staff/reports/csv/engagements")).status()).toBe(403);
});

test("a visitor reads the programme statistics on a phone, without JavaScript @nojs", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/");
  await page.getByRole("link", { name: "Số liệu chương trình" }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.getByRole("heading", { level: 1, name: "Số liệu chương trình" })).toBeVisible();
  await expect(page.getByText(/^Số liệu tính lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(page.getByRole("img", { name: "Doanh nghiệp theo mức chuyển đổi số" })).toBeVisible();
  await expect(page.getByText("Doanh nghiệp nhỏ và vừa dùng nền tảng số").first()).toBeAttached();
  await expect(page.getByText("Nguồn: báo cáo của Thành phố Hồ Chí Minh, năm 2024.")).toBeVisible();
  await expect(page.getByText(/Nhóm có dưới 3 doanh nghiệp được ẩn/)).toBeVisible();
  // The figures of a chart open as a table, without JavaScript.
  const levels = page.getByRole("region", { name: "Mức độ chuyển đổi số" });
  await levels.getByText("Xem bảng số liệu").click();
  await expect(levels.getByRole("table")).toBeVisible();
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
});
