import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getSqlite, schema } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { changeBeforeNextTransaction, rowCount } from "../../db/test/transitions";
import { createSessionCookie } from "~/utils/auth.server";
import {
  activeAdminCount,
  createOrPromoteAdmin,
  createStaffAccount,
  ensureStaffOrganisations,
  setUserActive,
} from "./staff-accounts.server";
import { getUserById, registerVendor } from "./users.server";

const request = new Request("http://localhost:3000/register");
const ctx = { ip: "203.0.113.7", request };

const unique = () => crypto.randomUUID().slice(0, 8);
const newUser = (email: string) => ({ name: "Trần Văn Bình", email, passwordHash: "x", lang: "vi" as const });
const sideEffects = () => ({ audit: rowCount("audit_log"), outbox: rowCount("outbox") });
const outboxTo = (email: string) =>
  getSqlite().prepare('SELECT subject, text FROM outbox WHERE "to" = ? ORDER BY id').all(email) as {
    subject: string;
    text: string;
  }[];
const sessionsOf = (userId: string) =>
  (getSqlite().prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").get(userId) as { n: number }).n;
const audited = (actorId: string) =>
  getSqlite()
    .prepare("SELECT action, subject_id AS subjectId, ip FROM audit_log WHERE actor_id = ? ORDER BY id")
    .all(actorId) as { action: string; subjectId: string | null; ip: string | null }[];

describe("registration", () => {
  it("writes the organisation, its user, the audit entry and the confirmation mail together", () => {
    const email = `binh-${unique()}@phanmem.test`;
    const result = registerVendor(
      { legalName: "Công ty Phần mềm Bình Minh", taxCode: unique(), user: newUser(email) },
      ctx,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(audited(result.userId)).toEqual([{ action: "register", subjectId: result.organisationId, ip: ctx.ip }]);
    const mail = outboxTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("/verify-email?token=");
  });

  it("sends an address already registered a mail saying so, and makes no account", () => {
    const existing = createUser({ role: "sme" });
    const before = rowCount("audit_log");
    const result = registerVendor(
      { legalName: "Công ty Trùng", taxCode: unique(), user: newUser(existing.email) },
      ctx,
    );
    expect(result).toEqual({ ok: false, reason: "emailTaken" });
    expect(rowCount("audit_log")).toBe(before);
    expect(outboxTo(existing.email)).toHaveLength(1);
  });

  it("refuses a tax code registered by a concurrent request meanwhile, writing nothing", () => {
    const taxCode = unique();
    const email = `late-${unique()}@phanmem.test`;
    const before = sideEffects();
    changeBeforeNextTransaction(
      "INSERT INTO organisations (id, kind, legal_name, tax_code, vendor_status, created_at) VALUES (?, 'vendor', 'Công ty Nhanh Tay', ?, 'draft', 1)",
      crypto.randomUUID(),
      taxCode,
    );
    expect(registerVendor({ legalName: "Công ty Chậm Chân", taxCode, user: newUser(email) }, ctx)).toEqual({
      ok: false,
      reason: "taxCodeTaken",
    });
    expect(sideEffects()).toEqual(before);
  });
});

describe("staff accounts", () => {
  const input = (email: string) => ({
    name: "Lâm Thu Hà",
    email,
    staffCode: "HUBA" as const,
    role: "staff" as const,
    lang: "vi" as const,
  });

  it("are created by an admin with a temporary password, an audit entry and a welcome mail", async () => {
    ensureStaffOrganisations();
    const admin = createUser({ role: "admin" });
    const email = `ha-${unique()}@huba.test`;
    const result = await createStaffAccount(admin, input(email), ctx);
    expect(result).toMatchObject({ ok: true, password: expect.stringMatching(/^\S{4}-\S{4}-\S{4}-\S{4}$/) });
    if (!result.ok) return;
    const row = getSqlite()
      .prepare("SELECT role, must_change_password AS must FROM users WHERE id = ?")
      .get(result.userId);
    expect(row).toEqual({ role: "staff", must: 1 });
    expect(audited(admin.id)).toEqual([{ action: "staff_account_created", subjectId: result.userId, ip: ctx.ip }]);
    expect(outboxTo(email)).toHaveLength(1);
    expect(outboxTo(email)[0]!.text).not.toContain(result.password);
  });

  it("refuse an address another request registered meanwhile, writing nothing", async () => {
    ensureStaffOrganisations();
    const admin = createUser({ role: "admin" });
    const email = `race-${unique()}@huba.test`;
    const other = createUser({ role: "sme" });
    const before = sideEffects();
    changeBeforeNextTransaction("UPDATE users SET email = ? WHERE id = ?", email, other.id);
    expect(await createStaffAccount(admin, input(email), ctx)).toEqual({ ok: false, error: "emailTaken" });
    expect(sideEffects()).toEqual(before);
  });

  it("cannot be created by staff (403)", async () => {
    ensureStaffOrganisations();
    const staff = createUser({ role: "staff" });
    const before = sideEffects();
    await expect(createStaffAccount(staff, input(`no-${unique()}@huba.test`), ctx)).rejects.toMatchObject({
      status: 403,
    });
    expect(sideEffects()).toEqual(before);
  });
});

describe("deactivating and reactivating an account", () => {
  it("deactivates with an audit entry and ends the user's sessions; reactivates", async () => {
    const admin = createUser({ role: "admin" });
    const user = createUser({ role: "vendor" });
    await createSessionCookie(user.id);
    expect(sessionsOf(user.id)).toBe(1);
    expect(await setUserActive(admin, user.id, false, "ip")).toEqual({ ok: true });
    expect(sessionsOf(user.id)).toBe(0);
    expect(await setUserActive(admin, user.id, true, "ip")).toEqual({ ok: true });
    expect(audited(admin.id).map((a) => [a.action, a.subjectId])).toEqual([
      ["user_deactivated", user.id],
      ["user_reactivated", user.id],
    ]);
  });

  it("is refused as stale when another admin did it first, writing nothing and keeping the sessions", async () => {
    const admin = createUser({ role: "admin" });
    const user = createUser({ role: "sme" });
    await createSessionCookie(user.id);
    const before = sideEffects();
    changeBeforeNextTransaction("UPDATE users SET active = 0 WHERE id = ?", user.id);
    expect(await setUserActive(admin, user.id, false, "ip")).toEqual({ ok: false, error: "stale" });
    expect(sideEffects()).toEqual(before);
    expect(sessionsOf(user.id)).toBe(1);
  });

  it("never lets admins deactivate themselves, and refuses staff (403)", async () => {
    const admin = createUser({ role: "admin" });
    const staff = createUser({ role: "staff" });
    const user = createUser({ role: "sme" });
    const before = sideEffects();
    expect(await setUserActive(admin, admin.id, false, "ip")).toEqual({ ok: false, error: "self" });
    await expect(setUserActive(staff, user.id, false, "ip")).rejects.toMatchObject({ status: 403 });
    expect(sideEffects()).toEqual(before);
  });
});

const account = (email: string) => ({
  email,
  name: "Nguyễn Quản Trị",
  passwordHash: "hash-of-one-time-password",
  lang: "vi" as const,
  staffCode: "DEPARTMENT" as const,
});

function auditFor(userId: string) {
  return getDb().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, userId)).all();
}

describe("createOrPromoteAdmin (npm run admin:create)", () => {
  it("creates an active admin in a staff organisation who must change the password, and audits it", () => {
    const before = activeAdminCount();
    const result = createOrPromoteAdmin(account("First.Admin@test.vn"), "root");
    expect(result.outcome).toBe("created");
    if (result.outcome === "refused") return;
    const user = getUserById(result.userId)!;
    expect(user).toMatchObject({
      email: "first.admin@test.vn",
      role: "admin",
      active: true,
      mustChangePassword: true,
      passwordHash: "hash-of-one-time-password",
    });
    expect(user.emailVerifiedAt).not.toBeNull();
    const org = getDb()
      .select()
      .from(schema.organisations)
      .where(eq(schema.organisations.id, user.organisationId))
      .get();
    expect(org).toMatchObject({ kind: "staff", staffCode: "DEPARTMENT" });
    expect(activeAdminCount()).toBe(before + 1);
    expect(auditFor(result.userId)).toMatchObject([
      {
        action: "admin_created",
        actorId: null,
        details: JSON.stringify({ via: "npm run admin:create", ranBy: "root" }),
      },
    ]);
  });

  it("promotes an existing staff account, reactivates it, gives it a one-time password and ends its sessions", () => {
    const staff = createUser({ role: "staff", active: false });
    getDb()
      .insert(schema.sessions)
      .values({ id: `s-${staff.id}`, userId: staff.id, expiresAt: Math.floor(Date.now() / 1000) + 3600 })
      .run();
    const result = createOrPromoteAdmin(account(staff.email.toUpperCase()), "ops");
    expect(result).toEqual({ outcome: "promoted", userId: staff.id });
    expect(getUserById(staff.id)).toMatchObject({ role: "admin", active: true, mustChangePassword: true });
    expect(getDb().select().from(schema.sessions).where(eq(schema.sessions.userId, staff.id)).all()).toEqual([]);
    expect(auditFor(staff.id).map((a) => a.action)).toEqual(["admin_promoted"]);
  });

  it("never makes an SME or vendor account an administrator", () => {
    const sme = createUser({ role: "sme" });
    expect(createOrPromoteAdmin(account(sme.email), "ops")).toEqual({ outcome: "refused", role: "sme" });
    expect(getUserById(sme.id)).toMatchObject({ role: "sme", mustChangePassword: false });
    expect(auditFor(sme.id)).toEqual([]);
  });
});
