import crypto from "node:crypto";
import {
  createNeed,
  createUser,
  e2eDb,
  expect,
  expectAccessible,
  makeVetted,
  signInAs,
  test,
  type TestUser,
} from "./fixtures";

/**
 * A vetted vendor that fits the fixture's need (POS and retail, retail trade, 40–90 million) as
 * well as a vendor can: it offers the category with a package inside the budget, serves the
 * sector and has a strong verified rating — so it is among the top ten whatever else the database holds
 * (only other journeys' fitting vendors can tie with it).
 */
async function fittingVendor(organisation: string): Promise<TestUser> {
  const vendor = await createUser("vendor", { name: "Đặng Minh Khoa", organisation });
  makeVetted(vendor);
  const conn = e2eDb();
  conn
    .prepare("INSERT INTO vendor_categories (vendor_id, category) VALUES (?, 'pos_retail')")
    .run(vendor.organisationId);
  conn.prepare("INSERT INTO vendor_sectors (vendor_id, sector) VALUES (?, 'retail_trade')").run(vendor.organisationId);
  conn
    .prepare(
      `INSERT INTO service_packages (id, vendor_id, name, category, price_from, price_to, unit, included, created_at)
       VALUES (?, ?, 'Trọn gói POS cho cửa hàng', 'pos_retail', 50000000, 80000000, 'one_off', 'Máy POS, phần mềm, đào tạo', ?)`,
    )
    .run(crypto.randomUUID(), vendor.organisationId, Date.now());
  conn
    .prepare("UPDATE vendor_profiles SET rating_avg_x100 = 490, rating_count = 40 WHERE organisation_id = ?")
    .run(vendor.organisationId);
  return vendor;
}

test("an SME sees recommended vendors with reasons and invites one; the vendor sees the invitation and the need among its recommendations", async ({
  browser,
}) => {
  const owner = await createUser("sme", { name: "Trương Ngọc Lan", organisation: "Công ty TNHH Trà Sữa Mây Hồng" });
  const title = `Phần mềm bán hàng cho chuỗi trà sữa ${crypto.randomUUID().slice(0, 4)}`;
  const needId = createNeed(owner, title);
  const vendorName = `Công ty TNHH Giải pháp Bán lẻ Mộc Lan ${crypto.randomUUID().slice(0, 4)}`;
  const vendor = await fittingVendor(vendorName);

  // The SME opens its need and follows the way to the recommended vendors.
  const sme = await (await browser.newContext()).newPage();
  await signInAs(sme, owner);
  await sme.goto(`/needs/${needId}`);
  await expectAccessible(sme);
  await sme.getByRole("link", { name: "Xem nhà cung cấp phù hợp" }).click();
  await expect(sme.getByRole("heading", { level: 1, name: "Nhà cung cấp phù hợp" })).toBeVisible();
  await expectAccessible(sme);

  const cards = sme.getByRole("listitem").filter({ has: sme.getByRole("heading", { level: 2 }) });
  const card = cards.filter({ hasText: vendorName });
  await expect(card).toBeVisible();
  await expect(card.getByText(/^Độ phù hợp: \d+\/100$/)).toBeVisible();
  await expect(card.getByText("Cung cấp giải pháp Bán hàng (POS) và bán lẻ")).toBeVisible();
  await expect(card.getByText("★ 4,9 từ 40 đánh giá đã xác thực")).toBeVisible();
  await expect(card.getByText("Giá gói (50.000.000 ₫ – 80.000.000 ₫) nằm trong ngân sách")).toBeVisible();
  await expect(card.getByRole("list", { name: "Điểm theo từng tiêu chí" })).toContainText("Loại giải pháp");

  await card.getByRole("button", { name: "Mời dự thầu" }).click();
  await expect(sme.getByText("Đã gửi lời mời: nhà cung cấp đã được thông báo.")).toBeVisible();
  await expect(cards.filter({ hasText: vendorName }).getByText("Đã mời", { exact: true })).toBeVisible();
  await expect(cards.filter({ hasText: vendorName }).getByRole("button", { name: "Mời dự thầu" })).toHaveCount(0);
  await expect(
    sme.locator("section").filter({ has: sme.getByRole("heading", { name: "Nhà cung cấp đã mời" }) }),
  ).toContainText(vendorName);
  await expectAccessible(sme);
  await sme.goto(`/needs/${needId}`);
  await expect(sme.getByText("Đã mời 1 nhà cung cấp")).toBeVisible();

  // The vendor: the invitation on its home and in its notifications, the need among its recommendations.
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, vendor);
  await page.goto("/me");
  const invitations = page.locator("section").filter({ has: page.getByRole("heading", { name: "Lời mời dự thầu" }) });
  await expect(invitations.getByRole("link", { name: title })).toBeVisible();
  const recommended = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Nhu cầu phù hợp với bạn" }) });
  const item = recommended.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(item).toBeVisible();
  await expect(item.getByText(/^Độ phù hợp: \d+\/100$/)).toBeVisible();
  await expect(item.getByText("Cung cấp giải pháp Bán hàng (POS) và bán lẻ")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/notifications");
  await expect(page.getByText(`Công ty TNHH Trà Sữa Mây Hồng mời bạn dự thầu nhu cầu “${title}”`)).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/needs/${needId}`);
  await expect(page.getByText(/^Bạn được mời: Công ty TNHH Trà Sữa Mây Hồng đã mời bạn dự thầu/)).toBeVisible();
  await expectAccessible(page);

  // Only the owner sees the recommendations.
  expect((await page.request.get(`/needs/${needId}/matches`)).status()).toBe(403);
});

test("@nojs an SME invites a recommended vendor without JavaScript", async ({ page }) => {
  const owner = await createUser("sme");
  const needId = createNeed(owner, "Máy bán hàng không cần JavaScript");
  const vendorName = `Công ty TNHH Bán lẻ Không Script ${crypto.randomUUID().slice(0, 4)}`;
  await fittingVendor(vendorName);
  await signInAs(page, owner);
  await page.goto(`/needs/${needId}/matches`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: vendorName }) });
  await card.getByRole("button", { name: "Mời dự thầu" }).click();
  await expect(page.getByText("Đã gửi lời mời: nhà cung cấp đã được thông báo.")).toBeVisible();
  await expect(
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 2, name: vendorName }) })
      .getByText("Đã mời", { exact: true }),
  ).toBeVisible();
});
