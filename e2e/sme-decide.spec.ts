import crypto from "node:crypto";
import type { Browser } from "@playwright/test";
import {
  createEngagement,
  createNeed,
  createUser,
  e2eDb,
  expect,
  expectAccessible,
  incidentRaised,
  makeVetted,
  placeBid,
  signInAs,
  test,
  type TestUser,
} from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;

/** A need of a new SME with five bids (the lowest 52 million), whose bidding closed yesterday. */
async function needWithFiveBids() {
  const owner = await createUser("sme", { name: "Đỗ Minh Châu", organisation: "Công ty TNHH May Mặc Minh Châu" });
  const title = `Phần mềm quản lý xưởng may ${crypto.randomUUID().slice(0, 6)}`;
  const needId = await createNeed(owner, title);
  const tag = crypto.randomUUID().slice(0, 4);
  const totals = [61_000_000, 52_000_000, 88_000_000, 95_500_000, 70_000_000];
  const names: string[] = [];
  for (const [i, total] of totals.entries()) {
    const name = `Công ty Giải pháp Số ${["An", "Bình", "Cường", "Dũng", "Gia"][i]} ${tag}`;
    const vendor = await createUser("vendor", { organisation: name });
    await makeVetted(vendor);
    await placeBid(vendor, needId, total);
    names.push(name);
  }
  e2eDb()
    .prepare("UPDATE needs SET deadline = ? WHERE id = ?")
    .run(Date.now() - DAY, needId);
  return { owner, needId, title, cheapest: names[1]! };
}

async function pageOf(browser: Browser, user: TestUser) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, user);
  return page;
}

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the SME sees 'So sánh 5 hồ sơ' on its home and reaches the award confirmation in two clicks, then awards @nojs", async ({
    page,
  }) => {
    const { owner, needId, title, cheapest } = await needWithFiveBids();
    await signInAs(page, owner);
    await page.goto("/me");
    const task = page.getByRole("link", { name: "So sánh 5 hồ sơ" });
    await expect(task).toBeVisible();
    await expect(page.getByText(`“${title}” · chờ từ`)).toBeVisible();
    await expectAccessible(page);

    await task.click(); // 1
    await expect(page.getByRole("heading", { name: "So sánh hồ sơ dự thầu" })).toBeVisible();
    // The compact list: price · days · ★ · on time, the cheapest first and marked.
    const first = page.getByRole("list", { name: "Các hồ sơ dự thầu" }).getByRole("listitem").first();
    await expect(first).toContainText(cheapest);
    await expect(first).toContainText("52.000.000 ₫ · 60 ngày · chưa có ★ · chưa có mốc");
    await expect(first).toContainText("Thấp nhất");
    await expect(first).toContainText("Trong ngân sách");
    await expectAccessible(page);
    // Each bid opens to the whole of it, with or without JavaScript.
    await first.getByText("Xem toàn bộ hồ sơ").click();
    await expect(first.getByText("Chưa có mốc nào đến hạn")).toBeVisible();

    await first.getByRole("link", { name: `Trao thầu cho ${cheapest}` }).click(); // 2
    await expect(page.getByRole("heading", { name: "Xác nhận trao thầu" })).toBeVisible();
    await expect(page.getByText(cheapest).first()).toBeVisible();
    await expect(page.getByText("52.000.000 ₫").first()).toBeVisible();
    await expect(page.getByText("4 nhà cung cấp còn lại được thông báo là không được chọn.")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: `Xác nhận trao thầu cho ${cheapest}` }).click();
    await expect(page).toHaveURL(/\/engagements\//);
    await expect(page.getByText("Đã trao thầu.")).toBeVisible();
    await expect(page.getByText("0/1 mốc")).toBeVisible();

    // The need now stands at delivery, and the SME's home no longer asks for a comparison.
    await page.goto(`/needs/${needId}`);
    await expect(page.locator('[aria-current="step"]')).toContainText("Triển khai");
    await page.goto("/me");
    await expect(page.getByRole("link", { name: "So sánh 5 hồ sơ" })).toHaveCount(0);
  });

  test("the need page puts the stepper and the compare action in the first screen @nojs", async ({ page }) => {
    const { owner, needId } = await needWithFiveBids();
    await signInAs(page, owner);
    await page.goto(`/needs/${needId}`);
    await expect(page.locator('[aria-current="step"]')).toContainText("Xét chọn");
    await expect(page.getByText("Đã hết hạn nhận hồ sơ — 5 hồ sơ đang chờ bạn so sánh.")).toBeVisible();
    const compare = page.getByRole("link", { name: "So sánh hồ sơ", exact: true });
    await expect(compare).toBeInViewport();
    await expect(page.getByRole("link", { name: "← Nhu cầu của bạn" })).toBeVisible();
    await expectAccessible(page);
  });
});

test("at a desk the bids are a table with a column per vendor, markers and the match's reasons one click away", async ({
  page,
}) => {
  const { owner, needId, cheapest } = await needWithFiveBids();
  await signInAs(page, owner);
  await page.goto(`/needs/${needId}/compare`);
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveCount(6);
  await expect(table.getByRole("columnheader").nth(1)).toContainText(cheapest);
  const price = table.getByRole("row", { name: /Tổng giá/ });
  await expect(price.getByText("Thấp nhất")).toHaveCount(1);
  // 52, 61, 70 and 88 million are within the 40–90 million budget; 95.5 million is not.
  await expect(price.getByText("Trong ngân sách")).toHaveCount(4);
  await expect(table.getByRole("row", { name: /Đúng hạn/ })).toContainText("Chưa có mốc nào đến hạn");
  const match = table
    .getByRole("row", { name: /Độ phù hợp/ })
    .getByText(/\/100 · vì sao\?/)
    .first();
  await match.click();
  await expect(table.getByText(/Cung cấp giải pháp|Không cung cấp|Chưa có/).first()).toBeVisible();
  await expectAccessible(page);
});

test("the vendor answers an incident raised against it; the SME and staff read the answer @nojs", async ({
  page,
  browser,
}) => {
  const sme = await createUser("sme", { name: "Lâm Thị Thu", organisation: "Công ty TNHH Gốm Sứ Thu Lâm" });
  const vendor = await createUser("vendor", { organisation: "Công ty Cổ phần Giải pháp Số Nam Việt" });
  const engagementId = await createEngagement(sme, vendor, `Website bán gốm ${crypto.randomUUID().slice(0, 6)}`);
  const incidentId = await incidentRaised(
    sme,
    engagementId,
    "Nhà cung cấp đòi thanh toán mốc 2 trước khi bàn giao mốc 1.",
  );
  const staff = await createUser("staff");

  await signInAs(page, vendor);
  await page.goto(`/engagements/${engagementId}`);
  await expect(page.getByRole("region", { name: "Bước tiếp theo của bạn" })).toContainText(
    "Trả lời sự cố (Thanh toán) bên kia đã báo cáo",
  );
  await expect(page.getByText("0/2 mốc")).toBeVisible();
  await expectAccessible(page);
  const answer = "Chúng tôi sẽ bàn giao mốc 1 trước, thanh toán theo đúng hợp đồng.";
  await page.getByLabel("Trả lời sự cố này").fill(answer);
  await page.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(page.getByText("Đã gửi trả lời. Bên báo cáo và cán bộ chương trình đã được thông báo.")).toBeVisible();
  await expect(page.getByText(answer).first()).toBeVisible();
  await expect(page.getByLabel("Trả lời sự cố này")).toHaveCount(1); // it may answer again while open
  await expectAccessible(page);

  const s = await pageOf(browser, sme);
  await s.goto(`/engagements/${engagementId}`);
  await expect(s.locator(`#incident-${incidentId}`)).toContainText(answer);
  await expect(s.getByLabel("Trả lời sự cố này")).toHaveCount(0); // the raiser does not answer its own incident
  await s.goto("/notifications");
  await expect(s.getByText("Bên kia đã trả lời sự cố về").first()).toBeVisible();

  const st = await pageOf(browser, staff);
  await st.goto(`/staff/incidents/${incidentId}`);
  await expect(st.getByText("Bên bị phản ánh trả lời")).toBeVisible();
  await expect(st.getByText(answer)).toBeVisible();
  await expectAccessible(st);
});
