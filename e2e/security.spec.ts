import { createUser, e2eDb, expect, signInAs, test } from "./fixtures";

test("a state-changing request from another origin, or none, is refused", async ({ request, baseURL }) => {
  const foreign = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "sme@demo.test", password: "Demo@12345" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  const missing = await request.post("/logout", { maxRedirects: 0 });
  expect(missing.status()).toBe(403);
  const own = await request.post("/login", {
    headers: { Origin: baseURL! },
    form: { email: "sme@demo.test", password: "wrong password" },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(400);
});

test("signing out is POST only; GET /logout leaves the session alone", async ({ page }) => {
  const user = await createUser("vendor", { name: "Cao Thị Yến" });
  await signInAs(page, user);
  await page.goto("/logout");
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "Xin chào, Cao Thị Yến" })).toBeVisible();
});

test("responses carry the security headers and a nonce-based CSP; the session cookie is HttpOnly and Lax", async ({
  page,
}) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  const nonce = headers["content-security-policy"]!.match(/nonce-([0-9a-f]+)/)![1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);

  await page.getByLabel("Email").fill("sme@demo.test");
  await page.getByLabel("Mật khẩu").fill("Demo@12345");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/me$/);
  const cookie = (await page.context().cookies()).find((c) => c.name === "kns_session")!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
});

test("after five failed sign-ins, even the right password is refused for 15 minutes", async ({ page }) => {
  const user = await createUser("sme");
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Mật khẩu").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toHaveText("Email hoặc mật khẩu không đúng.");
  }
  await page.getByLabel("Mật khẩu").fill(user.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText("thử lại sau 15 phút");
  const failures = e2eDb()
    .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sign_in_failed' AND actor_email = ?")
    .get(user.email) as { n: number };
  expect(failures.n).toBe(5);
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
