/**
 * Journey fixtures. Rows are made in the e2e database through the app's own functions (the
 * registration and staff-account models, the auth module's password hashing and sessions, the
 * need, bid, vetting and delivery models), so a journey starts where its subject starts without
 * clicking through the steps before it — and without a second copy of the app's rules here.
 * One module though over 400 lines: the specs' shared setup, each helper a few lines calling the
 * app through e2e/app.ts, which loads once per worker; every spec imports from this one place.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { tsImport } from "tsx/esm/api";
import type { Category, PackageUnit, Sector } from "../app/lib/reference";
import type { Checklist } from "../app/lib/vendor-options";
import type { AuditEntry } from "../app/models/audit.server";
import type { CompanyInput } from "../app/models/dossier.server";
import type { SessionUser } from "../app/utils/auth.server";
import { E2E_DATABASE } from "../playwright.config";
import type * as AppFunctions from "./app";
import { DAY_MS } from "../app/lib/local-date";

type App = typeof AppFunctions;
let loaded: Promise<App> | null = null;

/**
 * The app's modules (e2e/app.ts), loaded on first use. They go through tsx because they import
 * the locale JSON files the way the Remix compiler allows, which Node's ESM loader in Playwright's
 * workers refuses. This process opens its own connection to the server's database file (WAL
 * lets both write); the db client reads DATABASE_PATH when it first opens it, after this line.
 */
function app(): Promise<App> {
  process.env.DATABASE_PATH = E2E_DATABASE;
  return (loaded ??= (tsImport("./app.ts", import.meta.url) as Promise<App>).then(
    (module) =>
      Object.fromEntries(
        Object.entries(module).map(([name, value]) => [name, typeof value === "function" ? patient(value) : value]),
      ) as App,
  ));
}

/**
 * The server writes while this process does. A model transaction that reads before it writes
 * starts deferred, and SQLite refuses its write at once (SQLITE_BUSY, whatever busy_timeout says)
 * when the other process committed in between; the transaction rolled back, so the call is tried
 * again. (An immediate transaction, as awardBid uses, waits its turn instead.)
 */
const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/.test(String(error));
const TRIES = 5;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function patient<F extends (...args: never[]) => unknown>(fn: F): F {
  const again = async (args: Parameters<F>, tries: number): Promise<unknown> => {
    try {
      return await fn(...args);
    } catch (error) {
      if (!isBusy(error) || tries >= TRIES) throw error;
      await new Promise((r) => setTimeout(r, 50 * tries));
      return again(args, tries + 1);
    }
  };
  return ((...args: Parameters<F>) => {
    for (let tries = 1; ; tries++) {
      try {
        const result = fn(...args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => (isBusy(error) ? again(args, 2) : Promise.reject(error)));
      } catch (error) {
        if (!isBusy(error) || tries >= TRIES) throw error;
        pause(50 * tries);
      }
    }
  }) as F;
}

// A test worker starts loading them with the spec files, before any test's clock runs; the
// runner, which only lists the tests, does not. A failure surfaces where a fixture awaits it.
if (process.env.TEST_WORKER_INDEX !== undefined) app().catch(() => {});

export const PASSWORD = "Mật khẩu thử 2026";
const DAY = DAY_MS;

let db: Database.Database | null = null;
/** The e2e database, for reading what a journey left behind (the outbox, the audit log). */
export function e2eDb() {
  if (!db) {
    db = new Database(E2E_DATABASE);
    db.pragma("busy_timeout = 5000");
  }
  return db;
}

let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= app().then((a) => a.hashPassword(PASSWORD)));

export function uniqueEmail(prefix: string) {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
}

/** A valid tax code: nine random digits and the check digit the app computes for them. */
export async function validTaxCode(): Promise<string> {
  const { taxCodeCheckDigit } = await app();
  for (;;) {
    const nine = Array.from({ length: 9 }, (_, i) => (i === 0 ? 3 : crypto.randomInt(10))).join("");
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return nine + check;
  }
}

export type TestUser = SessionUser & { password: string };

type Role = SessionUser["role"];

/** The user as the models see a signed-in actor. */
const actor = (u: TestUser) => ({ id: u.id, organisationId: u.organisationId, role: u.role });

function fail(what: string, result: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(result)}`);
}

/**
 * An account made as registration makes it (an SME or a vendor with its organisation, the email
 * confirmed) or as an admin makes a staff account (in HCA; the first-sign-in password change
 * already done unless asked for).
 */
export async function createUser(
  role: Role,
  opts: { mustChangePassword?: boolean; name?: string; organisation?: string } = {},
): Promise<TestUser> {
  const email = uniqueEmail(role);
  const tag = crypto.randomUUID().slice(0, 6);
  const name = opts.name ?? `Người dùng ${role} ${tag.slice(0, 4)}`;
  const legalName = opts.organisation ?? `Tổ chức thử ${tag}`;
  const { registerSme, registerVendor, createStaffUser, issueToken, verifyEmail, getUserById } = await app();
  const user = { name, email, passwordHash: await passwordHash(), lang: "vi" as const };
  let userId: string;
  let organisationId: string;
  if (role === "sme" || role === "vendor") {
    const result =
      role === "sme"
        ? registerSme({
            legalName,
            taxCode: await validTaxCode(),
            sector: "retail_trade",
            employees: 20,
            revenueBand: "r10",
            capitalBand: "c3",
            user,
          })
        : registerVendor({ legalName, taxCode: await validTaxCode(), user });
    if (!result.ok) fail(`registering ${email}`, result);
    ({ userId, organisationId } = result);
    // The confirmation link, followed as the user would.
    const confirmed = verifyEmail(issueToken(userId, "email_verification"), "vi", null);
    if (!confirmed.ok) fail(`confirming ${email}`, confirmed);
  } else {
    const result = createStaffUser({ ...user, staffCode: "HCA", role });
    if (!result.ok) fail(`creating staff ${email}`, result);
    userId = result.userId;
    // The first-sign-in password change, already done (its own journey tests it).
    if (!opts.mustChangePassword) e2eDb().prepare("UPDATE users SET must_change_password = 0 WHERE id = ?").run(userId);
    organisationId = getUserById(userId)!.organisationId;
  }
  return {
    id: userId,
    email,
    name,
    role,
    organisationId,
    lang: "vi",
    mustChangePassword: !!opts.mustChangePassword,
    password: PASSWORD,
  };
}

/** One of the demo accounts the server seeds at start (docs/product.md §15). */
export async function demoUser(email: string): Promise<TestUser> {
  const row = (await app()).findUserByEmail(email);
  if (!row) throw new Error(`no demo account ${email}`);
  return { ...row, lang: row.lang, password: "Demo@12345" };
}

/** Signs the page's context in as the user with a session the auth module starts. */
export async function signInAs(page: Page, user: TestUser) {
  const { createSessionCookie } = await app();
  const [pair] = (await createSessionCookie(user.id)).split(";");
  const [name, value] = pair!.split("=") as [string, string];
  const baseURL = test.info().project.use.baseURL!;
  await page.context().addCookies([{ name, value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
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

// ---------------------------------------------------------------------------------------------
// Accessibility: one axe check per page template

/**
 * Claims in this run are files, so that the two workers share them; the web server's command
 * empties e2e/.data before every run. AXE_EVERY_PAGE=1 checks every call instead.
 */
const AXE_CLAIMS = path.join(path.dirname(E2E_DATABASE), "axe-checked");

/**
 * What makes a page a different template for axe: the route module that rendered it, whether it
 * rendered its error boundary, and who looks at it (a vendor and the owner see different forms
 * on one need page). Without JavaScript there is no router to ask; the path stands in.
 */
async function templateOf(page: Page): Promise<string> {
  const key = await page.evaluate(() => {
    type Router = {
      state: {
        matches: { route: { id: string } }[];
        errors: unknown;
        loaderData: { root?: { user?: { role?: string } | null } };
      };
    };
    const router = (window as unknown as { __remixRouter?: Router }).__remixRouter;
    if (!router) return null;
    const { matches, errors, loaderData } = router.state;
    const route = matches[matches.length - 1]?.route.id ?? "none";
    return `${route}|${loaderData.root?.user?.role ?? "anonymous"}|${errors ? "error" : "ok"}`;
  });
  return key ?? new URL(page.url()).pathname.replace(/[0-9a-f-]{36}/g, ":id");
}

function claim(key: string): boolean {
  fs.mkdirSync(AXE_CLAIMS, { recursive: true });
  const file = path.join(AXE_CLAIMS, crypto.createHash("sha1").update(key).digest("hex"));
  try {
    fs.closeSync(fs.openSync(file, "wx"));
    return true;
  } catch {
    return false;
  }
}

function unclaim(key: string) {
  fs.rmSync(path.join(AXE_CLAIMS, crypto.createHash("sha1").update(key).digest("hex")), { force: true });
}

/**
 * No serious or critical accessibility violation on the page as it stands — checked the first
 * time this run meets the page's template (see templateOf). `state` names a state of the page
 * different enough to be checked on its own (e.g. a completed engagement with its review form).
 */
export async function expectAccessible(page: Page, opts: { state?: string } = {}) {
  // axe runs inside the page, which a context without JavaScript cannot do; the JavaScript
  // project checks the same pages.
  if (test.info().project.use.javaScriptEnabled === false) return;
  const key = `${await templateOf(page)}|${opts.state ?? ""}`;
  if (!process.env.AXE_EVERY_PAGE && !claim(key)) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  // A failed check gives its claim back, so that a retry checks the page again.
  if (serious.length) unclaim(key);
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * A message shown next to its field (its Conform error list), not the copy of it in the form's
 * error summary at the top.
 */
export function fieldError(page: Page, text: string | RegExp) {
  return page.locator('[id$="-error"]:not([role="alert"])').getByText(text);
}

/**
 * Types a day into a date input (GOV.UK's three boxes Ngày / Tháng / Năm in a fieldset named
 * `legend`), as a person would: "2027-03-07" as 7, 3, 2027. Any of the parts may be given as
 * typed ({ day: "31", month: "4", year: "" }).
 */
export async function fillDate(
  scope: Page | Locator,
  legend: string | RegExp,
  date: string | { day: string; month: string; year: string },
) {
  const group = scope.getByRole("group", { name: legend });
  const parts =
    typeof date === "string"
      ? (([year, month, day]) => ({ day: String(Number(day)), month: String(Number(month)), year: year! }))(
          date.split("-"),
        )
      : date;
  await group.getByLabel("Ngày", { exact: true }).fill(parts.day);
  await group.getByLabel("Tháng", { exact: true }).fill(parts.month);
  await group.getByLabel("Năm", { exact: true }).fill(parts.year);
}

/** The three boxes of a date input, as a person reads them (day, month, year). */
export async function dateBoxes(scope: Page | Locator, legend: string | RegExp): Promise<string[]> {
  const group = scope.getByRole("group", { name: legend });
  return Promise.all(["Ngày", "Tháng", "Năm"].map((l) => group.getByLabel(l, { exact: true }).inputValue()));
}

export async function signOutThroughMenu(page: Page) {
  await page.locator("header summary").filter({ visible: true }).last().click();
  await page.getByRole("button", { name: /Đăng xuất|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /Đăng nhập|Sign in/ }).first()).toBeVisible();
}

/**
 * Every journey fails on an error in the browser: an uncaught exception (a hydration mismatch
 * is one: React then throws the server's HTML away, and a click made meanwhile is lost) or a
 * console error. A refused request's "Failed to load resource" line is not one: journeys
 * provoke 403, 404 and 429 answers on purpose and assert what the user sees instead.
 */
export const test = base.extend<{ browserErrors: void }>({
  browserErrors: [
    async ({ browser }, use) => {
      const errors: string[] = [];
      const watch = (context: BrowserContext) => {
        context.on("weberror", (e) => errors.push(`${e.page()?.url() ?? ""}: ${e.error().message}`));
        context.on("console", (m) => {
          if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
            errors.push(`${m.page()?.url() ?? ""}: ${m.text()}`);
        });
      };
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const context = await newContext.apply(browser, args);
        watch(context);
        return context;
      };
      await use();
      browser.newContext = newContext;
      expect(errors, "errors in the browser's console").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

// ---------------------------------------------------------------------------------------------
// Vendors

const COMPANY: CompanyInput = {
  description: "Nhà cung cấp thử nghiệm: đào tạo kỹ năng số cho nhân viên cửa hàng.",
  yearFounded: 2015,
  website: "https://nha-cung-cap.example.vn",
  teamSize: 12,
  street: "12 Lý Tự Trọng",
  ward: "Phường Sài Gòn",
  city: "TP. Hồ Chí Minh",
  contactName: "Người liên hệ",
  contactEmail: "lienhe@nha-cung-cap.example.vn",
  contactPhone: "0909 000 111",
  // A category and sector no journey searches for, so that these vendors never crowd a
  // journey's own vendor out of a ranking.
  categories: ["digital_skills_training"],
  sectors: ["other"],
  certifications: [],
};

let reviewer: Promise<TestUser> | null = null;
/** One staff member per worker who takes the vetting decisions fixtures need. */
const vettingStaff = () => (reviewer ??= createUser("staff", { name: "Cán bộ thẩm định thử" }));

type DossierOptions = {
  categories?: Category[];
  sectors?: CompanyInput["sectors"];
  pkg?: { category: Category; from: number; to: number; unit?: PackageUnit };
};

/** Fills every part of the vendor's dossier (company, two references, one package), as the vendor would. */
export async function completeDossier(vendor: TestUser, opts: DossierOptions = {}) {
  const { saveCompany, addReference, savePackage } = await app();
  const company = {
    ...COMPANY,
    categories: opts.categories ?? COMPANY.categories,
    sectors: opts.sectors ?? COMPANY.sectors,
  };
  const steps = [
    saveCompany(vendor.organisationId, company),
    ...["Công ty TNHH Khách Hàng Một", "Công ty TNHH Khách Hàng Hai"].map((clientName) =>
      addReference(vendor.organisationId, {
        clientName,
        contactName: "Chị Lan",
        contactPhone: "0908 111 222",
        project: "Triển khai phần mềm",
      }),
    ),
  ];
  for (const r of steps) if (!r.ok) fail("filling the dossier", r);
  const pkg = opts.pkg ?? { category: company.categories[0]!, from: 5_000_000, to: 9_000_000 };
  savePackage(vendor.organisationId, null, {
    name: "Gói thử nghiệm",
    category: pkg.category,
    priceFrom: pkg.from,
    priceTo: pkg.to,
    unit: pkg.unit ?? "one_off",
    included: "Phần mềm, đào tạo, hỗ trợ",
  });
}

/** A complete dossier, submitted for vetting as the vendor would through /me/dossier. */
export async function submittedDossier(vendor: TestUser, opts: DossierOptions = {}) {
  await completeDossier(vendor, opts);
  const submitted = await (await app()).submitDossier(vendor, "127.0.0.1");
  if (!submitted.ok) fail("submitting the dossier", submitted);
}

/** Makes a vendor vetted the way staff do: a complete dossier, submitted and approved. */
export async function makeVetted(vendor: TestUser, dossier: DossierOptions = {}) {
  const { vendorStanding, decide, CHECKLIST_ITEMS } = await app();
  if (vendorStanding(vendor.organisationId) === "vetted") return;
  const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i, { checked: true, note: "" }])) as Checklist;
  await submittedDossier(vendor, dossier);
  const approved = await decide(await vettingStaff(), vendor.organisationId, "approve", { checklist }, "127.0.0.1");
  if (!approved.ok) fail("approving the vendor", approved);
}

/**
 * Sets a vendor's verified rating as if it had `count` reviews averaging `average` (1–5). No
 * journey writes that many reviews; the profile's aggregate is what ranking reads.
 */
export function setRating(vendor: TestUser, average: number, count: number) {
  e2eDb()
    .prepare("UPDATE vendor_profiles SET rating_avg_x100 = ?, rating_count = ? WHERE organisation_id = ?")
    .run(Math.round(average * 100), count, vendor.organisationId);
}

// ---------------------------------------------------------------------------------------------
// Needs, bids, engagements

/**
 * An open need of the SME (POS and retail, retail trade unless told, 40–90 million), published
 * yesterday, with its deadline `deadlineInDays` away.
 */
export async function createNeed(
  owner: TestUser,
  title: string,
  { deadlineInDays = 10, sector = "retail_trade" }: { deadlineInDays?: number; sector?: Sector } = {},
): Promise<string> {
  const now = Date.now();
  const result = await (
    await app()
  ).createNeed(
    actor(owner),
    {
      title,
      description: "Cần phần mềm quản lý bán hàng cho 2 cửa hàng.",
      category: "pos_retail",
      sector,
      budgetMin: 40_000_000,
      budgetMax: 90_000_000,
      desiredStart: now + 40 * DAY,
      deadline: now + deadlineInDays * DAY,
      requirements: "",
    },
    { publish: true, now: now - DAY },
  );
  if (!result.ok) fail("publishing the need", result);
  return result.needId;
}

/** A draft need of the SME, seen by nobody else. */
export async function createDraftNeed(owner: TestUser, title: string): Promise<string> {
  const now = Date.now();
  const result = await (
    await app()
  ).createNeed(
    actor(owner),
    {
      title,
      description: "Chưa muốn ai thấy",
      category: "crm",
      sector: "retail_trade",
      budgetMin: 10_000_000,
      budgetMax: 20_000_000,
      desiredStart: now + 30 * DAY,
      deadline: now + 10 * DAY,
      requirements: "",
    },
    { publish: false, now },
  );
  if (!result.ok) fail("saving the draft", result);
  return result.needId;
}

export type MilestonePlan = { title: string; dueOffsetDays: number; amount: number };

/** The vendor's bid on the need, as the bid form sends it. */
export async function placeBid(
  vendor: TestUser,
  needId: string,
  total: number,
  milestones: MilestonePlan[] = [{ title: "Triển khai trọn gói", dueOffsetDays: 45, amount: total }],
): Promise<string> {
  const result = await (
    await app()
  ).submitBid(actor(vendor), needId, {
    total,
    durationDays: 60,
    approach: "Khảo sát, cấu hình, đào tạo nhân viên và hỗ trợ sau triển khai.",
    validityDays: 60,
    milestones,
  });
  if (!result.ok) fail("bidding", result);
  return result.bidId;
}

export const ENGAGEMENT_MILESTONES = ["Lắp đặt và cấu hình", "Đào tạo và nghiệm thu"] as const;

/**
 * An active engagement between the SME and the vendor: a new need, the vendor's bid of 60 million
 * with two milestones (due 20 and 60 days after the award), bidding closed early and the bid
 * awarded — each step through the model the page would call.
 */
export async function createEngagement(sme: TestUser, vendor: TestUser, title: string): Promise<string> {
  await makeVetted(vendor);
  const { closeNeed, awardBid } = await app();
  const needId = await createNeed(sme, title);
  const bidId = await placeBid(vendor, needId, 60_000_000, [
    { title: ENGAGEMENT_MILESTONES[0], dueOffsetDays: 20, amount: 25_000_000 },
    { title: ENGAGEMENT_MILESTONES[1], dueOffsetDays: 60, amount: 35_000_000 },
  ]);
  const closed = await closeNeed(needId, actor(sme));
  if (!closed.ok) fail("closing bidding", closed);
  const awarded = await awardBid(actor(sme), needId, bidId);
  if (!awarded.ok) fail("awarding", awarded);
  return awarded.engagementId;
}

function milestoneIds(engagementId: string): string[] {
  return e2eDb()
    .prepare("SELECT id FROM engagement_milestones WHERE engagement_id = ? ORDER BY position")
    .pluck()
    .all(engagementId) as string[];
}

/** Moves a milestone's due date `days` into the past, as if the engagement had been running. */
export function makeMilestoneOverdue(engagementId: string, position: number, days: number) {
  e2eDb()
    .prepare("UPDATE engagement_milestones SET due_at = ? WHERE engagement_id = ? AND position = ?")
    .run(Date.now() - days * DAY, engagementId, position);
}

/** The vendor hands over the milestone at `position` (a note, no file). */
export async function deliverMilestone(vendor: TestUser, engagementId: string, position: number, note: string) {
  const result = await (
    await app()
  ).submitMilestone(actor(vendor), engagementId, milestoneIds(engagementId)[position]!, {
    note,
    files: [],
  });
  if (!result.ok) fail("submitting the milestone", result);
}

/** The SME accepts the milestone at `position`. */
export async function acceptMilestone(sme: TestUser, engagementId: string, position: number) {
  const result = await (
    await app()
  ).decideMilestone(actor(sme), engagementId, milestoneIds(engagementId)[position]!, "accept", null);
  if (!result.ok) fail("accepting the milestone", result);
}

/** An incident the SME raises on the engagement; its id. */
export async function incidentRaised(sme: TestUser, engagementId: string, description: string): Promise<string> {
  const result = await (await app()).raiseIncident(actor(sme), engagementId, { category: "payment", description });
  if (!result.ok) fail("raising the incident", result);
  return e2eDb()
    .prepare("SELECT id FROM incidents WHERE engagement_id = ? ORDER BY created_at DESC LIMIT 1")
    .pluck()
    .get(engagementId) as string;
}

export async function invite(owner: TestUser, needId: string, vendor: TestUser) {
  const result = await (await app()).inviteVendor(actor(owner), needId, vendor.organisationId);
  if (!result.ok) fail("inviting", result);
}

/** An audit entry as the model that records a staff action writes it. */
export async function audit(entry: AuditEntry) {
  (await app()).recordAudit(entry);
}

// ---------------------------------------------------------------------------------------------
// Assessment

/**
 * The SME's assessment in progress with its first `pages` pages answered with each criterion's
 * fourth option (3 of 5 points), as the form saves them.
 */
export async function assessmentInProgress(sme: TestUser, pages: number) {
  const { startAssessment, saveAssessmentStep, currentQuestionnaire, questionPages } = await app();
  startAssessment(actor(sme));
  const all = questionPages(currentQuestionnaire());
  for (let step = 0; step < pages; step++) {
    const answers = Object.fromEntries(all[step]!.criteria.map((c) => [c.id, c.options[3]!.points]));
    saveAssessmentStep(actor(sme), step, answers);
  }
}

/**
 * A completed assessment at time `at`, every question answered with its option number `option`
 * (0–5: the same share of every pillar, so option 1 is level 1 with 64 points, option 3 level 3
 * with 192).
 */
export async function completedAssessment(sme: TestUser, option: number, at: number) {
  const { startAssessment, saveAssessmentStep, currentQuestionnaire, questionPages } = await app();
  startAssessment(actor(sme), at);
  for (const [step, page] of questionPages(currentQuestionnaire()).entries()) {
    const answers = Object.fromEntries(page.criteria.map((c) => [c.id, c.options[option]!.points]));
    saveAssessmentStep(actor(sme), step, answers, at);
  }
}

// ---------------------------------------------------------------------------------------------
// Events and guides

/** A published event run by `staff`, starting `startsInHours` from now (registration closes an hour before). */
export async function publishedEvent(
  staff: TestUser,
  opts: { title: string; capacity?: number; startsInHours?: number; audience?: "sme" | "vendor" | "everyone" },
): Promise<string> {
  const { createEvent } = await app();
  const startsAt = Date.now() + (opts.startsInHours ?? 72) * 3_600_000;
  const result = createEvent(
    actor(staff),
    {
      type: "workshop",
      title: opts.title,
      description: "Buổi hướng dẫn thực hành cho doanh nghiệp.",
      audience: opts.audience ?? "everyone",
      organiser: "HCA",
      category: "e_invoice",
      startsAt,
      endsAt: startsAt + 3 * 3_600_000,
      registrationDeadline: startsAt - 3_600_000,
      street: "86 Lê Thánh Tôn",
      ward: "Phường Sài Gòn",
      city: "TP. Hồ Chí Minh",
      onlineUrl: null,
      capacity: opts.capacity ?? 10,
    },
    { publish: true },
  );
  if (!result.ok) fail("publishing an event", result);
  return result.eventId;
}

/** `user` registered for the event, as the event page's button does. */
export async function registered(eventId: string, user: TestUser) {
  const { registerForEvent } = await app();
  const result = registerForEvent(eventId, actor(user));
  if (!result.ok) fail("registering", result);
  return result.status;
}

/** A published guide about one pillar, with a unique title. */
export async function publishedGuide(staff: TestUser, pillar: string, title: string): Promise<string> {
  const { createResource } = await app();
  const slug = `e2e-${crypto.randomUUID().slice(0, 8)}`;
  const body = `## ${title}\n\n- Bước một\n- Bước hai\n`;
  const result = createResource(
    actor(staff),
    {
      slug,
      kind: "guide",
      category: null,
      pillar: pillar as "customer",
      titleVi: title,
      titleEn: title,
      summaryVi: "Tóm tắt hướng dẫn.",
      summaryEn: "A guide's summary.",
      bodyVi: body,
      bodyEn: body,
    },
    { publish: true },
  );
  if (!result.ok) fail("publishing a guide", result);
  return slug;
}

/** The SME's completed assessment (every answer the fourth option), its id. */
/** A completed level-1 assessment (every answer option 1) taken now; its id. */
export async function finishedAssessment(sme: TestUser): Promise<string> {
  await completedAssessment(sme, 1, Date.now());
  const { latestAssessment } = await app();
  const result = latestAssessment(sme.organisationId);
  if (!result) throw new Error("the assessment did not complete");
  return result.id;
}
