import crypto from "node:crypto";
import zlib from "node:zlib";
import { createNeed, createUser, expect, expectAccessible, makeVetted, signInAs, test } from "./fixtures";

/** A real PNG of `size`×`size` pixels in one colour (the browser draws it on the profile). */
function png(size: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, 0x2a)]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("a vetted vendor's logo and case study reach its profile only after staff approve them, old beside new", async ({
  browser,
}) => {
  const tag = crypto.randomUUID().slice(0, 4);
  const vendorName = `Công ty TNHH Phần mềm Chợ Lớn ${tag}`;
  const vendor = await createUser("vendor", { organisation: vendorName });
  await makeVetted(vendor);
  const staff = await createUser("staff");
  const vendorPage = await (await browser.newContext()).newPage();
  await signInAs(vendorPage, vendor);

  await vendorPage.goto("/me/dossier/logo");
  await expect(vendorPage.getByText(/trang công khai vẫn giữ bản đã duyệt/)).toBeVisible();
  await expectAccessible(vendorPage);
  // A PDF named .png is refused by its content, next to the field.
  await vendorPage
    .getByLabel("Tệp logo")
    .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("%PDF-1.7 fake") });
  await vendorPage.getByRole("button", { name: "Tải logo lên" }).click();
  await expect(vendorPage.locator("#logo-logo-error")).toContainText("PNG, JPEG hoặc WebP");
  await vendorPage.getByLabel("Tệp logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png(120) });
  await vendorPage.getByRole("button", { name: "Tải logo lên" }).click();
  await expect(vendorPage).toHaveURL(/\/me\/dossier\?notice=pending/);

  const caseTitle = `Hóa đơn điện tử cho chuỗi cà phê Quận 1 ${tag}`;
  await vendorPage.goto("/me/dossier/case-studies");
  await vendorPage.getByLabel("Tên dự án").fill(caseTitle);
  await vendorPage.getByLabel("Lĩnh vực của khách hàng").selectOption("retail_trade");
  await vendorPage.getByLabel("Vấn đề của khách hàng").fill("Xuất hóa đơn giấy tay, đối chiếu cuối tháng mất ba ngày.");
  await vendorPage.getByLabel("Việc đã làm").fill("Nối phần mềm bán hàng với hóa đơn điện tử, đào tạo 12 nhân viên.");
  await vendorPage.getByLabel("Kết quả").fill("Đối chiếu cuối tháng còn nửa ngày.");
  await vendorPage.getByRole("button", { name: "Thêm dự án" }).click();
  await expect(vendorPage.getByRole("heading", { name: caseTitle })).toBeVisible();
  await expectAccessible(vendorPage);

  // Meanwhile the public sees the approved version.
  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto(`/vendors/${vendor.organisationId}`);
  await expect(publicPage.getByRole("heading", { name: "Dự án tiêu biểu" })).toBeVisible();
  await expect(publicPage.getByText(caseTitle)).toHaveCount(0);
  const profileLogo = publicPage
    .locator("header", { has: publicPage.getByRole("heading", { level: 1 }) })
    .locator("img");
  await expect(profileLogo).toHaveCount(0);

  const staffPage = await (await browser.newContext()).newPage();
  await signInAs(staffPage, staff);
  await staffPage.goto("/staff/vendors");
  await staffPage.getByRole("link", { name: vendorName }).click();
  await expect(staffPage.getByRole("heading", { name: "Thay đổi hồ sơ chờ duyệt", level: 2 })).toBeVisible();
  const logoChange = staffPage.getByRole("listitem").filter({ hasText: "Logo" }).first();
  await expect(logoChange.getByText("Hiện tại")).toBeVisible();
  await expect(logoChange.getByText("(không có)")).toBeVisible();
  await expect(logoChange.getByText("120 × 120 px")).toBeVisible();
  await expect(staffPage.getByText(`Thêm dự án tiêu biểu: ${caseTitle}`)).toBeVisible();
  await expectAccessible(staffPage);
  await staffPage.getByLabel("Chấp thuận: thay đổi hiển thị công khai ngay").check();
  await staffPage.getByRole("button", { name: "Ghi nhận quyết định" }).first().click();
  await expect(staffPage.getByText("Đã chấp thuận thay đổi")).toBeVisible();

  await publicPage.reload();
  await expect(publicPage.getByRole("heading", { name: caseTitle })).toBeVisible();
  const logo = profileLogo;
  await expect(logo).toHaveAttribute("width", "112");
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
  await expectAccessible(publicPage);
});

for (const js of [true, false]) {
  test(`${js ? "" : "@nojs "}an SME invites a vendor to quote from its profile`, async ({ page }) => {
    const vendor = await createUser("vendor", {
      organisation: `Công ty TNHH Kế toán Bến Nghé ${crypto.randomUUID().slice(0, 4)}`,
    });
    await makeVetted(vendor, { categories: ["accounting"] });
    const sme = await createUser("sme");
    await signInAs(page, sme);

    // Without an open need: post one, with the vendor's category chosen.
    await page.goto(`/vendors/${vendor.organisationId}`);
    await page.getByRole("link", { name: "Đăng nhu cầu" }).click();
    await expect(page).toHaveURL(/\/needs\/new\?category=accounting/);
    await expect(page.getByLabel(/Loại giải pháp/)).toHaveValue("accounting");

    const title = `Phần mềm kế toán cho tiệm may ${crypto.randomUUID().slice(0, 4)}`;
    const needId = await createNeed(sme, title);
    await page.goto(`/vendors/${vendor.organisationId}`);
    await expectAccessible(page, { state: "invite" });
    await page.getByLabel("Nhu cầu đang mở của bạn").selectOption(needId);
    await page.getByRole("button", { name: "Mời báo giá" }).click();
    await expect(page.getByText("Đã mời nhà cung cấp báo giá")).toBeVisible();
    await expect(page.getByText(`Đã mời cho: ${title}`)).toBeVisible();
  });
}
