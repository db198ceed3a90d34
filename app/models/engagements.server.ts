/**
 * Engagements (DESIGN §9): what an award creates. Only the two parties and staff may see one;
 * anyone else gets a 404.
 */
import { and, asc, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, schema, type DB } from "../../db/client.server";
import { onTimeCounts } from "~/lib/delivery-rules";
import { hasRole } from "~/lib/permissions";
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
  const staff = hasRole(viewer, "staff");
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

// ---------------------------------------------------------------------------------------------
// Staff views

const HEALTH_RANK = sql<number>`coalesce((SELECT max(CASE f.severity WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)
  FROM flags f WHERE f.engagement_id = ${schema.engagements.id} AND f.subject_type = 'engagement'
  AND f.status IN ('open', 'acknowledged')), 0)`;

export type StaffEngagementFilters = {
  health?: "green" | "amber" | "red";
  status?: "active" | "completed" | "terminated";
  sector?: string;
  vendorId?: string;
};

export function listEngagementsForStaff(filters: StaffEngagementFilters, page: number) {
  const db = getDb();
  const conditions = [
    filters.status ? eq(schema.engagements.status, filters.status) : undefined,
    filters.vendorId ? eq(schema.engagements.vendorId, filters.vendorId) : undefined,
    filters.sector ? eq(schema.needs.sector, filters.sector as "other") : undefined,
    filters.health === "red"
      ? sql`${HEALTH_RANK} = 2`
      : filters.health === "amber"
        ? sql`${HEALTH_RANK} = 1`
        : filters.health === "green"
          ? sql`${HEALTH_RANK} = 0`
          : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = db
    .select({
      id: schema.engagements.id,
      status: schema.engagements.status,
      total: schema.engagements.total,
      awardedAt: schema.engagements.awardedAt,
      needTitle: schema.needs.title,
      sector: schema.needs.sector,
      smeName: sme.legalName,
      vendorName: vendor.legalName,
      healthRank: HEALTH_RANK,
    })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(sme, eq(sme.id, schema.engagements.smeId))
    .innerJoin(vendor, eq(vendor.id, schema.engagements.vendorId))
    .where(where)
    .orderBy(desc(HEALTH_RANK), desc(schema.engagements.awardedAt))
    .limit(ENGAGEMENTS_PAGE_SIZE * 2)
    .offset((page - 1) * ENGAGEMENTS_PAGE_SIZE * 2)
    .all()
    .map((r) => ({
      ...r,
      health: (r.healthRank === 2 ? "red" : r.healthRank === 1 ? "amber" : "green") as "red" | "amber" | "green",
    }));
  const total =
    db
      .select({ n: count() })
      .from(schema.engagements)
      .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
      .where(where)
      .get()?.n ?? 0;
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / (ENGAGEMENTS_PAGE_SIZE * 2))) };
}

/** Active engagements by health, and overdue milestones, for the staff dashboard. */
export function engagementHealthCounts(now = Date.now()) {
  const db = getDb();
  // One small row per active engagement (served by engagements_status_awarded_idx), counted here:
  // SQLite does not group reliably by a correlated subquery.
  const ranks = db
    .select({ rank: HEALTH_RANK })
    .from(schema.engagements)
    .where(eq(schema.engagements.status, "active"))
    .all();
  const counts = { green: 0, amber: 0, red: 0 };
  for (const r of ranks) counts[Number(r.rank) === 2 ? "red" : Number(r.rank) === 1 ? "amber" : "green"] += 1;
  const overdue =
    db
      .select({ n: count() })
      .from(schema.engagementMilestones)
      .innerJoin(schema.engagements, eq(schema.engagements.id, schema.engagementMilestones.engagementId))
      .where(
        and(
          eq(schema.engagements.status, "active"),
          sql`${schema.engagementMilestones.status} IN ('pending', 'changes_requested')`,
          sql`${schema.engagementMilestones.dueAt} < ${now}`,
        ),
      )
      .get()?.n ?? 0;
  const openIncidents =
    db
      .select({ n: count() })
      .from(schema.incidents)
      .where(sql`${schema.incidents.status} <> 'resolved'`)
      .get()?.n ?? 0;
  return { ...counts, overdueMilestones: overdue, openIncidents };
}

/** The flags on one engagement (any status), for its page as staff read it. */
export function flagsOfEngagement(engagementId: string) {
  return getDb()
    .select()
    .from(schema.flags)
    .where(eq(schema.flags.engagementId, engagementId))
    .orderBy(desc(schema.flags.raisedAt))
    .all()
    .map((f) => ({ ...f, evidence: JSON.parse(f.evidence) as Record<string, unknown> }));
}

// ---------------------------------------------------------------------------------------------
// Vendor track record, computed from the data (one definition for profiles, the directory and
// the monitoring rules)

/** Completed engagements and on-time milestones of each vendor (for the page's vendors only). */
export function trackRecords(vendorIds: readonly string[], now = Date.now(), db: DB = getDb()) {
  if (vendorIds.length === 0) return new Map<string, { completed: number; due: number; onTime: number }>();
  const completed = db
    .select({ vendorId: schema.engagements.vendorId, n: count() })
    .from(schema.engagements)
    .where(and(inArray(schema.engagements.vendorId, [...vendorIds]), eq(schema.engagements.status, "completed")))
    .groupBy(schema.engagements.vendorId)
    .all();
  const milestones = db
    .select({
      vendorId: schema.engagements.vendorId,
      status: schema.engagementMilestones.status,
      dueAt: schema.engagementMilestones.dueAt,
      firstSubmittedAt: schema.engagementMilestones.firstSubmittedAt,
    })
    .from(schema.engagementMilestones)
    .innerJoin(schema.engagements, eq(schema.engagements.id, schema.engagementMilestones.engagementId))
    .where(inArray(schema.engagements.vendorId, [...vendorIds]))
    .all();
  const out = new Map<string, { completed: number; due: number; onTime: number }>();
  for (const id of vendorIds) {
    const counts = onTimeCounts(
      milestones.filter((m) => m.vendorId === id),
      now,
    );
    out.set(id, { completed: completed.find((c) => c.vendorId === id)?.n ?? 0, ...counts });
  }
  return out;
}
