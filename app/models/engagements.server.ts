/**
 * Engagements (DESIGN §9): what an award creates. Only the two parties and staff may see one;
 * anyone else gets a 404.
 */
import { and, asc, count, desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, schema } from "../../db/client.server";
import type { Role } from "~/lib/reference";

type Viewer = { organisationId: string; role: Role };

export function engagementIdOfNeed(needId: string): string | null {
  return (
    getDb()
      .select({ id: schema.engagements.id })
      .from(schema.engagements)
      .where(eq(schema.engagements.needId, needId))
      .get()?.id ?? null
  );
}

const sme = alias(schema.organisations, "sme");
const vendor = alias(schema.organisations, "vendor");

export function getEngagementForViewer(engagementId: string, viewer: Viewer) {
  const db = getDb();
  const row = db
    .select({
      engagement: schema.engagements,
      needTitle: schema.needs.title,
      needCategory: schema.needs.category,
      smeName: sme.legalName,
      vendorName: vendor.legalName,
    })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(sme, eq(sme.id, schema.engagements.smeId))
    .innerJoin(vendor, eq(vendor.id, schema.engagements.vendorId))
    .where(eq(schema.engagements.id, engagementId))
    .get();
  const staff = viewer.role === "staff" || viewer.role === "admin";
  const party =
    !!row && (row.engagement.smeId === viewer.organisationId || row.engagement.vendorId === viewer.organisationId);
  if (!row || !(staff || party)) throw new Response("Not found", { status: 404 });
  const milestones = db
    .select()
    .from(schema.engagementMilestones)
    .where(eq(schema.engagementMilestones.engagementId, engagementId))
    .orderBy(asc(schema.engagementMilestones.position))
    .all();
  return {
    ...row.engagement,
    needTitle: row.needTitle,
    needCategory: row.needCategory,
    smeName: row.smeName,
    vendorName: row.vendorName,
    milestones,
    side:
      row.engagement.smeId === viewer.organisationId
        ? "sme"
        : row.engagement.vendorId === viewer.organisationId
          ? "vendor"
          : "staff",
  };
}

export const ENGAGEMENTS_PAGE_SIZE = 10;

/** An organisation's engagements, newest award first, as either party. */
export function listEngagementsForOrganisation(organisationId: string, page = 1) {
  const db = getDb();
  const where = or(eq(schema.engagements.smeId, organisationId), eq(schema.engagements.vendorId, organisationId));
  const rows = db
    .select({
      id: schema.engagements.id,
      status: schema.engagements.status,
      total: schema.engagements.total,
      awardedAt: schema.engagements.awardedAt,
      needTitle: schema.needs.title,
      smeName: sme.legalName,
      vendorName: vendor.legalName,
    })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(sme, eq(sme.id, schema.engagements.smeId))
    .innerJoin(vendor, eq(vendor.id, schema.engagements.vendorId))
    .where(where)
    .orderBy(desc(schema.engagements.awardedAt))
    .limit(ENGAGEMENTS_PAGE_SIZE)
    .offset((page - 1) * ENGAGEMENTS_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(schema.engagements).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / ENGAGEMENTS_PAGE_SIZE)) };
}

/** The vendor's bids, newest first, for its home. */
export function listBidsOfVendor(vendorId: string, limit = 10) {
  return getDb()
    .select({
      needId: schema.bids.needId,
      status: schema.bids.status,
      total: schema.bids.total,
      updatedAt: schema.bids.updatedAt,
      needTitle: schema.needs.title,
      deadline: schema.needs.deadline,
    })
    .from(schema.bids)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.bids.needId))
    .where(and(eq(schema.bids.vendorId, vendorId)))
    .orderBy(desc(schema.bids.updatedAt))
    .limit(limit)
    .all();
}
