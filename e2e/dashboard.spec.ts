import type { Page } from "@playwright/test";
import { createEngagement, createUser, e2eDb, expect, expectAccessible, signInAs, test } from "./fixtures";

/** The figure a dashboard tile shows. */
async function tileValue(page: Page, name: RegExp) {
  const tile = page.getByRole("link", { name });
  return Number(await tile.locator("[data-tile-value]").textContent());
}

test("@nojs staff follow the red tile from the dashboard and see as many engagements as it said", async ({
  browser,
}) => {
  const sme = await createUser("sme", { organisation: "Công ty TNHH Gốm Sứ Bình Dương" });
  const vendor = await createUser("vendor", { organisation: "Công ty TNHH Giải pháp Trễ Hẹn" });
  const title = `Phần mềm quản lý lò nung ${crypto.randomUUID().slice(0, 6)}`;
  const engagementId = await createEngagement(sme, vendor, title);
  // The first milestone is 35 days overdue: the rule's high severity, so the engagement is red once
  // anything re-evaluates it — here the SME writing to the vendor.
  e2eDb()
    .prepare("UPDATE engagement_milestones SET due_at = ? WHERE engagement_id = ? AND position = 0")
    .run(Date.now() - 35 * 86_400_000, engagementId);
  const s = await (await browser.newContext()).newPage();
  await signInAs(s, sme);
  await s.goto(`/engagements/${engagementId}`);
  await s.getByLabel("Tin nhắn cho bên kia").fill("Mốc lắp đặt đã trễ hơn một tháng, anh chị báo lại giúp.");
  await s.getByRole("button", { name: "Gửi tin nhắn" }).click();
  await expect(s.getByText("Đã gửi tin nhắn.")).toBeVisible();

  const staff = await createUser("staff", { name: "Vương Thị Điều Hành" });
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, staff);
  // Other journeys may change the figures meanwhile: the tile and the list are read again until
  // one reading of each agrees (they come from the same count, so at rest they always do).
  await expect(async () => {
    await page.goto("/staff");
    const red = await tileValue(page, /Đỏ — có rủi ro cao/);
    expect(red).toBeGreaterThan(0);
    await page.getByRole("link", { name: /Đỏ — có rủi ro cao/ }).click();
    await expect(page).toHaveURL(/\/staff\/engagements\?health=red&status=active/);
    await expect(page.getByRole("status")).toHaveText(`${red} hợp đồng`);
    if (red <= 20) await expect(page.getByRole("listitem").filter({ hasText: "Đỏ — có rủi ro cao" })).toHaveCount(red);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Đỏ — có rủi ro cao");
  await expectAccessible(page);

  await page.goto("/staff");
  // The oldest unhandled work, at most 8 items, each a link to its page (this journey's flag is
  // new, so older work from the demo data or other journeys may come before it).
  const first = page.getByRole("region", { name: "Việc cần làm trước" }).getByRole("link");
  const items = await first.count();
  expect(items).toBeGreaterThan(0);
  expect(items).toBeLessThanOrEqual(8);
  for (const href of await first.evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
    expect(href).toMatch(/^\/staff\/(flags|vendors|incidents)\/[\w-]+$/);
  await expect(page.locator("svg title", { hasText: "Cờ rủi ro đang mở theo quy tắc và mức độ" })).toHaveCount(1);
  await expectAccessible(page);
});
