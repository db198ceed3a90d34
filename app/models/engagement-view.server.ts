/**
 * The engagement page's read model: everything one actor may see of one engagement, in one call,
 * decided by the aggregate's one ownership rule (`sideOf`: strangers get a 404). Components type
 * their props with `EngagementView`, never with a route's loader.
 */
import { and, asc, desc, eq, gt, gte, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, schema, type DB } from "../../db/client.server";
import type { SizeClass } from "~/lib/enterprise-size";
import { localYear, localYearBounds } from "~/lib/local-date";
import { estimateSupportForYear } from "~/lib/support-estimate";
import { notFound, sideOf, type Actor, type Engagement } from "./engagements.server";
import { getSupportRates } from "./settings.server";

const sme = alias(schema.organisations, "sme");
const vendor = alias(schema.organisations, "vendor");

export function engagementView(engagementId: string, actor: Actor, now = Date.now()) {
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
  if (!row) notFound();
  const e = row.engagement;
  const side = sideOf(e, actor);
  const milestones = db
    .select()
    .from(schema.engagementMilestones)
    .where(eq(schema.engagementMilestones.engagementId, engagementId))
    .orderBy(asc(schema.engagementMilestones.position))
    .all();
  return {
    engagement: {
      ...e,
      needTitle: row.needTitle,
      needCategory: row.needCategory,
      smeName: row.smeName,
      vendorName: row.vendorName,
      milestones,
    },
    side,
    ...deliveryOf(db, e, actor, side),
    outcome: outcomeOf(db, e),
    support: supportOf(db, e, now),
    now,
  };
}

export type EngagementView = ReturnType<typeof engagementView>;

function deliveryOf(db: DB, e: Engagement, actor: Actor, side: ReturnType<typeof sideOf>) {
  const submissions = db
    .select()
    .from(schema.milestoneSubmissions)
    .where(eq(schema.milestoneSubmissions.engagementId, e.id))
    .orderBy(asc(schema.milestoneSubmissions.submittedAt))
    .all();
  const files = db
    .select({
      id: schema.attachments.id,
      submissionId: schema.attachments.submissionId,
      fileName: schema.attachments.fileName,
      size: schema.attachments.size,
    })
    .from(schema.attachments)
    .where(eq(schema.attachments.engagementId, e.id))
    .all();
  const amendments = db
    .select({ amendment: schema.amendments, milestoneTitle: schema.engagementMilestones.title })
    .from(schema.amendments)
    .leftJoin(schema.engagementMilestones, eq(schema.engagementMilestones.id, schema.amendments.milestoneId))
    .where(eq(schema.amendments.engagementId, e.id))
    .orderBy(desc(schema.amendments.createdAt))
    .all()
    .map((r) => ({ ...r.amendment, milestoneTitle: r.milestoneTitle }));
  const incidents = db
    .select()
    .from(schema.incidents)
    .where(eq(schema.incidents.engagementId, e.id))
    .orderBy(desc(schema.incidents.createdAt))
    .all()
    // Only the raiser rates the handling of their incident (app/models/incidents.server.ts).
    .map((i) => ({ ...i, raisedByMe: i.raisedBy === actor.id }));
  const timeline = db
    .select({ event: schema.engagementEvents, actorName: schema.users.name, actorOrg: schema.users.organisationId })
    .from(schema.engagementEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.engagementEvents.actorId))
    .where(eq(schema.engagementEvents.engagementId, e.id))
    .orderBy(desc(schema.engagementEvents.at), desc(schema.engagementEvents.id))
    .limit(200)
    .all()
    .map((r) => ({
      ...r.event,
      params: r.event.params ? (JSON.parse(r.event.params) as Record<string, string | number>) : {},
      actorName: r.actorName,
      actorSide: r.actorOrg === e.smeId ? "sme" : r.actorOrg === e.vendorId ? "vendor" : r.actorOrg ? "staff" : null,
    }));
  const review = db.select().from(schema.reviews).where(eq(schema.reviews.engagementId, e.id)).get() ?? null;
  // The vendor's rating of the SME is private: the vendor and staff see it, the SME does not.
  const smeRating =
    side === "sme"
      ? null
      : (db.select().from(schema.smeRatings).where(eq(schema.smeRatings.engagementId, e.id)).get() ?? null);
  return { submissions, files, amendments, incidents, timeline, review, smeRating };
}

/** The SME's level before (last assessment before the award) and after (first after completion). */
function outcomeOf(db: DB, e: Engagement) {
  const level = { level: schema.assessments.level, completedAt: schema.assessments.completedAt };
  const ofSme = and(eq(schema.assessments.organisationId, e.smeId), eq(schema.assessments.status, "completed"));
  const before = db
    .select(level)
    .from(schema.assessments)
    .where(and(ofSme, lt(schema.assessments.completedAt, e.awardedAt)))
    .orderBy(desc(schema.assessments.completedAt))
    .get();
  const after = e.completedAt
    ? db
        .select(level)
        .from(schema.assessments)
        .where(and(ofSme, gt(schema.assessments.completedAt, e.completedAt)))
        .orderBy(asc(schema.assessments.completedAt))
        .get()
    : undefined;
  return { before: before ?? null, after: after ?? null };
}

function supportOf(db: DB, e: Engagement, now: number) {
  const sizeClass =
    db
      .select({ sizeClass: schema.organisations.sizeClass })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, e.smeId))
      .get()?.sizeClass ?? null;
  if (!sizeClass) return { sizeClass: null, estimate: null, year: null };
  return { sizeClass, ...supportEstimateOf(db, e, sizeClass, now) };
}

/**
 * The Decree 80 estimate of one engagement within its SME's yearly cap (docs/product.md §9): the year is
 * the one it completed in (Ho Chi Minh City), or this year while it runs; the SME's engagements
 * completed earlier that year use the cap first.
 */
export function supportEstimateOf(
  db: DB,
  e: Pick<Engagement, "id" | "smeId" | "needId" | "total" | "status" | "completedAt">,
  sizeClass: SizeClass,
  now = Date.now(),
) {
  const year = localYear(e.completedAt ?? now);
  const [start, end] = localYearBounds(year);
  const completed = db
    .select({ id: schema.engagements.id, cost: schema.engagements.total, category: schema.needs.category })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .where(
      and(
        eq(schema.engagements.smeId, e.smeId),
        eq(schema.engagements.status, "completed"),
        gte(schema.engagements.completedAt, start),
        lt(schema.engagements.completedAt, end),
      ),
    )
    .orderBy(asc(schema.engagements.completedAt), asc(schema.engagements.id))
    .all();
  const upTo = completed.findIndex((c) => c.id === e.id);
  const items = upTo >= 0 ? completed.slice(0, upTo + 1) : [...completed, ownItem(db, e)];
  return { estimate: estimateSupportForYear(items, sizeClass, getSupportRates()).get(e.id)!, year };
}

function ownItem(db: DB, e: Pick<Engagement, "id" | "needId" | "total">) {
  const need = db
    .select({ category: schema.needs.category })
    .from(schema.needs)
    .where(eq(schema.needs.id, e.needId))
    .get()!;
  return { id: e.id, cost: e.total, category: need.category };
}
