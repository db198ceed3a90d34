import {
  createNeed,
  createUser,
  e2eDb,
  expect,
  expectAccessible,
  invite,
  makeVetted,
  placeBid,
  signInAs,
  test,
} from "./fixtures";

test("@nojs the directory ranks the vendor named for the words first, with filters behind 'Bộ lọc'", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/vendors?q=dong");
  const names = page.getByRole("list").locator("h2");
  const firstThree = (await names.allTextContents()).slice(0, 3).join(" | ");
  expect(firstThree).toContain("Đồng Khởi");
  // On a phone the filters are one disclosure that opens without JavaScript.
  await expect(page.getByLabel("Có kinh nghiệm trong lĩnh vực")).toBeHidden();
  await page.getByText("Bộ lọc (0)").click();
  await page.getByLabel("Có kinh nghiệm trong lĩnh vực").selectOption("healthcare");
  await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
  await expect(page).toHaveURL(/sector=healthcare/);
  await expect(page.getByText("Bộ lọc (1)")).toBeVisible();
  await expect(page.getByPlaceholder("ví dụ: kế toán, hóa đơn điện tử")).toHaveValue("dong");
  await page.getByRole("link", { name: "Kế toán" }).click();
  await expect(page).toHaveURL(/category=accounting/);
  await expect(page.getByRole("link", { name: "Kế toán" })).toHaveAttribute("aria-current", "true");
  await expectAccessible(page);
});

test("an admin at 1280 px sees the whole header on one line, incidents and the audit log in it", async ({ page }) => {
  const admin = await createUser("admin");
  await signInAs(page, admin);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/staff");
  const header = page.locator("header").first();
  const brand = header.getByRole("link", { name: "Kết Nối Số" });
  const nav = header.getByRole("navigation", { name: "Điều hướng chính" });
  await expect(nav).toBeVisible();
  const [h, b, n] = await Promise.all([header.boundingBox(), brand.boundingBox(), nav.boundingBox()]);
  // One row: the header is as tall as one line of controls, brand and nav side by side on it.
  expect(h!.height).toBeLessThan(80);
  expect(Math.abs(b!.y + b!.height / 2 - (n!.y + n!.height / 2))).toBeLessThan(8);
  expect(b!.x + b!.width).toBeLessThanOrEqual(n!.x);
  for (const box of [b!, n!]) expect(box.height).toBeLessThan(50);

  await nav.getByText("Giám sát").click();
  await nav.getByRole("link", { name: "Sự cố" }).click();
  await expect(page).toHaveURL(/\/staff\/incidents$/);
  await nav.getByText("Quản trị").click();
  await nav.getByRole("link", { name: "Nhật ký thao tác" }).click();
  await expect(page).toHaveURL(/\/staff\/audit$/);
  await expectAccessible(page);
});

test("a vendor sees the needs it was invited to and bid on, its fit and the days left, and filters by invitation", async ({
  page,
}) => {
  const sme = await createUser("sme");
  const vendor = await createUser("vendor");
  await makeVetted(vendor, {
    categories: ["pos_retail"],
    pkg: { category: "pos_retail", from: 40_000_000, to: 80_000_000 },
  });
  const tag = crypto.randomUUID().slice(0, 6);
  const invited = await createNeed(sme, `Mời báo giá ${tag}`, { deadlineInDays: 5 });
  await createNeed(sme, `Không mời ${tag}`);
  await invite(sme, invited, vendor);
  await placeBid(vendor, invited, 60_000_000);

  await signInAs(page, vendor);
  await page.goto(`/needs?q=${tag}`);
  const card = page.getByRole("listitem").filter({ hasText: `Mời báo giá ${tag}` });
  await expect(card.getByText("Được mời", { exact: true })).toBeVisible();
  await expect(card.getByText("Đã gửi hồ sơ")).toBeVisible();
  await expect(card.getByText(/Mức phù hợp \d+\/100/)).toBeVisible();
  await expect(card.getByText("Còn 5 ngày")).toBeVisible();
  const other = page.getByRole("listitem").filter({ hasText: `Không mời ${tag}` });
  await expect(other.getByText("Được mời", { exact: true })).toHaveCount(0);

  await page.getByLabel("Nhu cầu tôi được mời").check();
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/invited=1/);
  await expect(page.getByRole("heading", { name: `Mời báo giá ${tag}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Không mời ${tag}` })).toHaveCount(0);
  await expectAccessible(page);
});

test("a flag's case file for identical bids shows both vendors' bids side by side", async ({ page }) => {
  const sme = await createUser("sme");
  const tag = crypto.randomUUID().slice(0, 4);
  const first = await createUser("vendor", { organisation: `Công ty Trùng Giá Một ${tag}` });
  const second = await createUser("vendor", { organisation: `Công ty Trùng Giá Hai ${tag}` });
  await makeVetted(first);
  await makeVetted(second);
  const needId = await createNeed(sme, `Nhu cầu trùng giá ${tag}`);
  await placeBid(first, needId, 77_000_000);
  await placeBid(second, needId, 77_000_000);
  const flagId = e2eDb()
    .prepare("SELECT id FROM flags WHERE code = 'IDENTICAL_BIDS' AND need_id = ?")
    .pluck()
    .get(needId) as string;
  expect(flagId).toBeTruthy();

  const staff = await createUser("staff");
  await signInAs(page, staff);
  await page.goto(`/staff/flags/${flagId}`);
  const bids = page.getByRole("table");
  for (const name of [`Công ty Trùng Giá Một ${tag}`, `Công ty Trùng Giá Hai ${tag}`]) {
    const row = bids.getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("link", { name })).toBeVisible();
    await expect(row).toContainText("77.000.000 ₫");
    await expect(row).toContainText("Bị gắn cờ");
  }
  await expect(page.getByRole("link", { name: `Nhu cầu trùng giá ${tag}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vì sao cần chú ý" })).toBeVisible();
  // The formula stays folded under "Cách tính".
  await expect(page.getByText("Bật khi hai hồ sơ hợp lệ")).toBeHidden();
  await page.getByText("Cách tính").click();
  await expect(page.getByText("Bật khi hai hồ sơ hợp lệ")).toBeVisible();
  await expectAccessible(page);
});

test("@nojs settings accept money and decimals as they are shown: '20.000.000 ₫' and '0,5'", async ({ page }) => {
  const admin = await createUser("admin");
  await signInAs(page, admin);
  await page.goto("/admin/settings");
  const cap = page.getByLabel("Mức trần mỗi năm (₫)").first();
  await expect(cap).toHaveValue("20.000.000 ₫");
  await cap.fill("25.000.000 ₫");
  await page.getByRole("button", { name: "Lưu cài đặt" }).first().click();
  await expect(page.getByText("Đã lưu cài đặt.")).toBeVisible();
  await expect(page.getByLabel("Mức trần mỗi năm (₫)").first()).toHaveValue("25.000.000 ₫");

  const factor = page.getByLabel(/Độ giãn cho phép/);
  await expect(factor).toHaveValue("1,5");
  await factor.fill("0,5");
  const share = page.getByLabel("Thấp hơn tỷ lệ này của giá giữa (2–3 hồ sơ)");
  await expect(share).toHaveValue("50 %");
  await share.fill("45 %");
  await page.getByRole("button", { name: "Lưu cài đặt" }).last().click();
  await expect(page.getByText("Đã lưu cài đặt.")).toBeVisible();
  await expect(page.getByLabel(/Độ giãn cho phép/)).toHaveValue("0,5");
  await expect(page.getByLabel("Thấp hơn tỷ lệ này của giá giữa (2–3 hồ sơ)")).toHaveValue("45 %");
  const stored = e2eDb().prepare("SELECT key, value FROM settings").all() as { key: string; value: string }[];
  const byKey = Object.fromEntries(stored.map((r) => [r.key, JSON.parse(r.value)]));
  expect(byKey.support_rates.micro.solution.cap).toBe(25_000_000);
  expect(byKey.risk_thresholds.lowBidIqrFactor).toBe(0.5);
  expect(byKey.risk_thresholds.lowBidMedianShare).toBe(0.45);

  // Put the defaults back for the other journeys.
  await page.getByLabel("Mức trần mỗi năm (₫)").first().fill("20.000.000 ₫");
  await page.getByRole("button", { name: "Lưu cài đặt" }).first().click();
  await expect(page.getByText("Đã lưu cài đặt.")).toBeVisible();
  await page.getByLabel(/Độ giãn cho phép/).fill("1,5");
  await page.getByLabel("Thấp hơn tỷ lệ này của giá giữa (2–3 hồ sơ)").fill("50 %");
  await page.getByRole("button", { name: "Lưu cài đặt" }).last().click();
  await expect(page.getByText("Đã lưu cài đặt.")).toBeVisible();
  await expectAccessible(page);
});
