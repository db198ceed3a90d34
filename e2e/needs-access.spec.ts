import { createDraftNeed, createUser, expect, expectAccessible, signInAs, test } from "./fixtures";

test("a vendor cannot reach /needs/new, and an SME cannot open another SME's draft", async ({ page }) => {
  const vendor = await createUser("vendor");
  await signInAs(page, vendor);
  const forbidden = await page.goto("/needs/new");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này" })).toBeVisible();
  await expectAccessible(page);

  const owner = await createUser("sme");
  const draftId = await createDraftNeed(owner, "Bản nháp riêng");
  const vendorView = await page.goto(`/needs/${draftId}`);
  expect(vendorView?.status()).toBe(404);

  const other = await createUser("sme");
  await page.context().clearCookies();
  await signInAs(page, other);
  const missing = await page.goto(`/needs/${draftId}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  expect((await page.goto(`/needs/${draftId}/edit`))?.status()).toBe(404);
  expect((await page.goto(`/needs/${draftId}/cancel`))?.status()).toBe(404);
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInAs(page, owner);
  await page.goto(`/needs/${draftId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bản nháp riêng");
  await expect(page.getByText("Bản nháp", { exact: true })).toBeVisible();
});

test("a visitor sees how many needs are open in each category and is invited to register", async ({ page }) => {
  await page.goto("/needs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhu cầu chuyển đổi số của doanh nghiệp");
  await expect(page.getByText(/Hiện có \d+ nhu cầu đang nhận hồ sơ dự thầu/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Số nhu cầu đang mở theo loại giải pháp" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Đăng ký nhà cung cấp" })).toHaveAttribute("href", "/register?as=vendor");
  await expect(page.getByText("Hệ thống đặt bàn")).toHaveCount(0);
  await expectAccessible(page);
});
