import { createUser, e2eDb, expect, expectAccessible, signInAs, test, uniqueEmail } from "./fixtures";

/** A mail that failed its last attempt, as the worker leaves it. */
function insertFailedMail(to: string): number {
  const now = Date.now();
  const result = e2eDb()
    .prepare(
      `INSERT INTO outbox ("to", subject, text, status, error, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, 'Đặt lại mật khẩu Kết Nối Số', 'Mở liên kết: http://localhost/reset-password?token=bi-mat-e2e',
        'failed', 'Can''t send mail - all recipients were rejected: 550 5.1.1 Mailbox unavailable', 6, NULL, ?, ?)`,
    )
    .run(to, now - 3_600_000, now);
  return Number(result.lastInsertRowid);
}

function mailRow(id: number) {
  return e2eDb().prepare("SELECT status, attempts, next_attempt_at FROM outbox WHERE id = ?").get(id) as {
    status: string;
    attempts: number;
    next_attempt_at: number | null;
  };
}

test("@nojs an admin finds a failed email in the outbox and sends it again", async ({ page }) => {
  const admin = await createUser("admin");
  const to = uniqueEmail("thu-loi");
  const id = insertFailedMail(to);
  await signInAs(page, admin);

  await page.goto("/me");
  const nav = page.getByRole("navigation", { name: "Điều hướng chính", exact: true });
  await nav.getByText("Quản trị").click();
  await nav.getByRole("link", { name: "Hộp thư đi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hộp thư đi" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Trạng thái").selectOption("failed");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/status=failed/);
  const row = page.getByRole("row").filter({ hasText: to });
  await expect(row.getByText("Thất bại", { exact: true })).toBeVisible();
  await expect(row.getByText("Đặt lại mật khẩu Kết Nối Số")).toBeVisible();
  await expect(row.getByText("550 5.1.1 Mailbox unavailable")).toBeVisible();
  await expect(row.getByRole("cell", { name: "6", exact: true })).toBeVisible();
  // The mail's text (a reset link here) is never shown.
  await expect(page.getByText("bi-mat-e2e")).toHaveCount(0);
  await expectAccessible(page);

  await row.getByRole("button", { name: `Gửi lại thư số ${id} đến ${to}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Thư số ${id} đã trở lại hàng đợi` })).toBeVisible();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByRole("row").filter({ hasText: to })).toHaveCount(0);
  await expectAccessible(page);
  expect(mailRow(id)).toMatchObject({ status: "pending", attempts: 6 });
  const audit = e2eDb()
    .prepare("SELECT subject_type, subject_id FROM audit_log WHERE actor_id = ? AND action = 'mail_retried'")
    .all(admin.id);
  expect(audit).toEqual([{ subject_type: "mail", subject_id: String(id) }]);

  await page.getByLabel("Trạng thái").selectOption("pending");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  const pending = page.getByRole("row").filter({ hasText: to });
  await expect(pending.getByText("Đang chờ gửi", { exact: true })).toBeVisible();
  await expect(pending.getByRole("button", { name: /Gửi lại/ })).toHaveCount(0);
});

test("@nojs a mail someone else already sent again is not queued twice", async ({ page }) => {
  const admin = await createUser("admin");
  const to = uniqueEmail("thu-dong-thoi");
  const id = insertFailedMail(to);
  await signInAs(page, admin);
  await page.goto("/admin/outbox?status=failed");
  const row = page.getByRole("row").filter({ hasText: to });
  await expect(row).toBeVisible();

  // Another admin's retry lands first.
  e2eDb().prepare("UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE id = ?").run(Date.now(), id);
  await row.getByRole("button", { name: /Gửi lại/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Thư này không còn ở trạng thái “Thất bại”" })).toBeVisible();
  await expectAccessible(page);
  const audit = e2eDb()
    .prepare("SELECT count(*) AS n FROM audit_log WHERE actor_id = ? AND action = 'mail_retried'")
    .get(admin.id) as { n: number };
  expect(audit.n).toBe(0);
});

test("staff cannot open the outbox", async ({ page }) => {
  const staff = await createUser("staff");
  await signInAs(page, staff);
  const response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(403);
});
