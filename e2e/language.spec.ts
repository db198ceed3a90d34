import { createUser, expect, expectAccessible, signInAs, test } from "./fixtures";

test("the language switch changes the page and the choice persists", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tìm đúng nhà cung cấp");

  await page.getByRole("navigation", { name: "Ngôn ngữ" }).getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Find the right digital-transformation vendor");
  await expectAccessible(page);

  // Another page, with no ?lang in its URL, stays in English.
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Errors for a signed-in user come in the chosen language too.
  const vendor = await createUser("vendor");
  await signInAs(page, vendor);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You may not see this page" })).toBeVisible();
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/?lang=vi");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quên mật khẩu");
});
