import { createUser, e2eDb, expect, expectAccessible, signInAs, test, uniqueEmail } from "./fixtures";

test("an admin creates a staff account; the staff member must change the password at first sign-in", async ({
  page,
  browser,
}) => {
  const admin = await createUser("admin");
  await signInAs(page, admin);
  await page.goto("/admin/users");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tạo tài khoản cán bộ" }).click();
  await expectAccessible(page);

  const email = uniqueEmail("new-staff");
  await page.getByLabel("Họ và tên").fill("Hồ Thị Ngọc Hân");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Đơn vị").selectOption("HCA");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(temporary).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
  await expectAccessible(page);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto("/login");
  await staff.getByLabel("Email").fill(email);
  await staff.getByLabel("Mật khẩu").fill(temporary);
  await staff.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(staff).toHaveURL(/\/me\/password$/);
  await expect(staff.getByText("Bạn đang dùng mật khẩu tạm thời")).toBeVisible();
  await expectAccessible(staff);

  // Nothing else opens until the password is changed.
  await staff.goto("/me");
  await expect(staff).toHaveURL(/\/me\/password$/);

  await staff.getByLabel("Mật khẩu tạm thời").fill(temporary);
  await staff.getByLabel("Mật khẩu mới", { exact: true }).fill("hội tin học thành phố");
  await staff.getByLabel("Nhập lại mật khẩu mới").fill("hội tin học thành phố");
  await staff.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(staff).toHaveURL(/\/me\?notice=passwordChanged/);
  await expect(staff.getByRole("heading", { name: "Xin chào, Hồ Thị Ngọc Hân" })).toBeVisible();
  await expect(staff.getByRole("main").getByText("Hội Tin học TP.HCM (HCA)")).toBeVisible();
  await staffContext.close();

  const actions = e2eDb()
    .prepare("SELECT action FROM audit_log WHERE actor_id = ? OR subject_id IN (SELECT id FROM users WHERE email = ?)")
    .all(admin.id, email)
    .map((r) => (r as { action: string }).action);
  expect(actions).toContain("staff_account_created");
});

test("a staff member cannot open the admin's pages", async ({ page }) => {
  const staff = await createUser("staff");
  await signInAs(page, staff);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này" })).toBeVisible();
  await expectAccessible(page);
});

test("@nojs a settings value that is not a number is refused next to its field, keeping what was typed", async ({
  page,
}) => {
  const admin = await createUser("admin");
  await signInAs(page, admin);
  await page.goto("/admin/settings");
  const field = page.getByLabel("Số ngày sau khi hoàn thành");
  await field.fill("sáu mươi");
  await page.getByRole("button", { name: "Lưu cài đặt" }).last().click();
  await expect(field).toHaveAccessibleDescription(/Vui lòng nhập một số/);
  await expect(field).toHaveValue("sáu mươi");
  await expectAccessible(page);
});

test("two admins saving the same settings: the second is told, keeps what was typed, and may save again", async ({
  page,
  browser,
}) => {
  const first = await createUser("admin");
  const second = await createUser("admin");
  const other = await (await browser.newContext()).newPage();
  await signInAs(page, first);
  await signInAs(other, second);
  await page.goto("/admin/settings");
  await other.goto("/admin/settings");
  const label = "Số ngày sau khi hoàn thành";
  const original = await page.getByLabel(label).inputValue();

  await page.getByLabel(label).fill("61");
  await page.getByRole("button", { name: "Lưu cài đặt" }).last().click();
  await expect(page.getByText("Đã lưu cài đặt.")).toBeVisible();

  await other.getByLabel(label).fill("62");
  await other.getByRole("button", { name: "Lưu cài đặt" }).last().click();
  await expect(
    other.getByRole("alert").filter({ hasText: "Người khác vừa thay đổi mục này trước bạn." }),
  ).toBeVisible();
  await expect(other.getByLabel(label)).toHaveValue("62");
  await expectAccessible(other);

  // Saving again is a knowing choice over the first admin's change; then the default comes back.
  await other.getByRole("button", { name: "Lưu cài đặt" }).last().click();
  await expect(other.getByText("Đã lưu cài đặt.")).toBeVisible();
  await other.getByLabel(label).fill(original);
  await other.getByRole("button", { name: "Lưu cài đặt" }).last().click();
  await expect(other.getByText("Đã lưu cài đặt.")).toBeVisible();
  const changes = e2eDb()
    .prepare("SELECT actor_id AS actor FROM audit_log WHERE action = 'setting_changed' AND actor_id IN (?, ?)")
    .all(first.id, second.id);
  expect(changes).toHaveLength(3);
});
