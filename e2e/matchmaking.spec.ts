import crypto from "node:crypto";
import type { Sector } from "../app/lib/reference";
import {
  createNeed,
  createUser,
  expect,
  expectAccessible,
  invite,
  makeVetted,
  setRating,
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
async function fittingVendor(organisation: string, sector: Sector = "retail_trade"): Promise<TestUser> {
  const vendor = await createUser("vendor", { name: "Đặng Minh Khoa", organisation });
  await makeVetted(vendor, {
    categories: ["pos_retail"],
    sectors: [sector],
    pkg: { category: "pos_retail", from: 50_000_000, to: 80_000_000 },
  });
  setRating(vendor, 4.9, 40);
  return vendor;
}

const SME_NAME = "Công ty TNHH Trà Sữa Mây Hồng";
const uniqueTitle = () => `Phần mềm bán hàng cho chuỗi trà sữa ${crypto.randomUUID().slice(0, 4)}`;
const uniqueVendorName = () => `Công ty TNHH Giải pháp Bán lẻ Mộc Lan ${crypto.randomUUID().slice(0, 4)}`;

test("an SME sees recommended vendors with the reasons and invites one", async ({ page }) => {
  const owner = await createUser("sme", { name: "Trương Ngọc Lan", organisation: SME_NAME });
  const needId = await createNeed(owner, uniqueTitle());
  const vendorName = uniqueVendorName();
  await fittingVendor(vendorName);

  // The SME opens its need and follows the way to the recommended vendors.
  await signInAs(page, owner);
  await page.goto(`/needs/${needId}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Xem nhà cung cấp phù hợp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhà cung cấp phù hợp" })).toBeVisible();
  await expectAccessible(page);

  const cards = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  const card = cards.filter({ hasText: vendorName });
  await expect(card).toBeVisible();
  await expect(card.getByText(/^Độ phù hợp: \d+\/100$/)).toBeVisible();
  await expect(card.getByText("Cung cấp giải pháp Bán hàng (POS) và bán lẻ")).toBeVisible();
  await expect(card.getByText("★ 4,9 từ 40 đánh giá đã xác thực")).toBeVisible();
  await expect(card.getByText("Giá gói (50.000.000 ₫ – 80.000.000 ₫) nằm trong ngân sách")).toBeVisible();
  await expect(card.getByRole("list", { name: "Điểm theo từng tiêu chí" })).toContainText("Loại giải pháp");

  await card.getByRole("button", { name: "Mời dự thầu" }).click();
  await expect(page.getByText("Đã gửi lời mời: nhà cung cấp đã được thông báo.")).toBeVisible();
  await expect(cards.filter({ hasText: vendorName }).getByText("Đã mời", { exact: true })).toBeVisible();
  await expect(cards.filter({ hasText: vendorName }).getByRole("button", { name: "Mời dự thầu" })).toHaveCount(0);
  await expect(
    page.locator("section").filter({ has: page.getByRole("heading", { name: "Nhà cung cấp đã mời" }) }),
  ).toContainText(vendorName);
  await page.goto(`/needs/${needId}`);
  await expect(page.getByText("Đã mời 1 nhà cung cấp")).toBeVisible();
});

test("an invited vendor sees the invitation and the need among its recommendations; only the owner sees the recommended vendors", async ({
  page,
}) => {
  const owner = await createUser("sme", { name: "Trương Ngọc Lan", organisation: SME_NAME });
  const title = uniqueTitle();
  // Food and beverage, which no other journey's need is in: for this vendor, serving that sector,
  // the need then outranks every other open need of the run (equal scores are ordered by id).
  const needId = await createNeed(owner, title, { sector: "food_beverage" });
  const vendor = await fittingVendor(uniqueVendorName(), "food_beverage");
  await invite(owner, needId, vendor);

  // The invitation on its home and in its notifications, the need among its recommendations.
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
  await expect(page.getByText(`${SME_NAME} mời bạn dự thầu nhu cầu “${title}”`)).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/needs/${needId}`);
  await expect(page.getByText(new RegExp(`^Bạn được mời: ${SME_NAME} đã mời bạn dự thầu`))).toBeVisible();
  await expectAccessible(page);

  // Only the owner sees the recommendations.
  expect((await page.request.get(`/needs/${needId}/matches`)).status()).toBe(403);
});

test("@nojs an SME invites a recommended vendor without JavaScript", async ({ page }) => {
  const owner = await createUser("sme");
  const needId = await createNeed(owner, "Máy bán hàng không cần JavaScript");
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
