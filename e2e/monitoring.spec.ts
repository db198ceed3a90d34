import {
  createEngagement,
  createUser,
  e2eDb,
  expect,
  expectAccessible,
  makeMilestoneOverdue,
  signInAs,
  test,
} from "./fixtures";

test("staff follow an overdue engagement from the dashboard to its flag, acknowledge and resolve it", async ({
  browser,
}) => {
  const sme = await createUser("sme", { name: "Lưu Thị Ngân", organisation: "Công ty TNHH Nước Mắm Ngân Hà" });
  const vendor = await createUser("vendor", { organisation: "Công ty TNHH Phần mềm Chậm Trễ" });
  const title = "Quản lý kho cho xưởng nước mắm";
  const engagementId = await createEngagement(sme, vendor, title);
  makeMilestoneOverdue(engagementId, 0, 12);

  // Any event on the engagement re-evaluates the rules: the SME writes to the vendor.
  const s = await (await browser.newContext()).newPage();
  await signInAs(s, sme);
  await s.goto(`/engagements/${engagementId}`);
  await s.getByLabel("Tin nhắn cho bên kia").fill("Anh chị cho biết khi nào lắp đặt được ạ?");
  await s.getByRole("button", { name: "Gửi tin nhắn" }).click();
  await expect(s.getByText("Đã gửi tin nhắn.")).toBeVisible();

  const staffUser = await createUser("staff", { name: "Tăng Minh Giám" });
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, staffUser);
  await page.goto("/staff");
  await expectAccessible(page);
  await page.getByRole("link", { name: /Mốc quá hạn/ }).click();
  await expect(page).toHaveURL(/\/staff\/flags\?.*code=MILESTONE_OVERDUE/);
  await expectAccessible(page);
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("Quá hạn 12 ngày");
  await row.getByRole("link").click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mở hợp đồng" }).click();
  await expect(page).toHaveURL(new RegExp(`/engagements/${engagementId}`));
  await expect(page.getByText("Vàng — cần chú ý")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Mốc bàn giao quá hạn/ }).click();

  await page.getByRole("button", { name: "Tiếp nhận" }).click();
  await expect(page.getByText("Đã tiếp nhận và giao người phụ trách.")).toBeVisible();
  await page.getByRole("button", { name: "Đã xử lý" }).click();
  await expect(page.getByLabel("Ghi chú xử lý (bắt buộc)")).toBeVisible();
  await page.getByLabel("Ghi chú xử lý (bắt buộc)").fill("Đã gọi nhà cung cấp; hẹn lắp đặt thứ Hai tới.");
  await page.getByRole("button", { name: "Đã xử lý" }).click();
  await expect(page.getByText("Đã đánh dấu đã xử lý.")).toBeVisible();
  await expect(page.getByText("Đã gọi nhà cung cấp; hẹn lắp đặt thứ Hai tới.").first()).toBeVisible();
  await expectAccessible(page);

  const audited = e2eDb()
    .prepare("SELECT action FROM audit_log WHERE actor_id = ? ORDER BY id")
    .all(staffUser.id)
    .map((r) => (r as { action: string }).action);
  expect(audited).toEqual(["flag_acknowledged", "flag_resolved"]);
});

test("SMEs and vendors get 403 on every staff page", async ({ page }) => {
  for (const role of ["sme", "vendor"] as const) {
    const user = await createUser(role);
    await page.context().clearCookies();
    await signInAs(page, user);
    for (const url of ["/staff", "/staff/flags", "/staff/engagements", "/staff/vendors"]) {
      const response = await page.goto(url);
      expect(response?.status(), `${role} ${url}`).toBe(403);
    }
  }
  await expectAccessible(page);
});
