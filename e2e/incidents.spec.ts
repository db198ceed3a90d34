import crypto from "node:crypto";
import type { Browser } from "@playwright/test";
import {
  audit,
  createEngagement,
  createUser,
  expect,
  expectAccessible,
  fillDate,
  incidentRaised,
  signInAs,
  test,
  type TestUser,
} from "./fixtures";

async function engagementOfTwo() {
  const sme = await createUser("sme", { name: "Lâm Thị Thu", organisation: "Công ty TNHH Gốm Sứ Thu Lâm" });
  const vendor = await createUser("vendor", { organisation: "Công ty Cổ phần Giải pháp Số Nam Việt" });
  const title = `Website bán gốm ${crypto.randomUUID().slice(0, 6)}`;
  const engagementId = await createEngagement(sme, vendor, title);
  return { sme, vendor, title, engagementId };
}

async function pageOf(browser: Browser, user: TestUser) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, user);
  return page;
}

test("an SME raises an incident on its engagement and staff find it in the triage list @nojs", async ({ browser }) => {
  const { sme, title, engagementId } = await engagementOfTwo();

  // The SME raises the incident on the engagement page.
  const s = await pageOf(browser, sme);
  await s.goto(`/engagements/${engagementId}`);
  await s.getByText("Báo cáo sự cố", { exact: true }).click();
  await s.getByLabel("Loại sự cố").selectOption("payment");
  await s.getByLabel("Mô tả").fill("Nhà cung cấp đòi thanh toán mốc 2 trước khi bàn giao mốc 1.");
  await s.getByRole("button", { name: "Gửi báo cáo sự cố" }).click();
  await expect(s.getByText("Đã báo cáo sự cố. Cán bộ chương trình đã được thông báo.")).toBeVisible();
  await expectAccessible(s);

  // Staff find it in the triage list, filtered to unassigned payment incidents.
  const st = await pageOf(browser, await createUser("staff", { name: "Phan Minh Khoa" }));
  await st.goto("/staff/incidents");
  await expectAccessible(st);
  await st.getByLabel("Loại sự cố").selectOption("payment");
  await st.getByLabel("Người xử lý").selectOption("unassigned");
  await st.getByRole("button", { name: "Lọc" }).click();
  await expect(st).toHaveURL(/category=payment/);
  const row = st.getByRole("listitem").filter({ hasText: title });
  await expect(row.getByText("Chưa có người xử lý")).toBeVisible();
  await row.getByRole("link", { name: title }).click();
  await expect(st.getByRole("heading", { level: 1, name: "Sự cố: Thanh toán" })).toBeVisible();
  await expect(st.getByText("Công ty TNHH Gốm Sứ Thu Lâm")).toBeVisible();
  await expect(st.getByText("Nhà cung cấp đòi thanh toán mốc 2 trước khi bàn giao mốc 1.").first()).toBeVisible();
  await expect(st.getByRole("link", { name: "Mở trang hợp đồng" })).toHaveAttribute(
    "href",
    `/engagements/${engagementId}`,
  );
});

test("staff assign and resolve an incident; both sides are told and the SME rates the handling @nojs", async ({
  browser,
}) => {
  const { sme, vendor, title, engagementId } = await engagementOfTwo();
  const incidentId = await incidentRaised(
    sme,
    engagementId,
    "Nhà cung cấp đòi thanh toán mốc 2 trước khi bàn giao mốc 1.",
  );
  const staffUser = await createUser("staff", { name: "Phan Minh Khoa" });
  const st = await pageOf(browser, staffUser);
  await st.goto(`/staff/incidents/${incidentId}`);
  await expectAccessible(st);

  // Assign to themself (the default choice), then resolve; an empty note is refused next to its field.
  await expect(st.getByLabel("Giao cho")).toHaveValue(staffUser.id);
  await st.getByRole("button", { name: "Giao xử lý" }).click();
  await expect(st.getByText("Đã giao xử lý. Hai bên đã được thông báo.")).toBeVisible();
  await expect(st.getByText("Giao cho Phan Minh Khoa")).toBeVisible();
  await st.getByRole("button", { name: "Đánh dấu đã xử lý" }).click();
  await expect(st.getByText("Vui lòng điền mục này.").last()).toBeVisible();
  await st
    .getByLabel("Kết quả xử lý")
    .fill("Đã làm việc với hai bên: nhà cung cấp bàn giao mốc 1 trước, doanh nghiệp thanh toán theo hợp đồng.");
  await st.getByRole("button", { name: "Đánh dấu đã xử lý" }).click();
  await expect(st.getByText("Đã ghi kết quả xử lý. Hai bên đã được thông báo.")).toBeVisible();
  await expect(st.getByText("Người báo cáo chưa chấm điểm.")).toBeVisible();
  await expectAccessible(st);

  // The SME is told, and rates the handling once.
  const s = await pageOf(browser, sme);
  await s.goto("/notifications");
  await expect(s.getByText(`Sự cố bạn báo cáo về “${title}” đã được xử lý.`, { exact: false })).toBeVisible();
  await expectAccessible(s);
  await s.goto(`/engagements/${engagementId}`);
  await expect(s.getByText("nhà cung cấp bàn giao mốc 1 trước", { exact: false }).first()).toBeVisible();
  await s.getByLabel("Điểm cách xử lý (1–5)").selectOption("4");
  await s.getByRole("button", { name: "Gửi điểm" }).click();
  await expect(s.getByText("Cảm ơn bạn đã chấm điểm cách xử lý sự cố.")).toBeVisible();
  await expect(s.getByText("Cách xử lý được chấm 4/5")).toBeVisible();
  await expect(s.getByRole("button", { name: "Gửi điểm" })).toHaveCount(0);
  await expectAccessible(s);

  // The vendor was told too, and cannot rate an incident it did not raise.
  const v = await pageOf(browser, vendor);
  await v.goto("/notifications");
  await expect(v.getByText(`Sự cố về “${title}” đã được xử lý`)).toBeVisible();

  // Staff see the rating on the incident page.
  await st.reload();
  await expect(st.getByText("4/5", { exact: true })).toBeVisible();
});

test("only staff open /staff/incidents, and only admins /staff/audit", async ({ browser }) => {
  const sme = await createUser("sme");
  const vendor = await createUser("vendor");
  const staff = await createUser("staff");
  for (const user of [sme, vendor]) {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, user);
    for (const path of ["/staff/incidents", "/staff/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${path} for a ${user.email}`).toBe(403);
    }
    await expectAccessible(page);
  }
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, staff);
  expect((await page.goto("/staff/audit"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/staff/incidents"))?.status()).toBe(200);
});

test("an admin reads the audit log: a sign-in through the form, then filters by action and actor", async ({ page }) => {
  const admin = await createUser("admin", { name: "Trịnh Quang Vinh" });
  const staff = await createUser("staff", { name: "Mai Thị Hồng" });
  // A staff action already in the log.
  await audit({
    actorId: staff.id,
    action: "incident_resolved",
    subjectType: "incident",
    subjectId: crypto.randomUUID(),
    details: { resolution: "Đã hòa giải hai bên." },
  });

  await page.goto("/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Mật khẩu").fill(admin.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/me/);
  await page.getByRole("link", { name: "Nhật ký kiểm toán" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhật ký kiểm toán" })).toBeVisible();
  await expectAccessible(page);
  const entries = page.getByRole("list", { name: "Các mục nhật ký" }).getByRole("listitem");
  await expect(entries.filter({ hasText: "Trịnh Quang Vinh" }).filter({ hasText: "Đăng nhập" }).first()).toBeVisible();

  await page.getByLabel("Thao tác").selectOption({ label: "Xử lý xong sự cố" });
  await page.getByLabel("Người thực hiện").fill(staff.email);
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/action=incident_resolved/);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("Mai Thị Hồng");
  await expect(entries.first()).toContainText("Đã hòa giải hai bên.");
  await expectAccessible(page);

  // A day with nothing in it shows nothing.
  await fillDate(page, /Từ ngày/, "2020-01-01");
  await fillDate(page, /Đến ngày/, "2020-01-02");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByText("Không có mục nào khớp với bộ lọc.")).toBeVisible();
});
