import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { changeBeforeNextTransaction, rowCount } from "../../db/test/transitions";
import { createSessionCookie, hashPassword, verifyPassword } from "~/utils/auth.server";
import { changePassword, resetPassword, signIn, verifyEmail } from "./accounts.server";
import { issueToken, peekToken } from "./tokens.server";

const PASSWORD = "mat-khau-du-dai-1";
const ctx = { ip: "198.51.100.4", request: new Request("http://localhost:3000/login") };
let passwordHash = "";

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

const account = (opts: { active?: boolean } = {}) => createUser({ role: "sme", passwordHash, ...opts });
const userRow = (id: string) =>
  getSqlite()
    .prepare(
      "SELECT password_hash AS hash, last_sign_in_at AS lastSignInAt, email_verified_at AS verifiedAt FROM users WHERE id = ?",
    )
    .get(id) as { hash: string; lastSignInAt: number | null; verifiedAt: number | null };
const audited = (actorId: string) =>
  (
    getSqlite().prepare("SELECT action FROM audit_log WHERE actor_id = ? ORDER BY id").all(actorId) as {
      action: string;
    }[]
  ).map((r) => r.action);
const sessionsOf = (userId: string) =>
  (getSqlite().prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").get(userId) as { n: number }).n;
const sideEffects = () => ({ audit: rowCount("audit_log"), outbox: rowCount("outbox") });

describe("signing in", () => {
  it("records the sign-in and its audit entry", async () => {
    const user = account();
    expect(await signIn({ email: user.email.toUpperCase(), password: PASSWORD, lang: "en" }, ctx)).toEqual({
      ok: true,
      userId: user.id,
      mustChangePassword: false,
    });
    expect(userRow(user.id).lastSignInAt).toBeGreaterThan(0);
    expect(audited(user.id)).toEqual(["sign_in"]);
  });

  it("audits a wrong password with the address tried, and refuses a deactivated account", async () => {
    const user = account();
    expect(await signIn({ email: user.email, password: "sai-mat-khau-0", lang: "vi" }, ctx)).toEqual({
      ok: false,
      error: "failed",
    });
    const gone = account({ active: false });
    expect(await signIn({ email: gone.email, password: PASSWORD, lang: "vi" }, ctx)).toEqual({
      ok: false,
      error: "inactive",
    });
    expect(audited(user.id)).toEqual(["sign_in_failed"]);
    expect(audited(gone.id)).toEqual(["sign_in_refused_inactive"]);
  });

  it("sends an unconfirmed address a new confirmation link instead of a session", async () => {
    const user = account();
    getSqlite().prepare("UPDATE users SET email_verified_at = NULL WHERE id = ?").run(user.id);
    const outbox = rowCount("outbox");
    expect(await signIn({ email: user.email, password: PASSWORD, lang: "vi" }, ctx)).toEqual({
      ok: false,
      error: "unverified",
    });
    expect(rowCount("outbox")).toBe(outbox + 1);
    expect(userRow(user.id).lastSignInAt).toBeNull();
  });

  it("is refused as stale when the password changed while it was being checked, writing nothing", async () => {
    const user = account();
    const before = sideEffects();
    changeBeforeNextTransaction("UPDATE users SET password_hash = 'changed' WHERE id = ?", user.id);
    expect(await signIn({ email: user.email, password: PASSWORD, lang: "vi" }, ctx)).toEqual({
      ok: false,
      error: "stale",
    });
    expect(userRow(user.id).lastSignInAt).toBeNull();
    expect(sideEffects()).toEqual(before);
  });
});

describe("confirming the address", () => {
  it("uses the link up, confirms, signs in and audits both, once", () => {
    const user = account();
    getSqlite().prepare("UPDATE users SET email_verified_at = NULL WHERE id = ?").run(user.id);
    const token = issueToken(user.id, "email_verification");
    expect(verifyEmail(token, "vi", "ip")).toEqual({ ok: true, userId: user.id });
    expect(userRow(user.id).verifiedAt).toBeGreaterThan(0);
    expect(audited(user.id)).toEqual(["email_verified", "sign_in"]);
    expect(verifyEmail(token, "vi", "ip")).toEqual({ ok: false, error: "invalid_token" });
  });

  it("is refused as stale when the link was used by another request meanwhile, writing nothing", () => {
    const user = account();
    getSqlite().prepare("UPDATE users SET email_verified_at = NULL WHERE id = ?").run(user.id);
    const token = issueToken(user.id, "email_verification");
    const before = sideEffects();
    changeBeforeNextTransaction("UPDATE user_tokens SET used_at = 1 WHERE user_id = ?", user.id);
    expect(verifyEmail(token, "vi", "ip")).toEqual({ ok: false, error: "stale" });
    expect(userRow(user.id).verifiedAt).toBeNull();
    expect(sideEffects()).toEqual(before);
  });
});

describe("changing the password", () => {
  it("sets the new one, audits it and ends every session", async () => {
    const user = account();
    await createSessionCookie(user.id);
    expect(await changePassword(user.id, { currentPassword: PASSWORD, password: "mat-khau-moi-1234" }, "ip")).toEqual({
      ok: true,
    });
    expect(await verifyPassword(userRow(user.id).hash, "mat-khau-moi-1234")).toBe(true);
    expect(sessionsOf(user.id)).toBe(0);
    expect(audited(user.id)).toEqual(["password_changed"]);
  });

  it("refuses a wrong current password", async () => {
    const user = account();
    expect(
      await changePassword(user.id, { currentPassword: "khong-dung-000", password: "mat-khau-moi-1234" }, "ip"),
    ).toEqual({ ok: false, error: "wrong_password" });
    expect(audited(user.id)).toEqual([]);
  });

  it("is refused as stale when the password changed meanwhile (another tab, a reset), writing nothing", async () => {
    const user = account();
    await createSessionCookie(user.id);
    const before = sideEffects();
    changeBeforeNextTransaction("UPDATE users SET password_hash = 'reset-elsewhere' WHERE id = ?", user.id);
    expect(await changePassword(user.id, { currentPassword: PASSWORD, password: "mat-khau-moi-1234" }, "ip")).toEqual({
      ok: false,
      error: "stale",
    });
    expect(userRow(user.id).hash).toBe("reset-elsewhere");
    expect(sessionsOf(user.id)).toBe(1);
    expect(sideEffects()).toEqual(before);
  });
});

describe("resetting the password", () => {
  it("sets it through the link, confirms the address, audits it and ends every session", async () => {
    const user = account();
    await createSessionCookie(user.id);
    const token = issueToken(user.id, "password_reset");
    expect(await resetPassword(token, "mat-khau-dat-lai-1", "ip")).toEqual({ ok: true });
    expect(await verifyPassword(userRow(user.id).hash, "mat-khau-dat-lai-1")).toBe(true);
    expect(peekToken(token, "password_reset")).toBeNull();
    expect(sessionsOf(user.id)).toBe(0);
    expect(audited(user.id)).toEqual(["password_reset"]);
  });

  it("is refused as stale when the link was used by another request meanwhile, writing nothing", async () => {
    const user = account();
    const token = issueToken(user.id, "password_reset");
    const before = sideEffects();
    changeBeforeNextTransaction("UPDATE user_tokens SET used_at = 1 WHERE user_id = ?", user.id);
    expect(await resetPassword(token, "mat-khau-dat-lai-1", "ip")).toEqual({ ok: false, error: "stale" });
    expect(userRow(user.id).hash).toBe(passwordHash);
    expect(sideEffects()).toEqual(before);
  });
});
