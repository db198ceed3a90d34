import { createUser, e2eDb, expect, outboxLink, signInAs, test, fieldError } from "./fixtures";

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
    await expect(page.getByRole("alert")).toContainText("Email hoặc mật khẩu không đúng.");
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

test("a reset asked under another Host is refused, and the emailed link always points at BASE_URL", async ({
  request,
  baseURL,
}) => {
  const user = await createUser("sme");
  const host = new URL(baseURL!).host;
  const spoofed = await request.post("/forgot-password", {
    headers: { Host: "evil.example", Origin: "http://evil.example" },
    form: { email: user.email },
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(403);
  const mixed = await request.post("/forgot-password", {
    headers: { Host: "evil.example", Origin: baseURL! },
    form: { email: user.email },
    maxRedirects: 0,
  });
  expect(mixed.status()).toBe(403);
  const forwarded = await request.post("/forgot-password", {
    headers: { Host: host, "X-Forwarded-Host": "evil.example", Origin: baseURL! },
    form: { email: user.email },
    maxRedirects: 0,
  });
  expect(forwarded.status()).toBe(403);
  expect(() => outboxLink(user.email, "/reset-password")).toThrow(/no email/);

  const own = await request.post("/forgot-password", {
    headers: { Origin: baseURL! },
    form: { email: user.email },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(302);
  expect(outboxLink(user.email, "/reset-password?token=")).toMatch(new RegExp(`^${baseURL}/reset-password\\?token=`));
});

test("after sign-in, a redirectTo that leaves the site goes to /me instead", async ({ page }) => {
  const user = await createUser("sme", { name: "Lưu Minh Triết" });
  await page.goto("/login?redirectTo=" + encodeURIComponent("/\\evil.example/phish"));
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Mật khẩu").fill(user.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { name: "Xin chào, Lưu Minh Triết" })).toBeVisible();
});

test("malformed lang and session cookies are ignored, never a 500", async ({ page, baseURL }) => {
  await page.context().addCookies([
    { name: "lang", value: "%E0%A4%A", url: baseURL! },
    { name: "kns_session", value: "%E0%A4%A", url: baseURL! },
  ]);
  const home = await page.goto("/");
  expect(home!.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  const me = await page.goto("/me");
  expect(me!.status()).toBe(200);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fme$/);

  const user = await createUser("vendor", { name: "Phan Thị Thu" });
  await signInAs(page, user);
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "Xin chào, Phan Thị Thu" })).toBeVisible();
});

test("a form body over 1 MB gets a 413 page in the user's language", async ({ request, baseURL }) => {
  const response = await request.post("/login", {
    headers: { Origin: baseURL!, Cookie: "lang=en", "Content-Type": "application/x-www-form-urlencoded" },
    data: `email=a%40b.vn&password=${"x".repeat(1024 * 1024)}`,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("What you sent is too large");
});

test("the password-change form's current-password check counts toward the sign-in lock", async ({ page }) => {
  const user = await createUser("sme");
  await signInAs(page, user);
  await page.goto("/me/password");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Mật khẩu hiện tại").fill(`sai mật khẩu ${i}`);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("một mật khẩu mới dài");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("một mật khẩu mới dài");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(fieldError(page, "Mật khẩu hiện tại không đúng.")).toBeVisible();
  }
  await page.getByLabel("Mật khẩu hiện tại").fill(user.password);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("một mật khẩu mới dài");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("một mật khẩu mới dài");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByRole("alert")).toContainText("thử lại sau 15 phút");
});
