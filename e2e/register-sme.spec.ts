import { expect, expectAccessible, outboxLink, signOutThroughMenu, test, uniqueEmail, validTaxCode } from "./fixtures";

test("@nojs an SME registers, confirms its email, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("sme-owner");
  const taxCode = await validTaxCode();
  const password = "Cà phê sữa đá 2026";

  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng ký tham gia");
  await expectAccessible(page);

  await page.getByLabel("Tên doanh nghiệp").fill("Công ty TNHH Bánh Mì Hòa Mã");
  await page.getByLabel("Mã số thuế").fill("0100109107"); // wrong check digit
  await page.getByLabel("Lĩnh vực hoạt động chính").selectOption("food_beverage");
  await page.getByLabel("Số lao động tham gia BHXH").fill("12");
  await page.getByLabel("Tổng doanh thu năm").selectOption("r10");
  await page.getByLabel("Tổng nguồn vốn").selectOption("c3");
  await page.getByLabel("Số điện thoại").fill("0909 123 456");
  await page.getByLabel("Họ tên người liên hệ").fill("Trần Thị Thu");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng ký doanh nghiệp" }).click();

  // The bad tax code is named next to its field; nothing else typed is lost.
  await expect(page.getByText("chữ số kiểm tra (số thứ 10) không khớp").last()).toBeVisible();
  // …and summed up at the top of the form, named.
  await expect(page.getByRole("link", { name: /^Mã số thuế: Mã số thuế không hợp lệ/ })).toHaveAttribute(
    "href",
    "#register-sme-taxCode",
  );
  await expect(page.getByLabel("Mã số thuế")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Tên doanh nghiệp")).toHaveValue("Công ty TNHH Bánh Mì Hòa Mã");
  await expect(page.getByLabel("Tổng doanh thu năm")).toHaveValue("r10");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expectAccessible(page);

  await page.getByLabel("Mã số thuế").fill(taxCode);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng ký doanh nghiệp" }).click();
  await expect(page.getByRole("heading", { name: "Hãy kiểm tra hộp thư" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(outboxLink(email, "/verify-email?token="));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Xác nhận và đăng nhập" }).click();
  await expect(page).toHaveURL(/\/me/);
  await expect(page.getByRole("heading", { name: "Xin chào, Trần Thị Thu" })).toBeVisible();
  await expect(page.getByText("Công ty TNHH Bánh Mì Hòa Mã")).toBeVisible();
  await expect(page.getByText("Nhỏ", { exact: true })).toBeVisible(); // 12 staff, F&B: small
  await expectAccessible(page);

  await signOutThroughMenu(page);

  await page.goto("/login");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { name: "Xin chào, Trần Thị Thu" })).toBeVisible();
});

test("@nojs a wrong password is refused without saying whether the email exists", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByLabel("Email").fill("sme@demo.test");
  await page.getByLabel("Mật khẩu").fill("not the password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText("Email hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Email")).toHaveValue("sme@demo.test");

  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Mật khẩu").fill("not the password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText("Email hoặc mật khẩu không đúng.");
});

test("registering a tax code twice is refused at the field; an address twice reveals nothing", async ({ page }) => {
  const taxCode = await validTaxCode();
  const email = uniqueEmail("first");
  const fill = async (address: string, code: string) => {
    await page.goto("/register?as=vendor");
    await page.getByLabel("Tên doanh nghiệp").fill("Công ty Cổ phần Phần mềm Thử");
    await page.getByLabel("Mã số thuế").fill(code);
    await page.getByLabel("Họ tên người liên hệ").fill("Lý Văn Phúc");
    await page.getByLabel("Email").fill(address);
    await page.getByLabel("Mật khẩu").fill("một mật khẩu dài");
    await page.getByRole("button", { name: "Đăng ký nhà cung cấp" }).click();
  };
  await fill(email, taxCode);
  await expect(page.getByRole("heading", { name: "Hãy kiểm tra hộp thư" })).toBeVisible();

  await fill(uniqueEmail("second"), taxCode);
  await expect(page.getByText("Mã số thuế này đã được đăng ký").last()).toBeVisible();

  await fill(email, await validTaxCode());
  await expect(page.getByRole("heading", { name: "Hãy kiểm tra hộp thư" })).toBeVisible();
  expect(outboxLink(email, "/forgot-password")).toContain("/forgot-password");
});
