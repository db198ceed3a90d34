/**
 * Staff and admin accounts: the staff organisations, accounts created by an admin or from the
 * command line (`npm run admin:create`), the admin's user actions ((de)activation) and the user
 * list. Who is active staff is a lookup in users.server.ts. Each change writes its audit entry,
 * and its mail to the outbox, in its own transaction (the transition pattern, app/models/transition.server.ts).
 */
import crypto from "node:crypto";
import { and, count, desc, eq, like, sql } from "drizzle-orm";
import { getDb, schema, type DB, type DbOrTx } from "../../db/client.server";
import { type STAFF_ROLES } from "~/lib/permissions";
import type { Lang, Role, StaffOrganisation } from "~/lib/reference";
import { searchText } from "~/lib/search-text";
import {
  assertRole,
  hashPassword,
  invalidateUserSessions,
  temporaryPassword,
  type SessionUser,
} from "~/utils/auth.server";
import { sendStaffWelcomeEmail } from "./account-emails.server";
import { recordAudit } from "./audit.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { emailTaken, getUserById, insertUser, type RequestContext } from "./users.server";
import { pageCount } from "~/lib/paging";

type Actor = Pick<SessionUser, "id" | "role">;

export function staffOrganisationId(code: StaffOrganisation): string {
  const row = getDb()
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.staffCode, code))
    .get();
  if (!row) throw new Error(`staff organisation ${code} is missing`);
  return row.id;
}

/** Creates or returns the three staff organisations of the agreement. */
export function ensureStaffOrganisations(db: DbOrTx = getDb()) {
  const names: Record<StaffOrganisation, string> = {
    HUBA: "Hiệp hội Doanh nghiệp TP.HCM (HUBA)",
    HCA: "Hội Tin học TP.HCM (HCA)",
    DEPARTMENT: "Sở Khoa học và Công nghệ TP.HCM",
  };
  for (const code of Object.keys(names) as StaffOrganisation[]) {
    db.insert(schema.organisations)
      .values({ id: crypto.randomUUID(), kind: "staff", legalName: names[code], staffCode: code })
      .onConflictDoNothing()
      .run();
  }
}

export type StaffAccount = {
  name: string;
  email: string;
  staffCode: StaffOrganisation;
  role: (typeof STAFF_ROLES)[number];
  passwordHash: string;
  lang: Lang;
};

/**
 * The row of a staff or admin account whose password must be changed at first sign-in (in `db`, the
 * caller's transaction, when given). The admin's action is `createStaffAccount`.
 */
export function createStaffUser(
  input: StaffAccount,
  db: DbOrTx = getDb(),
): { ok: true; userId: string } | { ok: false; reason: "emailTaken" } {
  return db.transaction(
    (tx) => {
      if (emailTaken(input.email, tx)) return { ok: false, reason: "emailTaken" } as const;
      const organisation = tx
        .select()
        .from(schema.organisations)
        .where(eq(schema.organisations.staffCode, input.staffCode))
        .get();
      if (!organisation) throw new Error(`staff organisation ${input.staffCode} is missing`);
      const userId = insertUser(
        tx,
        organisation.id,
        organisation.legalName,
        input.role,
        { name: input.name, email: input.email, passwordHash: input.passwordHash, lang: input.lang },
        { mustChangePassword: true, emailVerifiedAt: Date.now() },
      );
      return { ok: true, userId } as const;
    },
    { behavior: "immediate" },
  );
}

export type AdminAccount = {
  email: string;
  name: string;
  passwordHash: string;
  lang: Lang;
  staffCode: StaffOrganisation;
};

export type AdminResult = { outcome: "created" | "promoted"; userId: string } | { outcome: "refused"; role: Role };

/**
 * The first administrator, or another one, from the server's command line (`npm run admin:create`):
 * creates the account in a staff organisation, or makes an existing staff or admin account an
 * active admin. Either way the password given is a one-time one (changed at first sign-in), the
 * account's sessions end, and the audit log says so. An SME or vendor account is never made admin.
 */
export function createOrPromoteAdmin(input: AdminAccount, ranBy: string, db: DB = getDb()): AdminResult {
  return db.transaction(
    (tx) => {
      ensureStaffOrganisations(tx);
      const existing = tx
        .select()
        .from(schema.users)
        .where(sql`lower(${schema.users.email}) = ${input.email.toLowerCase()}`)
        .get();
      const details = { via: "npm run admin:create", ranBy };
      if (existing) {
        if (existing.role !== "staff" && existing.role !== "admin") return { outcome: "refused", role: existing.role };
        tx.update(schema.users)
          .set({
            role: "admin",
            active: true,
            passwordHash: input.passwordHash,
            mustChangePassword: true,
            emailVerifiedAt: existing.emailVerifiedAt ?? Date.now(),
          })
          .where(eq(schema.users.id, existing.id))
          .run();
        tx.delete(schema.sessions).where(eq(schema.sessions.userId, existing.id)).run();
        recordAudit(
          {
            action: "admin_promoted",
            subjectType: "user",
            subjectId: existing.id,
            details: { ...details, was: existing.role },
          },
          tx,
        );
        return { outcome: "promoted", userId: existing.id };
      }
      const organisation = tx
        .select()
        .from(schema.organisations)
        .where(eq(schema.organisations.staffCode, input.staffCode))
        .get();
      if (!organisation) throw new Error(`staff organisation ${input.staffCode} is missing`);
      const userId = insertUser(
        tx,
        organisation.id,
        organisation.legalName,
        "admin",
        { name: input.name, email: input.email, passwordHash: input.passwordHash, lang: input.lang },
        { mustChangePassword: true, emailVerifiedAt: Date.now() },
      );
      recordAudit({ action: "admin_created", subjectType: "user", subjectId: userId, details }, tx);
      return { outcome: "created", userId };
    },
    { behavior: "immediate" },
  );
}

/** How many active administrators there are (none: nobody can administer the site yet). */
export function activeAdminCount(): number {
  return (
    getDb()
      .select({ n: count() })
      .from(schema.users)
      .where(and(eq(schema.users.role, "admin"), eq(schema.users.active, true)))
      .get()?.n ?? 0
  );
}

/**
 * An admin creates a staff or admin account: a temporary password (returned once, for the admin to
 * hand over; never stored in clear nor mailed), the account, the audit entry and the welcome mail,
 * in one transaction.
 */
export async function createStaffAccount(
  admin: Actor,
  input: Omit<StaffAccount, "passwordHash">,
  ctx: RequestContext,
): Promise<{ ok: true; userId: string; password: string } | { ok: false; error: "emailTaken" }> {
  assertRole(admin, "admin");
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    return getDb().transaction(
      (tx) => {
        const created = createStaffUser({ ...input, passwordHash }, tx);
        if (!created.ok) return { ok: false, error: "emailTaken" } as const;
        recordAudit(
          {
            actorId: admin.id,
            action: "staff_account_created",
            subjectType: "user",
            subjectId: created.userId,
            ip: ctx.ip,
            details: { role: input.role, organisation: input.staffCode },
          },
          tx,
        );
        const user = { id: created.userId, email: input.email.toLowerCase(), name: input.name, lang: input.lang };
        sendStaffWelcomeEmail(ctx.request, user, tx);
        return { ok: true, userId: created.userId, password } as const;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // A concurrent request won the race to the unique index.
    if (String(error).includes("users.email") || String(error).includes("users_email_unique")) {
      return { ok: false, error: "emailTaken" };
    }
    throw error;
  }
}

/**
 * An admin deactivates or reactivates an account (never their own). The write is a compare-and-set
 * from the opposite state: if another admin did it first, the answer is `stale`. A deactivated
 * user's sessions end after the commit (and `getUser` refuses an inactive account meanwhile).
 */
export async function setUserActive(
  admin: Actor,
  userId: string,
  active: boolean,
  ip: string | null,
): Promise<TransitionResult<"self">> {
  assertRole(admin, "admin");
  if (userId === admin.id) return { ok: false, error: "self" };
  const user = getUserById(userId);
  if (!user) throw new Response("Not found", { status: 404 });
  if (user.active === active) return { ok: false, error: "stale" };
  const result = transition((tx) => {
    const changed = tx
      .update(schema.users)
      .set({ active })
      .where(and(eq(schema.users.id, userId), eq(schema.users.active, !active)))
      .run();
    expectOneChange(changed, "user");
    recordAudit(
      {
        actorId: admin.id,
        action: active ? "user_reactivated" : "user_deactivated",
        subjectType: "user",
        subjectId: userId,
        ip,
      },
      tx,
    );
    return { ok: true } as const;
  });
  if (result.ok && !active) await invalidateUserSessions(userId);
  return result;
}

export const USERS_PAGE_SIZE = 20;

export function listUsers({ q, role, page }: { q?: string; role?: Role; page: number }) {
  const db = getDb();
  const conditions = [
    role ? eq(schema.users.role, role) : undefined,
    q ? like(schema.users.searchText, `%${searchText(q).replace(/[%_]/g, "")}%`) : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = db
    .select({
      id: schema.users.id,
      name: schema.users.name,
      email: schema.users.email,
      role: schema.users.role,
      active: schema.users.active,
      lastSignInAt: schema.users.lastSignInAt,
      createdAt: schema.users.createdAt,
      organisation: schema.organisations.legalName,
    })
    .from(schema.users)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.users.organisationId))
    .where(where)
    .orderBy(desc(schema.users.createdAt), desc(schema.users.id))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(schema.users).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, USERS_PAGE_SIZE) };
}
