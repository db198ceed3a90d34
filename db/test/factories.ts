/** Test data made directly in the database, with a cheap password hash. */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, schema } from "../client.server";
import { searchText } from "../../app/lib/search-text";
import type { Role } from "../../app/lib/reference";

let counter = 0;

export function createOrganisation(kind: "sme" | "vendor" | "staff" = "sme") {
  const id = crypto.randomUUID();
  counter += 1;
  getDb()
    .insert(schema.organisations)
    .values({ id, kind, legalName: `Test Org ${counter}`, vendorStatus: kind === "vendor" ? "draft" : null })
    .run();
  return id;
}

export function createUser(opts: { role?: Role; email?: string; passwordHash?: string; active?: boolean } = {}) {
  const role = opts.role ?? "sme";
  const organisationId = createOrganisation(role === "sme" ? "sme" : role === "vendor" ? "vendor" : "staff");
  const id = crypto.randomUUID();
  counter += 1;
  const email = opts.email ?? `user${counter}-${id.slice(0, 6)}@test.vn`;
  getDb()
    .insert(schema.users)
    .values({
      id,
      email,
      name: `User ${counter}`,
      passwordHash: opts.passwordHash ?? "x",
      role,
      organisationId,
      active: opts.active ?? true,
      emailVerifiedAt: Date.now(),
      searchText: searchText(email),
    })
    .run();
  return { id, email, organisationId };
}

const DAY = 86_400_000;

/** Sets a vendor's standing directly: vetted until `expiresAt`, or another status. */
export function setVendorStanding(
  vendorId: string,
  status: "vetted" | "suspended" | "submitted",
  expiresAt = Date.now() + 300 * DAY,
) {
  const db = getDb();
  db.update(schema.organisations).set({ vendorStatus: status }).where(eq(schema.organisations.id, vendorId)).run();
  db.insert(schema.vendorProfiles)
    .values({
      organisationId: vendorId,
      vettedAt: Date.now() - DAY,
      vettingExpiresAt: expiresAt,
      updatedAt: Date.now(),
    })
    .onConflictDoUpdate({ target: schema.vendorProfiles.organisationId, set: { vettingExpiresAt: expiresAt } })
    .run();
}

/** An open need of a new SME, with its deadline `deadlineInDays` from now (negative: passed). */
export function createOpenNeed(deadlineInDays = 10, owner = createUser({ role: "sme" })) {
  const id = crypto.randomUUID();
  const now = Date.now();
  getDb()
    .insert(schema.needs)
    .values({
      id,
      organisationId: owner.organisationId,
      createdBy: owner.id,
      title: "Phần mềm kế toán",
      description: "Cần phần mềm kế toán cho cửa hàng",
      category: "accounting",
      sector: "retail_trade",
      budgetMin: 50_000_000,
      budgetMax: 120_000_000,
      desiredStart: now + 40 * DAY,
      deadline: now + deadlineInDays * DAY,
      status: "open",
      publishedAt: now - 20 * DAY,
      updatedAt: now,
    })
    .run();
  return { needId: id, owner };
}
