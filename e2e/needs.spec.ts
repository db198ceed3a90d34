import crypto from "node:crypto";
import { DAY_MS, toLocalDate } from "../app/lib/local-date";
import { createNeed, createUser, e2eDb, expect, expectAccessible, fillDate, signInAs, test } from "./fixtures";

/** yyyy-mm-dd of the Ho Chi Minh City day `days` from now. */
const hcmcDay = (days: number) => toLocalDate(Date.now() + days * DAY_MS);

const uniqueTitle = () => {
  const token = `kns${crypto.randomInt(100_000, 999_999)}`;
  return { token, title: `Hệ thống đặt bàn cho nhà hàng Hương Sen Đỏ ${token}` };
};

test("an SME publishes a need; a mistake is named next to its field and what was typed stays", async ({ page }) => {
  const sme = await createUser("sme", { name: "Lâm Thị Hồng" });
  const { title } = uniqueTitle();

  await signInAs(page, sme);
  await page.goto("/needs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhu cầu của tôi");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Đăng nhu cầu mới" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhu cầu mới");
  await expectAccessible(page);

  await page.getByLabel("Tiêu đề").fill(title);
  await page
    .getByLabel("Vấn đề cần giải quyết")
    .fill("Khách đặt bàn qua điện thoại nên hay trùng giờ. Cần trang đặt bàn trực tuyến và nhắc lịch qua Zalo.");
  await page.getByLabel("Loại giải pháp").selectOption("web_app_development");
  await page.getByLabel("Lĩnh vực").selectOption("food_beverage");
  await page.getByLabel("Ngân sách từ (đồng)").fill("120.000.000");
  await page.getByLabel("Ngân sách đến (đồng)").fill("80.000.000");
  await fillDate(page, "Hạn nhận hồ sơ dự thầu", hcmcDay(0));
  await fillDate(page, "Ngày mong muốn bắt đầu", hcmcDay(20));
  await page.getByRole("button", { name: "Đăng nhu cầu" }).click();

  // The budget the wrong way round is named next to its field; what was typed stays.
  await expect(
    page.getByText("Ngân sách tối đa phải lớn hơn hoặc bằng ngân sách tối thiểu.", { exact: true }),
  ).toBeVisible();
  await expect(page.getByLabel("Ngân sách đến (đồng)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Tiêu đề")).toHaveValue(title);
  await expectAccessible(page, { state: "with errors" });

  // A deadline today is too soon to publish: refused next to the deadline.
  await page.getByLabel("Ngân sách đến (đồng)").fill("180.000.000");
  await page.getByRole("button", { name: "Đăng nhu cầu" }).click();
  const deadline = page.getByRole("group", { name: "Hạn nhận hồ sơ dự thầu" });
  await expect(deadline.getByText("Hạn nhận hồ sơ dự thầu phải cách thời điểm đăng ít nhất một ngày.")).toBeVisible();
  for (const box of ["Ngày", "Tháng", "Năm"]) {
    await expect(deadline.getByLabel(box, { exact: true })).toHaveAttribute("aria-invalid", "true");
  }

  await fillDate(page, "Hạn nhận hồ sơ dự thầu", hcmcDay(10));
  await page.getByRole("button", { name: "Đăng nhu cầu" }).click();
  await expect(page.getByText("Đã đăng nhu cầu.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Đang nhận hồ sơ")).toBeVisible();
  await expect(page.getByText("120.000.000 ₫ – 180.000.000 ₫")).toBeVisible();
  await expectAccessible(page);
});

test("a vendor finds an open need on the board typing without diacritics", async ({ page }) => {
  const sme = await createUser("sme", { name: "Lâm Thị Hồng" });
  const vendor = await createUser("vendor", { name: "Tạ Quang Vinh" });
  const { token, title } = uniqueTitle();
  await createNeed(sme, title);

  await signInAs(page, vendor);
  await page.goto("/needs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhu cầu đang mở");
  await expectAccessible(page);
  await page.getByLabel("Tìm kiếm").fill(`huong sen do ${token}`);
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/q=huong\+sen\+do/);
  await expect(page.getByText("1 nhu cầu")).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "Quản lý nhu cầu" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the SME cancels a need with a reason and an explicit confirmation, and it leaves the board", async ({
  page,
  browser,
}) => {
  const sme = await createUser("sme", { name: "Lâm Thị Hồng" });
  const vendor = await createUser("vendor", { name: "Tạ Quang Vinh" });
  const { token, title } = uniqueTitle();
  const needId = await createNeed(sme, title);

  await signInAs(page, sme);
  await page.goto(`/needs/${needId}`);
  await page.getByRole("link", { name: "Hủy nhu cầu…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hủy nhu cầu");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Hủy nhu cầu" }).click();
  // Summed up at the top (each a link to its field), and said next to each field.
  await expect(page.getByRole("link", { name: "Lý do hủy: Vui lòng điền mục này." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Vui lòng đánh dấu để xác nhận." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /^Vui lòng điền mục này\.$/ })).toBeVisible();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: /^Vui lòng đánh dấu để xác nhận\.$/ })
      .last(),
  ).toBeVisible();
  await page.getByLabel("Lý do hủy").fill("Nhà hàng tạm đóng cửa để sửa chữa.");
  await page.getByLabel("Tôi hiểu rằng việc hủy không thể hoàn tác.").check();
  await page.getByRole("button", { name: "Hủy nhu cầu" }).click();
  await expect(page.getByText("Đã hủy nhu cầu.")).toBeVisible();
  await expect(page.getByText("Đã hủy", { exact: true })).toBeVisible();
  await expect(page.getByText("Nhà hàng tạm đóng cửa để sửa chữa.").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Lịch sử thay đổi" })).toBeVisible();
  await expectAccessible(page);

  // …and it has left the board.
  const vendorPage = await (await browser.newContext()).newPage();
  await signInAs(vendorPage, vendor);
  await vendorPage.goto(`/needs?q=huong+sen+do+${token}`);
  await expect(vendorPage.getByText("Không có nhu cầu nào khớp với tìm kiếm.")).toBeVisible();
  const gone = await vendorPage.goto(`/needs/${needId}`);
  expect(gone?.status()).toBe(404);
});

test("@nojs closing bidding on a need cancelled a moment before says someone else changed it first", async ({
  page,
}) => {
  const sme = await createUser("sme");
  const needId = await createNeed(sme, `Quản lý kho cho cửa hàng ${crypto.randomInt(100_000, 999_999)}`);
  await signInAs(page, sme);
  await page.goto(`/needs/${needId}`);
  await page.getByLabel("Tôi muốn đóng nhận hồ sơ ngay bây giờ.").check();
  // Another tab, another person: the need is cancelled between showing the page and sending the form.
  e2eDb()
    .prepare("UPDATE needs SET status = 'cancelled', cancel_reason = ?, cancelled_at = ? WHERE id = ?")
    .run("Đã có giải pháp nội bộ", Date.now(), needId);
  await page.getByRole("button", { name: "Đóng nhận hồ sơ" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Người khác vừa thay đổi mục này trước bạn" })).toBeVisible();
  await expect(page.getByText("Đã hủy", { exact: true })).toBeVisible();
  await expect(page.getByText("Đã có giải pháp nội bộ")).toBeVisible();
  await expect(page.getByRole("button", { name: "Đóng nhận hồ sơ" })).toHaveCount(0);
  await expectAccessible(page);
});
