/**
 * Journey fixtures: users and sessions are made directly in the e2e database (fast, and
 * independent of the journeys that test the forms), and every visited page gets an axe check.
 */
import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { hash } from "@node-rs/argon2";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export const DATABASE = "e2e/.data/e2e.db";
export const PASSWORD = "Mật khẩu thử 2026";

let db: Database.Database | null = null;
export function e2eDb() {
  if (!db) {
    db = new Database(DATABASE);
    db.pragma("busy_timeout = 5000");
  }
  return db;
}

let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 }));

export function uniqueEmail(prefix: string) {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
}

/** A valid tax code: nine random digits and their check digit. */
export function validTaxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (;;) {
    const nine = Array.from({ length: 9 }, (_, i) => (i === 0 ? 3 : crypto.randomInt(10))).join("");
    const sum = [...nine].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
    const check = 10 - (sum % 11);
    if (check < 10) return nine + check;
  }
}

export type TestUser = { id: string; email: string; password: string; name: string; organisationId: string };

export async function createUser(
  role: "sme" | "vendor" | "staff" | "admin",
  opts: { mustChangePassword?: boolean; name?: string; organisation?: string } = {},
): Promise<TestUser> {
  const conn = e2eDb();
  const orgId = crypto.randomUUID();
  const id = crypto.randomUUID();
  const email = uniqueEmail(role);
  const name = opts.name ?? `Người dùng ${role} ${id.slice(0, 4)}`;
  const kind = role === "admin" || role === "staff" ? "staff" : role;
  conn
    .prepare(
      "INSERT INTO organisations (id, kind, legal_name, tax_code, vendor_status, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .run(
      orgId,
      kind,
      opts.organisation ?? `Tổ chức thử ${id.slice(0, 6)}`,
      kind === "staff" ? null : validTaxCode(),
      kind === "vendor" ? "draft" : null,
      Date.now(),
    );
  conn
    .prepare(
      `INSERT INTO users (id, email, name, password_hash, role, organisation_id, lang, active, must_change_password,
        email_verified_at, search_text, created_at) VALUES (?, ?, ?, ?, ?, ?, 'vi', 1, ?, ?, ?, ?)`,
    )
    .run(
      id,
      email,
      name,
      await passwordHash(),
      role,
      orgId,
      opts.mustChangePassword ? 1 : 0,
      Date.now(),
      email,
      Date.now(),
    );
  return { id, email, password: PASSWORD, name, organisationId: orgId };
}

/** Signs the page's context in as the user by writing a session row and its cookie. */
export async function signInAs(page: Page, user: TestUser) {
  const sessionId = crypto.randomBytes(20).toString("hex");
  e2eDb()
    .prepare("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)")
    .run(sessionId, user.id, Math.floor(Date.now() / 1000) + 30 * 24 * 3600);
  const baseURL = test.info().project.use.baseURL!;
  await page
    .context()
    .addCookies([{ name: "kns_session", value: sessionId, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

/** The newest link to `path` mailed to `email`, from the outbox. */
export function outboxLink(email: string, path: string): string {
  const row = e2eDb()
    .prepare(`SELECT text FROM outbox WHERE "to" = ? ORDER BY id DESC LIMIT 1`)
    .get(email.toLowerCase()) as { text: string } | undefined;
  if (!row) throw new Error(`no email to ${email}`);
  const match = row.text.match(new RegExp(`https?://\\S+${path.replace(/[/?]/g, "\\$&")}\\S*`));
  if (!match) throw new Error(`no ${path} link in the email to ${email}`);
  return match[0];
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  // axe runs inside the page, which a context without JavaScript cannot do; the JavaScript
  // project checks the same pages.
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

export async function signOutThroughMenu(page: Page) {
  await page.locator("header summary").filter({ visible: true }).last().click();
  await page.getByRole("button", { name: /Đăng xuất|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /Đăng nhập|Sign in/ }).first()).toBeVisible();
}

export const test = base;
export { expect };

const DAY = 86_400_000;

/** Makes a vendor vetted (valid for a year from now) directly in the database. */
export function makeVetted(vendor: TestUser) {
  const conn = e2eDb();
  conn.prepare("UPDATE organisations SET vendor_status = 'vetted' WHERE id = ?").run(vendor.organisationId);
  conn
    .prepare(
      `INSERT INTO vendor_profiles (organisation_id, description, vetted_at, vetting_expires_at, vetted_by, updated_at)
       VALUES (?, 'Nhà cung cấp thử nghiệm', ?, ?, 'HCA', ?)
       ON CONFLICT(organisation_id) DO UPDATE SET vetting_expires_at = excluded.vetting_expires_at`,
    )
    .run(vendor.organisationId, Date.now() - DAY, Date.now() + 365 * DAY, Date.now());
}

/** An open need of the SME, published yesterday, with its deadline `deadlineInDays` away. */
export function createNeed(owner: TestUser, title: string, deadlineInDays = 10): string {
  const id = crypto.randomUUID();
  const now = Date.now();
  e2eDb()
    .prepare(
      `INSERT INTO needs (id, organisation_id, created_by, title, description, category, sector, budget_min, budget_max,
        desired_start, deadline, requirements, status, published_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'Cần phần mềm quản lý bán hàng cho 2 cửa hàng.', 'pos_retail', 'retail_trade', 40000000, 90000000,
        ?, ?, '', 'open', ?, ?, ?)`,
    )
    .run(
      id,
      owner.organisationId,
      owner.id,
      title,
      now + 40 * DAY,
      now + deadlineInDays * DAY,
      now - DAY,
      now - DAY,
      now,
    );
  e2eDb().prepare("INSERT INTO needs_fts (need_id, body) VALUES (?, ?)").run(id, title.toLowerCase());
  return id;
}

/** An active engagement between the SME and the vendor on a new awarded need, with two milestones. */
export function createEngagement(sme: TestUser, vendor: TestUser, title: string): string {
  const conn = e2eDb();
  const needId = createNeed(sme, title, 5);
  const now = Date.now();
  conn.prepare("UPDATE needs SET status = 'awarded', deadline = ? WHERE id = ?").run(now - DAY, needId);
  conn.prepare("UPDATE organisations SET size_class = 'small' WHERE id = ?").run(sme.organisationId);
  const bidId = crypto.randomUUID();
  conn
    .prepare(
      `INSERT INTO bids (id, need_id, vendor_id, submitted_by, status, total, duration_days, approach, validity_days, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'awarded', 60000000, 60, 'Triển khai', 60, ?, ?)`,
    )
    .run(bidId, needId, vendor.organisationId, vendor.id, now, now);
  const engagementId = crypto.randomUUID();
  conn
    .prepare(
      `INSERT INTO engagements (id, need_id, bid_id, sme_id, vendor_id, status, total, awarded_at, awarded_by, last_activity_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'active', 60000000, ?, ?, ?, ?)`,
    )
    .run(engagementId, needId, bidId, sme.organisationId, vendor.organisationId, now, sme.id, now, now);
  [
    ["Lắp đặt và cấu hình", 20, 25_000_000],
    ["Đào tạo và nghiệm thu", 60, 35_000_000],
  ].forEach(([t, days, amount], position) =>
    conn
      .prepare(
        `INSERT INTO engagement_milestones (id, engagement_id, position, title, due_at, amount, status, rejections)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0)`,
      )
      .run(crypto.randomUUID(), engagementId, position, t, now + Number(days) * DAY, amount),
  );
  return engagementId;
}
