import { expect, expectAccessible, outboxLink, test, uniqueEmail, validTaxCode } from "./fixtures";

test("@nojs a vendor registers and starts with a draft dossier", async ({ page }) => {
  const email = uniqueEmail("vendor-owner");
  await page.goto("/register");
  await page.getByRole("link", { name: "Nhà cung cấp giải pháp" }).click();
  await expect(page).toHaveURL(/as=vendor/);
  await expectAccessible(page);

  await page.getByLabel("Tên doanh nghiệp").fill("Công ty Cổ phần Công nghệ Mây Xanh");
  await page.getByLabel("Mã số thuế").fill(await validTaxCode());
  await page.getByLabel("Họ tên người liên hệ").fill("Phan Minh Đức");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill("short");
  await page.getByRole("button", { name: "Đăng ký nhà cung cấp" }).click();
  await expect(page.getByText("Mật khẩu cần ít nhất 10 ký tự.", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mật khẩu: Mật khẩu cần ít nhất 10 ký tự." })).toBeVisible();
  await expect(page.getByLabel("Tên doanh nghiệp")).toHaveValue("Công ty Cổ phần Công nghệ Mây Xanh");

  await page.getByLabel("Mật khẩu").fill("mây xanh trên cao");
  await page.getByRole("button", { name: "Đăng ký nhà cung cấp" }).click();
  await expect(page.getByRole("heading", { name: "Hãy kiểm tra hộp thư" })).toBeVisible();

  await page.goto(outboxLink(email, "/verify-email?token="));
  await page.getByRole("button", { name: "Xác nhận và đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: "Xin chào, Phan Minh Đức" })).toBeVisible();
  await expect(page.getByText("Bản nháp hồ sơ")).toBeVisible();
  await expect(page.getByRole("main").getByText("Nhà cung cấp", { exact: true })).toBeVisible();
  await expectAccessible(page);
});
