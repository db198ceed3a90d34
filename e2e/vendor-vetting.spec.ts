import crypto from "node:crypto";
import type { Browser } from "@playwright/test";
import {
  completeDossier,
  createUser,
  expect,
  expectAccessible,
  signInAs,
  submittedDossier,
  test,
  type TestUser,
} from "./fixtures";

async function vendorWithLegalName(prefix = "Công ty TNHH Phần mềm Ngọc Điền") {
  const code = crypto.randomBytes(3).toString("hex");
  const legalName = `${prefix} ${code}`;
  const vendor = await createUser("vendor", { name: "Trịnh Văn Điền", organisation: legalName });
  return { vendor, legalName, code };
}

async function staffPageOf(browser: Browser, staff: TestUser) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, staff);
  return page;
}

test("an incomplete dossier is refused with every missing part named; the company part is filled in", async ({
  page,
}) => {
  const { vendor } = await vendorWithLegalName();
  await signInAs(page, vendor);

  await page.goto("/me/dossier");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nộp hồ sơ để thẩm định" }).click();
  const missing = page.getByRole("alert");
  await expect(missing).toContainText("Giới thiệu công ty");
  await expect(missing).toContainText("Ít nhất hai khách hàng doanh nghiệp tham chiếu");
  await expect(missing).toContainText("Ít nhất một gói dịch vụ có giá");

  await page.getByRole("link", { name: "Sửa" }).first().click();
  await expect(page).toHaveURL(/\/me\/dossier\/company$/);
  await expectAccessible(page);
  await page
    .getByLabel("Giới thiệu công ty")
    .fill("Phần mềm kế toán và hóa đơn điện tử cho cửa hàng bán lẻ tại TP.HCM.");
  await page.getByLabel("Năm thành lập").fill("2016");
  await page.getByLabel("Số nhân sự").fill("18");
  await page.getByLabel("Website", { exact: true }).fill("ngocdien.example.vn");
  await page.getByLabel("Số nhà, đường").fill("12 Lý Tự Trọng");
  await page.getByLabel("Phường/xã").fill("Phường Sài Gòn");
  await page.getByLabel("Họ tên người liên hệ").fill("Trịnh Văn Điền");
  await page.getByLabel("Email").fill("dien@ngocdien.example.vn");
  await page.getByLabel("Số điện thoại").fill("0909 555 111");
  await page.getByRole("checkbox", { name: "Kế toán" }).check();
  await page.getByRole("checkbox", { name: "Bán lẻ và thương mại" }).check();
  await page.getByRole("checkbox", { name: "ISO 9001" }).check();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page).toHaveURL(/\/me\/dossier$/);
  // The company part is no longer among what is missing.
  await page.getByRole("button", { name: "Nộp hồ sơ để thẩm định" }).click();
  const stillMissing = page.getByRole("alert").filter({ hasText: "Ít nhất hai khách hàng doanh nghiệp tham chiếu" });
  await expect(stillMissing).toBeVisible();
  await expect(stillMissing).not.toContainText("Giới thiệu công ty");
});

test("a vendor adds its references and a priced package; prices the wrong way round are refused, what was typed kept", async ({
  page,
}) => {
  const { vendor } = await vendorWithLegalName();
  await signInAs(page, vendor);

  await page.goto("/me/dossier/references");
  await expectAccessible(page);
  for (const client of ["Công ty TNHH Cà Phê Bến Thành", "Công ty TNHH Nhà Sách Đông Du"]) {
    await page.getByLabel("Tên doanh nghiệp khách hàng").fill(client);
    await page.getByLabel("Dự án đã thực hiện").fill("Triển khai phần mềm kế toán");
    await page.getByLabel("Người liên hệ bên khách hàng").fill("Chị Lan");
    await page.getByLabel("Số điện thoại").fill("0908 111 222");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect(page.getByText(client, { exact: true })).toBeVisible();
  }

  await page.goto("/me/dossier/packages");
  await expectAccessible(page);
  await page.getByLabel("Tên gói").fill("Kế toán cửa hàng");
  await page.getByLabel("Loại giải pháp", { exact: true }).selectOption("accounting");
  await page.getByLabel("Giá từ").fill("9.000.000");
  await page.getByLabel("Giá đến").fill("6.000.000");
  await page.getByLabel("Cách tính").selectOption("per_year");
  await page.getByLabel("Gói gồm những gì").fill("Phần mềm, 2 buổi đào tạo, hỗ trợ qua Zalo");
  await page.getByRole("button", { name: "Thêm gói" }).click();
  await expect(page.getByText("“Giá đến” phải lớn hơn hoặc bằng “Giá từ”.").last()).toBeVisible();
  await expect(page.getByLabel("Tên gói")).toHaveValue("Kế toán cửa hàng");
  await page.getByLabel("Giá đến").fill("15.000.000");
  await page.getByRole("button", { name: "Thêm gói" }).click();
  await expect(page.getByText("9.000.000 ₫ – 15.000.000 ₫ / năm")).toBeVisible();
});

test("a complete dossier is submitted for vetting and can no longer be edited", async ({ page }) => {
  const { vendor } = await vendorWithLegalName();
  await completeDossier(vendor);
  await signInAs(page, vendor);

  await page.goto("/me/dossier");
  await expect(page.getByText("Hồ sơ đã đủ các phần bắt buộc.")).toBeVisible();
  await page.getByRole("button", { name: "Nộp hồ sơ để thẩm định" }).click();
  await expect(page.getByText("Đã nộp hồ sơ.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sửa" })).toHaveCount(0);
});

test("staff ask for changes to a submitted dossier; the vendor is told, edits and resubmits", async ({
  page,
  browser,
}) => {
  const { vendor, legalName } = await vendorWithLegalName();
  await submittedDossier(vendor);
  const staffPage = await staffPageOf(browser, await createUser("staff", { name: "Mai Thị Thẩm" }));

  await staffPage.goto("/staff/vendors");
  await expectAccessible(staffPage);
  await staffPage.getByRole("link", { name: legalName }).click();
  await expectAccessible(staffPage);
  await expect(staffPage.getByText("Chữ số kiểm tra của mã số thuế hợp lệ.")).toBeVisible();
  await staffPage.getByRole("radio", { name: "Đề nghị bổ sung" }).check();
  await staffPage.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  await expect(staffPage.getByText("Vui lòng ghi nhận xét hoặc lý do.").last()).toBeVisible();
  await staffPage.getByLabel("Nhận xét gửi nhà cung cấp").fill("Vui lòng bổ sung chứng chỉ ISO 27001 nếu có.");
  await staffPage.getByRole("radio", { name: "Đề nghị bổ sung" }).check();
  await staffPage.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  await expect(staffPage.getByText("Đã gửi đề nghị bổ sung cho nhà cung cấp.")).toBeVisible();

  await signInAs(page, vendor);
  await page.goto("/notifications");
  await expectAccessible(page);
  await expect(page.getByText("Vui lòng bổ sung chứng chỉ ISO 27001 nếu có.")).toBeVisible();
  await page.getByRole("button", { name: "Xem" }).first().click();
  await expect(page).toHaveURL(/\/me\/dossier$/);
  await page.getByRole("link", { name: "Sửa" }).first().click();
  await page.getByRole("checkbox", { name: "ISO 27001" }).check();
  await page.getByRole("button", { name: "Lưu" }).click();
  await page.getByRole("button", { name: "Nộp lại hồ sơ" }).click();
  await expect(page.getByText("Đã nộp hồ sơ.")).toBeVisible();
});

test("staff approve a dossier with the whole checklist; anyone finds the vendor without diacritics until it is suspended", async ({
  browser,
}) => {
  const { vendor, legalName, code } = await vendorWithLegalName();
  await submittedDossier(vendor, {
    pkg: { category: "accounting", from: 9_000_000, to: 15_000_000, unit: "per_year" },
  });
  const staffPage = await staffPageOf(browser, await createUser("staff", { name: "Mai Thị Thẩm" }));

  await staffPage.goto(`/staff/vendors/${vendor.organisationId}`);
  for (const item of [
    "Mã số thuế hợp lệ và khớp tên doanh nghiệp",
    "Đã liên hệ khách hàng tham chiếu",
    "Thực hành an toàn thông tin",
    "Giá minh bạch",
    "Không có xung đột lợi ích với người thẩm định",
  ]) {
    await staffPage.getByRole("checkbox", { name: item }).check();
  }
  await staffPage.getByRole("radio", { name: "Chấp thuận (hiệu lực 12 tháng)" }).check();
  await staffPage.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  await expect(staffPage.getByText("Đã chấp thuận.")).toBeVisible();
  await expectAccessible(staffPage);

  // Anyone finds it in the directory, typing without diacritics.
  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  await anon.goto("/vendors");
  await anon.getByLabel("Tìm theo tên, dịch vụ hoặc loại giải pháp").fill(`ngoc dien ${code}`);
  await anon.getByRole("button", { name: "Tìm" }).click();
  await expect(anon).toHaveURL(/q=ngoc\+dien/);
  await anon.getByRole("link", { name: legalName }).click();
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText(legalName);
  await expect(anon.getByText("Đã thẩm định bởi")).toBeVisible();
  await expect(anon.getByText("9.000.000 ₫ – 15.000.000 ₫ / năm")).toBeVisible();
  await expectAccessible(anon);
  const profileUrl = anon.url();

  // Suspension takes it out of the directory at once.
  await staffPage.getByLabel("Lý do tạm đình chỉ").fill("Doanh nghiệp khiếu nại chưa được giải quyết.");
  await staffPage.getByLabel(/Tôi xác nhận tạm đình chỉ/).check();
  await staffPage.getByRole("button", { name: "Tạm đình chỉ" }).click();
  await expect(staffPage.getByText("Đã tạm đình chỉ nhà cung cấp.")).toBeVisible();

  await anon.goto(`/vendors?q=ngoc+dien+${code}`);
  await expect(anon.getByText("Không tìm thấy nhà cung cấp phù hợp")).toBeVisible();
  const gone = await anon.goto(profileUrl);
  expect(gone?.status()).toBe(404);
  await visitor.close();
});

test("a vendor opening the staff vetting queue gets 403", async ({ page }) => {
  const vendor = await createUser("vendor");
  await signInAs(page, vendor);
  const response = await page.goto("/staff/vendors");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này" })).toBeVisible();
  await expectAccessible(page);
});

test("@nojs the directory's search and filters work without JavaScript", async ({ page }) => {
  await page.goto("/vendors");
  await expectAccessible(page);
  await page.getByLabel("Tìm theo tên, dịch vụ hoặc loại giải pháp").fill("SAI GON SO");
  await page.getByLabel("Loại giải pháp", { exact: true }).selectOption("accounting");
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page).toHaveURL(/category=accounting/);
  await expect(page.getByRole("link", { name: "Công ty Cổ phần Công nghệ Sài Gòn Số" })).toBeVisible();
  await page.getByLabel("Tìm theo tên, dịch vụ hoặc loại giải pháp").fill("khong co nha cung cap nao ten nay");
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page.getByText("Không tìm thấy nhà cung cấp phù hợp")).toBeVisible();
  await expect(page.getByLabel("Tìm theo tên, dịch vụ hoặc loại giải pháp")).toHaveValue(
    "khong co nha cung cap nao ten nay",
  );
});
