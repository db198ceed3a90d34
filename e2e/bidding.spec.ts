import type { Page } from "@playwright/test";
import {
  createNeed,
  createUser,
  expect,
  expectAccessible,
  makeVetted,
  placeBid,
  signInAs,
  test,
  type TestUser,
} from "./fixtures";

async function fillBid(page: Page, total: string, milestones: [string, string, string][]) {
  await page.getByLabel("Tổng giá (đồng)").fill(total);
  await page.getByLabel("Thời gian thực hiện (ngày)").fill("60");
  await page
    .getByLabel("Cách tiếp cận")
    .fill("Khảo sát, cấu hình máy POS, đào tạo nhân viên và hỗ trợ sau triển khai.");
  for (let i = 0; i < milestones.length; i++) {
    if (i > 0) await page.getByRole("button", { name: "+ Thêm mốc" }).click();
    const row = page.getByRole("group", { name: `Mốc ${i + 1}` });
    await row.getByLabel("Nội dung bàn giao").fill(milestones[i]![0]);
    await row.getByLabel("Hạn (ngày sau khi trao thầu)").fill(milestones[i]![1]);
    await row.getByLabel("Số tiền (đồng)").fill(milestones[i]![2]);
  }
}

async function vetted(name: string, organisation: string): Promise<TestUser> {
  const vendor = await createUser("vendor", { name, organisation });
  await makeVetted(vendor);
  return vendor;
}

const TITLE = "Máy bán hàng cho hai quán cà phê";
const A_NAME = "Công ty Cổ phần Công nghệ Alpha Sài Gòn";
const B_NAME = "Công ty TNHH Giải pháp Beta Gia Định";

test("a vendor's bid must add up, and nothing it can load shows another vendor's bid", async ({ page }) => {
  const owner = await createUser("sme", { name: "Phạm Thu Trang", organisation: "Công ty TNHH Cà Phê Sáng" });
  const needId = await createNeed(owner, TITLE);
  const a = await vetted("Lâm Quốc An", A_NAME);
  const b = await vetted("Bùi Thị Bích", B_NAME);
  await placeBid(b, needId, 64_500_000);

  await signInAs(page, a);
  await page.goto(`/needs/${needId}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Gửi hồ sơ dự thầu" }).click();
  await expectAccessible(page);
  await fillBid(page, "71.000.000", [
    ["Khảo sát (bỏ)", "5", "1.000.000"],
    ["Lắp đặt máy POS", "20", "30.000.000"],
    ["Đào tạo và nghiệm thu", "60", "40.000.000"],
  ]);
  // Removing the first row moves the others up with what was typed in them.
  await page.getByRole("button", { name: "Bỏ mốc 1" }).click();
  await expect(page.getByRole("group", { name: "Mốc 3" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Mốc 1" }).getByLabel("Nội dung bàn giao")).toHaveValue(
    "Lắp đặt máy POS",
  );
  await expect(page.getByRole("group", { name: "Mốc 2" }).getByLabel("Số tiền (đồng)")).toHaveValue("40.000.000");
  await page.getByRole("button", { name: "Gửi hồ sơ dự thầu" }).click();
  await expect(page.getByText("Tổng số tiền các mốc phải bằng tổng giá.").last()).toBeVisible();
  await expect(page.getByRole("group", { name: "Mốc 1" }).getByLabel("Nội dung bàn giao")).toHaveValue(
    "Lắp đặt máy POS",
  );
  await page.getByRole("group", { name: "Mốc 2" }).getByLabel("Số tiền (đồng)").fill("41.000.000");
  await page.getByRole("button", { name: "Gửi hồ sơ dự thầu" }).click();
  await expect(page.getByText("Đã gửi hồ sơ dự thầu.")).toBeVisible();
  await expect(page.getByText("71.000.000 ₫")).toBeVisible();

  // Sealed: nothing A can load carries B's price or name — the HTML and the loader's data.
  for (const url of [
    `/needs/${needId}`,
    `/needs/${needId}?_data=routes%2Fneeds.%24needId._index`,
    `/needs/${needId}/bid?_data=routes%2Fneeds.%24needId.bid`,
    "/me",
    "/notifications",
  ]) {
    const body = await (await page.request.get(url)).text();
    expect(body).not.toContain("64.500.000");
    expect(body).not.toContain("64500000");
    expect(body).not.toContain("Beta Gia Định");
  }
  expect((await page.request.get(`/needs/${needId}/compare`)).status()).toBe(403);
});

test("the SME closes bidding early, compares, shortlists and awards one; the other is told and kept out", async ({
  browser,
}) => {
  const owner = await createUser("sme", { name: "Phạm Thu Trang", organisation: "Công ty TNHH Cà Phê Sáng" });
  const needId = await createNeed(owner, TITLE);
  const a = await vetted("Lâm Quốc An", A_NAME);
  const b = await vetted("Bùi Thị Bích", B_NAME);
  await placeBid(a, needId, 71_000_000, [
    { title: "Lắp đặt máy POS", dueOffsetDays: 20, amount: 30_000_000 },
    { title: "Đào tạo và nghiệm thu", dueOffsetDays: 60, amount: 41_000_000 },
  ]);
  await placeBid(b, needId, 64_500_000);

  const pageS = await (await browser.newContext()).newPage();
  await signInAs(pageS, owner);
  await pageS.goto(`/needs/${needId}`);
  await expect(pageS.getByText("2 hồ sơ dự thầu")).toBeVisible();
  await pageS.getByLabel("Tôi muốn đóng nhận hồ sơ ngay bây giờ.").check();
  await pageS.getByRole("button", { name: "Đóng nhận hồ sơ", exact: true }).click();
  await pageS.getByRole("link", { name: "So sánh hồ sơ dự thầu" }).click();
  await expectAccessible(pageS);
  // One column per bid, cheapest first: Beta, then Alpha.
  const vendors = pageS.getByRole("table").getByRole("columnheader");
  await expect(vendors.nth(1)).toContainText("Beta Gia Định");
  await expect(vendors.nth(2)).toContainText("Alpha Sài Gòn");
  await pageS.getByRole("button", { name: "Đưa vào danh sách rút gọn" }).nth(1).click();
  await expect(pageS.getByText("Đã đưa vào danh sách rút gọn.")).toBeVisible();
  await expect(pageS.getByRole("columnheader").nth(2)).toContainText("Trong danh sách rút gọn");
  await pageS.getByRole("link", { name: `Trao thầu cho ${A_NAME}` }).click();
  await expect(pageS.getByRole("heading", { name: "Xác nhận trao thầu" })).toBeVisible();
  await pageS.getByRole("button", { name: `Xác nhận trao thầu cho ${A_NAME}` }).click();
  await expect(pageS).toHaveURL(/\/engagements\//);
  await expect(pageS.getByText("Đã trao thầu.")).toBeVisible();
  await expect(pageS.getByText("71.000.000 ₫").first()).toBeVisible();
  await expectAccessible(pageS);
  const engagementUrl = new URL(pageS.url()).pathname;

  // A sees the engagement; B was told it was not selected and cannot open it.
  const pageA = await (await browser.newContext()).newPage();
  await signInAs(pageA, a);
  await pageA.goto("/notifications");
  await expect(pageA.getByText(`Bạn đã trúng thầu “${TITLE}”`)).toBeVisible();
  await pageA.goto(engagementUrl);
  await expect(pageA.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(pageA.getByText("1. Lắp đặt máy POS")).toBeVisible();

  const pageB = await (await browser.newContext()).newPage();
  await signInAs(pageB, b);
  await pageB.goto("/notifications");
  await expect(pageB.getByText(`Hồ sơ dự thầu của bạn cho “${TITLE}” không được chọn`)).toBeVisible();
  const denied = await pageB.goto(engagementUrl);
  expect(denied?.status()).toBe(404);
  await expectAccessible(pageB);
});

test("@nojs a vetted vendor adds milestone rows and bids without JavaScript", async ({ page }) => {
  const owner = await createUser("sme");
  const needId = await createNeed(owner, "Phần mềm bán hàng không cần JavaScript");
  const vendor = await vetted("Tạ Minh Nhật", "Công ty TNHH Phần mềm Gamma");
  await signInAs(page, vendor);
  await page.goto(`/needs/${needId}/bid`);
  await expectAccessible(page);
  await fillBid(page, "50.000.000", [
    ["Cấu hình", "15", "20.000.000"],
    ["Nghiệm thu", "60", "30.000.000"],
  ]);
  // What was typed survives the round trip that added the second row.
  await expect(page.getByLabel("Tổng giá (đồng)")).toHaveValue("50.000.000");
  await expect(page.getByRole("group", { name: "Mốc 1" }).getByLabel("Nội dung bàn giao")).toHaveValue("Cấu hình");
  await page.getByRole("button", { name: "Gửi hồ sơ dự thầu" }).click();
  await expect(page.getByText("Đã gửi hồ sơ dự thầu.")).toBeVisible();
  await expect(page.getByText("50.000.000 ₫", { exact: true })).toBeVisible();
});

test("a vendor that is not vetted sees why it cannot bid and what to do", async ({ page }) => {
  const owner = await createUser("sme");
  const needId = await createNeed(owner, "Nhu cầu cho nhà cung cấp chưa thẩm định");
  const vendor = await createUser("vendor");
  await signInAs(page, vendor);
  await page.goto(`/needs/${needId}`);
  await expect(page.getByText("Bạn chưa thể chào giá")).toBeVisible();
  await expect(page.getByRole("link", { name: "Mở hồ sơ năng lực" })).toBeVisible();
  await page.goto(`/needs/${needId}/bid`);
  await expect(page).toHaveURL(new RegExp(`/needs/${needId}$`));
  await expectAccessible(page);
});
