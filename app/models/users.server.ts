/**
 * Accounts: organisations and their users. Owns the queries and transactions of registration,
 * sign-in bookkeeping, staff accounts and (de)activation.
 */
import crypto from "node:crypto";
import { and, count, desc, eq, like, sql } from "drizzle-orm";
import { getDb, schema } from "../../db/client.server";
import type { DB } from "../../db/client.server";
import { sizeClassFromBands, type CapitalBand, type RevenueBand } from "~/lib/enterprise-size";
import { sectorGroup, type Lang, type Role, type Sector, type StaffOrganisation } from "~/lib/reference";
import { searchText } from "~/lib/search-text";
import { recordAudit } from "./audit.server";

export type UserRow = typeof schema.users.$inferSelect;

type NewUser = { name: string; email: string; phone?: string | null; passwordHash: string; lang: Lang };

export type SmeRegistration = {
  legalName: string;
  taxCode: string;
  sector: Sector;
  employees: number;
  revenueBand: RevenueBand;
  capitalBand: CapitalBand;
  user: NewUser;
};

export type VendorRegistration = { legalName: string; taxCode: string; user: NewUser };

export type RegistrationResult =
  { ok: true; userId: string; organisationId: string } | { ok: false; reason: "taxCodeTaken" | "emailTaken" };

const userSearchText = (name: string, email: string, organisation: string) =>
  searchText(`${name} ${email} ${organisation}`);

export function emailTaken(email: string, db: DB = getDb()): boolean {
  return !!db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email.toLowerCase()}`)
    .get();
}

export function taxCodeTaken(taxCode: string, db: DB = getDb()): boolean {
  return !!db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.taxCode, taxCode))
    .get();
}

function insertUser(
  tx: DB,
  organisationId: string,
  legalName: string,
  role: Role,
  u: NewUser,
  extra: Partial<UserRow> = {},
) {
  const id = crypto.randomUUID();
  tx.insert(schema.users)
    .values({
      id,
      email: u.email.toLowerCase(),
      name: u.name,
      phone: u.phone ?? null,
      passwordHash: u.passwordHash,
      role,
      organisationId,
      lang: u.lang,
      searchText: userSearchText(u.name, u.email, legalName),
      ...extra,
    })
    .run();
  return id;
}

function register(
  org: Omit<typeof schema.organisations.$inferInsert, "id">,
  role: "sme" | "vendor",
  user: NewUser,
): RegistrationResult {
  const db = getDb();
  try {
    return db.transaction((tx) => {
      if (org.taxCode && taxCodeTaken(org.taxCode, tx)) return { ok: false, reason: "taxCodeTaken" } as const;
      if (emailTaken(user.email, tx)) return { ok: false, reason: "emailTaken" } as const;
      const organisationId = crypto.randomUUID();
      tx.insert(schema.organisations)
        .values({ ...org, id: organisationId })
        .run();
      const userId = insertUser(tx, organisationId, org.legalName, role, user);
      return { ok: true, userId, organisationId } as const;
    });
  } catch (error) {
    // A concurrent registration won the race to the unique index.
    const message = String(error);
    if (message.includes("organisations.tax_code") || message.includes("organisations_tax_code")) {
      return { ok: false, reason: "taxCodeTaken" };
    }
    if (message.includes("users_email_unique") || message.includes("users.email")) {
      return { ok: false, reason: "emailTaken" };
    }
    throw error;
  }
}

export function registerSme(input: SmeRegistration): RegistrationResult {
  const size = sizeClassFromBands({
    group: sectorGroup(input.sector),
    employees: input.employees,
    revenueBand: input.revenueBand,
    capitalBand: input.capitalBand,
  });
  return register(
    {
      kind: "sme",
      legalName: input.legalName,
      taxCode: input.taxCode,
      sector: input.sector,
      employees: input.employees,
      revenueBand: input.revenueBand,
      capitalBand: input.capitalBand,
      sizeClass: size,
      phone: input.user.phone ?? null,
    },
    "sme",
    input.user,
  );
}

export function registerVendor(input: VendorRegistration): RegistrationResult {
  return register(
    { kind: "vendor", legalName: input.legalName, taxCode: input.taxCode, vendorStatus: "draft" },
    "vendor",
    input.user,
  );
}

export function findUserByEmail(email: string): UserRow | undefined {
  return getDb()
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email.toLowerCase()}`)
    .get();
}

export function getUserById(id: string): UserRow | undefined {
  return getDb().select().from(schema.users).where(eq(schema.users.id, id)).get();
}

export function getOrganisation(id: string) {
  return getDb().select().from(schema.organisations).where(eq(schema.organisations.id, id)).get();
}

export function recordSignIn(userId: string, lang: Lang) {
  getDb().update(schema.users).set({ lastSignInAt: Date.now(), lang }).where(eq(schema.users.id, userId)).run();
}

export function markEmailVerified(userId: string, db: DB = getDb()) {
  db.update(schema.users)
    .set({ emailVerifiedAt: Date.now() })
    .where(and(eq(schema.users.id, userId), sql`${schema.users.emailVerifiedAt} is null`))
    .run();
}

export function setPassword(userId: string, passwordHash: string, db: DB = getDb()) {
  db.update(schema.users).set({ passwordHash, mustChangePassword: false }).where(eq(schema.users.id, userId)).run();
}

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
export function ensureStaffOrganisations(db: DB = getDb()) {
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
  role: "staff" | "admin";
  passwordHash: string;
  lang: Lang;
};

/** A staff or admin account with a temporary password that must be changed at first sign-in. */
export function createStaffUser(
  input: StaffAccount,
): { ok: true; userId: string } | { ok: false; reason: "emailTaken" } {
  const db = getDb();
  return db.transaction((tx) => {
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
  });
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
  return db.transaction((tx) => {
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
  });
}

/** How many accounts there are (none: a fresh database). */
export function userCount(): number {
  return getDb().select({ n: count() }).from(schema.users).get()?.n ?? 0;
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

export function setUserActive(userId: string, active: boolean) {
  getDb().update(schema.users).set({ active }).where(eq(schema.users.id, userId)).run();
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
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

/** Active staff and admins, for assigning work. */
export function activeStaff() {
  return getDb()
    .select({ id: schema.users.id, name: schema.users.name })
    .from(schema.users)
    .where(and(sql`${schema.users.role} IN ('staff', 'admin')`, eq(schema.users.active, true)))
    .orderBy(schema.users.name)
    .all();
}
