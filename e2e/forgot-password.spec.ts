import { createUser, e2eDb, expect, expectAccessible, outboxLink, test, uniqueEmail, fieldError } from "./fixtures";

test("@nojs forgot password: a single-use link from the outbox sets a new password", async ({ page }) => {
  const user = await createUser("sme", { name: "Đỗ Văn Hải" });
  await page.goto("/login");
  await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
  await expect(page.getByText("Nếu địa chỉ này có tài khoản")).toBeVisible();

  const link = outboxLink(user.email, "/reset-password?token=");
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("biển xanh cát trắng");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("biển xanh cát trắng khác");
  await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(fieldError(page, "Hai mật khẩu không khớp.")).toBeVisible();
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("biển xanh cát trắng");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("biển xanh cát trắng");
  await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(page.getByText("Mật khẩu đã được đặt lại")).toBeVisible();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Mật khẩu").fill(user.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText("Email hoặc mật khẩu không đúng.");
  await page.getByLabel("Mật khẩu").fill("biển xanh cát trắng");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: "Xin chào, Đỗ Văn Hải" })).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByText("đã hết hạn hoặc đã được dùng")).toBeVisible();
});

test("asking a reset for an unknown address says the same and sends nothing", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nobody-here@e2e.test");
  await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
  await expect(page.getByText("Nếu địa chỉ này có tài khoản")).toBeVisible();
  expect(() => outboxLink("nobody-here@e2e.test", "/reset-password")).toThrow(/no email/);
});

test("a fourth reset for one address within the hour is refused, with no hint whether it has an account", async ({
  page,
}) => {
  const user = await createUser("sme");
  for (const email of [user.email, uniqueEmail("nobody")]) {
    for (let i = 0; i < 3; i++) {
      await page.goto("/forgot-password");
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
      await expect(page.getByText("Nếu địa chỉ này có tài khoản")).toBeVisible();
    }
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "Đã có quá nhiều yêu cầu đặt lại mật khẩu cho email này hoặc từ địa chỉ mạng này. Vui lòng kiểm tra hộp thư (cả thư rác) và thử lại sau một giờ.",
    );
    await expect(page.getByLabel("Email")).toHaveValue(email);
  }
  const sent = e2eDb().prepare(`SELECT count(*) AS n FROM outbox WHERE "to" = ?`).get(user.email) as { n: number };
  expect(sent.n).toBe(3);
});
