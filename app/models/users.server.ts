/**
 * Organisations and their users: registration and the lookups (active staff included). Staff and admin accounts, the
 * admin's user actions ((de)activation) and the user lists are staff-accounts.server.ts; the
 * journeys of one's own account (sign-in, email verification, passwords) are accounts.server.ts.
 * Registration writes its audit entry, and its mail to the outbox, in its own transaction (the
 * transition pattern, app/models/transition.server.ts).
 */
import crypto from "node:crypto";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { getDb, preparedOnce, schema, type DbOrTx } from "../../db/client.server";
import { sizeClassFromBands, type CapitalBand, type RevenueBand } from "~/lib/enterprise-size";
import { STAFF_ROLES } from "~/lib/permissions";
import { sectorGroup, type Lang, type Role, type Sector } from "~/lib/reference";
import { searchText } from "~/lib/search-text";
import { sendAlreadyRegisteredEmail, sendVerificationEmail } from "./account-emails.server";
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

/** Where a request's change came from: the address for the audit log, the request for mail links. */
export type RequestContext = { ip: string | null; request: Request };

const userSearchText = (name: string, email: string, organisation: string) =>
  searchText(`${name} ${email} ${organisation}`);

export function emailTaken(email: string, db: DbOrTx = getDb()): boolean {
  return !!db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email.toLowerCase()}`)
    .get();
}

export function taxCodeTaken(taxCode: string, db: DbOrTx = getDb()): boolean {
  return !!db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(eq(schema.organisations.taxCode, taxCode))
    .get();
}

/** The row of a new user in an organisation (in the caller's transaction). */
export function insertUser(
  tx: DbOrTx,
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

/**
 * Registration, in one immediate transaction: the organisation, its first user, the audit entry and
 * (with a request context) the verification mail. An address already registered gets, instead, a
 * mail saying so, and the caller answers the same as for a new account.
 */
function register(
  org: Omit<typeof schema.organisations.$inferInsert, "id">,
  role: "sme" | "vendor",
  user: NewUser,
  ctx?: RequestContext,
): RegistrationResult {
  try {
    return getDb().transaction(
      (tx): RegistrationResult => {
        if (org.taxCode && taxCodeTaken(org.taxCode, tx)) return { ok: false, reason: "taxCodeTaken" };
        if (emailTaken(user.email, tx)) {
          const existing = findUserByEmail(user.email, tx);
          if (ctx && existing) sendAlreadyRegisteredEmail(ctx.request, existing, tx);
          return { ok: false, reason: "emailTaken" };
        }
        const organisationId = crypto.randomUUID();
        tx.insert(schema.organisations)
          .values({ ...org, id: organisationId })
          .run();
        const userId = insertUser(tx, organisationId, org.legalName, role, user);
        recordAudit(
          {
            actorId: userId,
            action: "register",
            subjectType: "organisation",
            subjectId: organisationId,
            ip: ctx?.ip ?? null,
            details: { kind: role },
          },
          tx,
        );
        if (ctx) {
          const recipient = { id: userId, email: user.email.toLowerCase(), name: user.name, lang: user.lang };
          sendVerificationEmail(ctx.request, recipient, tx);
        }
        return { ok: true, userId, organisationId };
      },
      { behavior: "immediate" },
    );
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

export function registerSme(input: SmeRegistration, ctx?: RequestContext): RegistrationResult {
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
    ctx,
  );
}

export function registerVendor(input: VendorRegistration, ctx?: RequestContext): RegistrationResult {
  return register(
    { kind: "vendor", legalName: input.legalName, taxCode: input.taxCode, vendorStatus: "draft" },
    "vendor",
    input.user,
    ctx,
  );
}

export function findUserByEmail(email: string, db: DbOrTx = getDb()): UserRow | undefined {
  return db
    .select()
    .from(schema.users)
    .where(sql`lower(${schema.users.email}) = ${email.toLowerCase()}`)
    .get();
}

export function getUserById(id: string): UserRow | undefined {
  return getDb().select().from(schema.users).where(eq(schema.users.id, id)).get();
}

export function getOrganisation(id: string) {
  const db = getDb();
  return preparedOnce(db, "organisations.byId", () =>
    db
      .select()
      .from(schema.organisations)
      .where(eq(schema.organisations.id, sql.placeholder("id")))
      .prepare(),
  ).get({ id });
}

/** How many accounts there are (none: a fresh database). */
export function userCount(): number {
  return getDb().select({ n: count() }).from(schema.users).get()?.n ?? 0;
}

/** Active staff and admins by name, for assigning work. */
export function activeStaff(db: DbOrTx = getDb()) {
  return db
    .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
    .from(schema.users)
    .where(and(inArray(schema.users.role, [...STAFF_ROLES]), eq(schema.users.active, true)))
    .orderBy(asc(schema.users.name), asc(schema.users.id))
    .limit(500)
    .all();
}

/** The user, when active and holding staff permissions (a staff member or an admin). */
export function activeStaffMember(userId: string, db: DbOrTx = getDb()) {
  return db
    .select({ id: schema.users.id, name: schema.users.name })
    .from(schema.users)
    .where(
      and(eq(schema.users.id, userId), inArray(schema.users.role, [...STAFF_ROLES]), eq(schema.users.active, true)),
    )
    .get();
}

export function isActiveStaff(userId: string, db: DbOrTx = getDb()): boolean {
  return !!activeStaffMember(userId, db);
}
