import { createUser, expect, expectAccessible, signInAs, test, fieldError } from "./fixtures";

test("a deactivated user is signed out at once and cannot sign in; reactivation restores access", async ({
  page,
  browser,
}) => {
  const admin = await createUser("admin");
  const owner = await createUser("sme", { name: "Võ Thị Lan" });

  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInAs(ownerPage, owner);
  await ownerPage.goto("/me");
  await expect(ownerPage.getByRole("heading", { name: "Xin chào, Võ Thị Lan" })).toBeVisible();

  await signInAs(page, admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(owner.email)}`);
  await page.getByRole("link", { name: "Võ Thị Lan" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Vô hiệu hóa" }).click();
  // Confirmation is required before the destructive step.
  await expect(fieldError(page, "Vui lòng đánh dấu để xác nhận.")).toBeVisible();
  await page.getByLabel("Tôi xác nhận vô hiệu hóa tài khoản của Võ Thị Lan.").check();
  await page.getByRole("button", { name: "Vô hiệu hóa" }).click();
  await expect(page.getByText("Đã vô hiệu hóa tài khoản")).toBeVisible();

  await ownerPage.goto("/me");
  await expect(ownerPage).toHaveURL(/\/login/);
  await ownerPage.getByLabel("Email").fill(owner.email);
  await ownerPage.getByLabel("Mật khẩu").fill(owner.password);
  await ownerPage.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(ownerPage.getByRole("alert")).toContainText("Tài khoản này đã bị vô hiệu hóa");

  await page.getByLabel("Tôi xác nhận kích hoạt lại tài khoản của Võ Thị Lan.").check();
  await page.getByRole("button", { name: "Kích hoạt lại" }).click();
  await expect(page.getByText("Đã kích hoạt lại tài khoản.")).toBeVisible();

  await ownerPage.getByLabel("Mật khẩu").fill(owner.password);
  await ownerPage.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(ownerPage.getByRole("heading", { name: "Xin chào, Võ Thị Lan" })).toBeVisible();
  await ownerContext.close();
});

test("@nojs two admins deactivating the same account: the second is told someone else did it first", async ({
  page,
  browser,
}) => {
  const first = await createUser("admin");
  const second = await createUser("admin");
  const owner = await createUser("vendor", { name: "Đinh Công Tráng" });
  const other = await (await browser.newContext()).newPage();
  await signInAs(page, first);
  await signInAs(other, second);
  await page.goto(`/admin/users/${owner.id}`);
  await other.goto(`/admin/users/${owner.id}`);

  await page.getByLabel("Tôi xác nhận vô hiệu hóa tài khoản của Đinh Công Tráng.").check();
  await page.getByRole("button", { name: "Vô hiệu hóa" }).click();
  await expect(page.getByText("Đã vô hiệu hóa tài khoản")).toBeVisible();

  await other.getByLabel("Tôi xác nhận vô hiệu hóa tài khoản của Đinh Công Tráng.").check();
  await other.getByRole("button", { name: "Vô hiệu hóa" }).click();
  await expect(
    other.getByRole("alert").filter({ hasText: "Người khác vừa thay đổi mục này trước bạn." }),
  ).toBeVisible();
  // The page shows the account as it now stands: deactivated, to be reactivated.
  await expect(other.getByRole("heading", { name: "Kích hoạt lại tài khoản" })).toBeVisible();
  await expectAccessible(other);
});
