import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { activeAdminCount, createOrPromoteAdmin, getUserById } from "./users.server";

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
