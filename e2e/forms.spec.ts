import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { DAY_MS, toLocalDate } from "../app/lib/local-date";
import { formatDate } from "../app/lib/format";
import {
  createEngagement,
  createUser,
  dateBoxes,
  expect,
  expectAccessible,
  fillDate,
  signInAs,
  test,
} from "./fixtures";

/** yyyy-mm-dd of the Ho Chi Minh City day `days` from now. */
const hcmcDay = (days: number) => toLocalDate(Date.now() + days * DAY_MS);
/** dd/MM/yyyy of that day, as the pages show it. */
const shown = (day: string) => formatDate(Date.parse(`${day}T12:00:00+07:00`));
const boxesOf = (day: string) => {
  const [year, month, date] = day.split("-");
  return [String(Number(date)), String(Number(month)), year];
};

const needTitle = () => `Phần mềm quản lý kho cho xưởng may Thành Công ${crypto.randomInt(100_000, 999_999)}`;

async function fillNeed(page: Page, title: string) {
  await page.getByLabel("Tiêu đề").fill(title);
  await page
    .getByLabel("Vấn đề cần giải quyết")
    .fill("Kho vải và phụ liệu ghi sổ tay, hay lệch số khi kiểm kê cuối tháng.");
  await page.getByLabel("Loại giải pháp").selectOption("warehouse_logistics");
  await page.getByLabel("Lĩnh vực").selectOption("manufacturing");
  await page.getByLabel("Ngân sách từ (đồng)").fill("50.000.000");
  await page.getByLabel("Ngân sách đến (đồng)").fill("90.000.000");
}

test("a refused need form sums up its errors at the top; a link takes the cursor into the date's first box, and a date typed in three boxes stays and is saved", async ({
  page,
}) => {
  const sme = await createUser("sme");
  const title = needTitle();
  await signInAs(page, sme);
  await page.goto("/needs/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhu cầu mới");

  // Nothing typed: the summary appears, takes focus and names each field.
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Có lỗi cần sửa trước khi gửi" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Tiêu đề: Vui lòng điền mục này." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Nhập hạn nhận hồ sơ dự thầu." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Nhập ngày mong muốn bắt đầu." })).toBeVisible();
  await expectAccessible(page, { state: "with errors" });

  // Its link moves the cursor into the date's first box (Ngày).
  await summary.getByRole("link", { name: "Nhập hạn nhận hồ sơ dự thầu." }).click();
  const deadline = page.getByRole("group", { name: "Hạn nhận hồ sơ dự thầu" });
  await expect(deadline.getByLabel("Ngày", { exact: true })).toBeFocused();

  // 31 April does not exist: said next to the date, and what was typed stays.
  const year = String(new Date().getUTCFullYear() + 1);
  await fillNeed(page, title);
  await fillDate(page, "Hạn nhận hồ sơ dự thầu", { day: "31", month: "04", year });
  await fillDate(page, "Ngày mong muốn bắt đầu", { day: "15", month: "", year });
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(summary).toBeFocused();
  await expect(deadline.getByText("Hạn nhận hồ sơ dự thầu phải là một ngày có thật, ví dụ 27 3 2027.")).toBeVisible();
  const start = page.getByRole("group", { name: "Ngày mong muốn bắt đầu" });
  await expect(start.getByText("Ngày mong muốn bắt đầu phải có tháng.")).toBeVisible();
  // Only the missing month is marked.
  await expect(start.getByLabel("Tháng", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(start.getByLabel("Ngày", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  expect(await dateBoxes(page, "Hạn nhận hồ sơ dự thầu")).toEqual(["31", "04", year]);
  await expect(page.getByLabel("Tiêu đề")).toHaveValue(title);

  // Real days: saved, and shown as dd/MM/yyyy.
  const due = hcmcDay(12);
  const begin = hcmcDay(40);
  await fillDate(page, "Hạn nhận hồ sơ dự thầu", due);
  await fillDate(page, "Ngày mong muốn bắt đầu", begin);
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(shown(due)).first()).toBeVisible();

  // Editing the draft shows the saved days in the boxes.
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  expect(await dateBoxes(page, "Hạn nhận hồ sơ dự thầu")).toEqual(boxesOf(due));
  expect(await dateBoxes(page, "Ngày mong muốn bắt đầu")).toEqual(boxesOf(begin));
  await expectAccessible(page);
});

test("@nojs without JavaScript the refused need form's summary links to the fields and the three boxes keep what was typed", async ({
  page,
}) => {
  const sme = await createUser("sme");
  const title = needTitle();
  await signInAs(page, sme);
  await page.goto("/needs/new");
  await fillNeed(page, title);
  const year = String(new Date().getUTCFullYear() + 2);
  await fillDate(page, "Hạn nhận hồ sơ dự thầu", { day: "29", month: "2", year: year.slice(2) });
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Có lỗi cần sửa trước khi gửi" });
  await expect(
    summary.getByRole("link", { name: "Hạn nhận hồ sơ dự thầu: Năm phải có đủ 4 chữ số, ví dụ 2027." }),
  ).toHaveAttribute("href", "#need-new-deadline");
  await expect(summary.getByRole("link", { name: "Nhập ngày mong muốn bắt đầu." })).toHaveAttribute(
    "href",
    "#need-new-desiredStart",
  );
  // The link's target is the first box of the date.
  await expect(page.locator("#need-new-deadline")).toHaveAttribute("name", "deadline.day");
  expect(await dateBoxes(page, "Hạn nhận hồ sơ dự thầu")).toEqual(["29", "2", year.slice(2)]);
  await expect(page.getByLabel("Tiêu đề")).toHaveValue(title);

  const due = hcmcDay(9);
  await fillDate(page, "Hạn nhận hồ sơ dự thầu", due);
  await fillDate(page, "Ngày mong muốn bắt đầu", hcmcDay(30));
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp.")).toBeVisible();
  await expect(page.getByText(shown(due)).first()).toBeVisible();
});

test("a party proposes a new due date for a milestone in three boxes; a date that does not exist is refused first", async ({
  page,
}) => {
  const sme = await createUser("sme");
  const vendor = await createUser("vendor");
  const engagementId = await createEngagement(sme, vendor, "Phần mềm quản lý kho cho xưởng may");
  await signInAs(page, sme);
  await page.goto(`/engagements/${engagementId}`);
  await page.getByText("Đề xuất điều chỉnh", { exact: true }).click();
  const form = page.locator("#amend-due");
  await form.getByLabel("Mốc").selectOption({ label: "Lắp đặt và cấu hình" });
  await fillDate(form, "Hạn mới", { day: "30", month: "2", year: "2031" });
  await form.getByLabel("Lý do").fill("Xưởng nghỉ Tết nên lùi lịch lắp đặt.");
  await form.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(form.getByRole("alert")).toBeFocused();
  await expect(form.getByRole("link", { name: "Hạn mới phải là một ngày có thật, ví dụ 27 3 2027." })).toBeVisible();
  expect(await dateBoxes(form, "Hạn mới")).toEqual(["30", "2", "2031"]);

  const due = hcmcDay(50);
  await fillDate(form, "Hạn mới", due);
  await form.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect(page.getByText(`Đổi hạn mốc “Lắp đặt và cấu hình” thành ${shown(due)}`)).toBeVisible();
  await expectAccessible(page);
});

test("@nojs the audit log's date filter takes three boxes, and says so when a date does not exist", async ({
  page,
}) => {
  const admin = await createUser("admin");
  await signInAs(page, admin);
  await page.goto("/staff/audit");
  await fillDate(page, /Từ ngày/, { day: "31", month: "4", year: "2026" });
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/from\.day=31/);
  await expect(page.getByRole("link", { name: "Từ ngày phải là một ngày có thật, ví dụ 27 3 2027." })).toHaveAttribute(
    "href",
    "#audit-from",
  );
  expect(await dateBoxes(page, /Từ ngày/)).toEqual(["31", "4", "2026"]);

  const today = hcmcDay(0);
  await fillDate(page, /Từ ngày/, today);
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await dateBoxes(page, /Từ ngày/)).toEqual(boxesOf(today));
  await expect(page).toHaveURL(new RegExp(`from\\.year=${today.slice(0, 4)}`));
});
