/** Test data made directly in the database, with a cheap password hash. */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, schema } from "../client.server";
import { searchText } from "../../app/lib/search-text";
import type { Role } from "../../app/lib/reference";
import { DAY_MS } from "../../app/lib/local-date";
import { refreshVendorStats } from "../../app/models/vendor-stats.server";

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
  return { id, email, organisationId, role };
}

const DAY = DAY_MS;

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

/** An active engagement between a new SME and a new vendor with two pending milestones. */
export function createEngagement(
  opts: { sizeClass?: "micro" | "small" | "medium"; category?: string; total?: number } = {},
) {
  const db = getDb();
  const sme = createUser({ role: "sme" });
  const vendor = createUser({ role: "vendor" });
  setVendorStanding(vendor.organisationId, "vetted");
  db.update(schema.organisations)
    .set({ sizeClass: opts.sizeClass ?? "small" })
    .where(eq(schema.organisations.id, sme.organisationId))
    .run();
  const { needId } = createOpenNeed(-1, sme);
  if (opts.category) {
    db.update(schema.needs)
      .set({ category: opts.category as "accounting" })
      .where(eq(schema.needs.id, needId))
      .run();
  }
  const now = Date.now();
  const total = opts.total ?? 100_000_000;
  const bidId = crypto.randomUUID();
  db.insert(schema.bids)
    .values({
      id: bidId,
      needId,
      vendorId: vendor.organisationId,
      submittedBy: vendor.id,
      status: "awarded",
      total,
      durationDays: 60,
      approach: "a",
      validityDays: 60,
      updatedAt: now,
    })
    .run();
  db.update(schema.needs).set({ status: "awarded" }).where(eq(schema.needs.id, needId)).run();
  const engagementId = crypto.randomUUID();
  db.insert(schema.engagements)
    .values({
      id: engagementId,
      needId,
      bidId,
      smeId: sme.organisationId,
      vendorId: vendor.organisationId,
      status: "active",
      total,
      awardedAt: now,
      awardedBy: sme.id,
    })
    .run();
  const milestoneIds = [0, 1].map((position) => {
    const id = crypto.randomUUID();
    db.insert(schema.engagementMilestones)
      .values({
        id,
        engagementId,
        position,
        title: `Mốc ${position + 1}`,
        dueAt: now + (position + 1) * 30 * DAY,
        amount: total / 2,
        status: "pending",
      })
      .run();
    return id;
  });
  refreshVendorStats(db, vendor.organisationId);
  return { engagementId, sme, vendor, milestoneIds, needId };
}
