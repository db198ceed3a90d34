/**
 * Engagements (docs/product.md, engagements): what an award creates, and the core every module of the
 * aggregate shares: who may see one and on which side (`sideOf`: the two parties and staff; anyone
 * else gets a 404), its timeline (`addEvent`), telling the parties (`notifyParties`), and its end
 * (completion when the last milestone is accepted, termination by staff). The other jobs live
 * beside it: milestones, attachments, amendments, messages, reviews (`*.server.ts` of those names),
 * incidents (incidents.server.ts) and the page's read model (engagement-view.server.ts).
 */
import { and, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedOnce, schema, ShapedWhere, type DB, type DbOrTx, type Tx } from "../../db/client.server";
import { onTimeCounts, type Side } from "~/lib/delivery-rules";
import type { NotificationKind } from "~/lib/notification-kinds";
import type { StaffEngagementFilters } from "~/lib/flag-options";
import { hasRole } from "~/lib/permissions";
import type { Role } from "~/lib/reference";
import { recordAudit } from "./audit.server";
import { reevaluate } from "./flags.server";
import { notify, organisationUserIds } from "./notifications.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { refreshVendorStats } from "./vendor-stats.server";
import { pageCount } from "~/lib/paging";

/** Whoever acts on an engagement: a signed-in user. */
export type Actor = { id: string; organisationId: string; role: Role };
export type Engagement = typeof schema.engagements.$inferSelect;
export type TimelineKind = (typeof schema.TIMELINE_KINDS)[number];

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** The engagement, or a 404. */
export function engagementOf(db: DbOrTx, engagementId: string): Engagement {
  const e = db.select().from(schema.engagements).where(eq(schema.engagements.id, engagementId)).get();
  if (!e) notFound();
  return e;
}

/**
 * Which side of the engagement the actor is on: the SME's users (role `sme`) and the vendor's
 * (role `vendor`) are the parties, staff and admins oversee it; anyone else gets a 404, so an
 * engagement's existence is not revealed. The one ownership rule of the aggregate.
 */
export function sideOf(engagement: { smeId: string; vendorId: string }, actor: Actor): Side | "staff" {
  if (actor.role === "sme" && actor.organisationId === engagement.smeId) return "sme";
  if (actor.role === "vendor" && actor.organisationId === engagement.vendorId) return "vendor";
  if (hasRole(actor, "staff")) return "staff";
  notFound();
}

/** The engagement and the actor's side of it, or a 404 for a stranger. */
export function engagementForActor(db: DbOrTx, engagementId: string, actor: Actor) {
  const engagement = engagementOf(db, engagementId);
  return { engagement, side: sideOf(engagement, actor) };
}

/** For a route: the engagement and the actor's side, read outside any transaction (404 for a stranger). */
export function getEngagementForActor(engagementId: string, actor: Actor) {
  return engagementForActor(getDb(), engagementId, actor);
}

/**
 * Appends an event to the engagement's timeline, in the caller's transaction, and bumps its last
 * activity.
 */
export function addEvent(
  tx: DbOrTx,
  engagementId: string,
  kind: TimelineKind,
  actorId: string | null,
  now: number,
  body?: string | null,
  params?: Record<string, string | number>,
) {
  tx.insert(schema.engagementEvents)
    .values({
      engagementId,
      kind,
      actorId,
      body: body ?? null,
      params: params ? JSON.stringify(params) : null,
      at: now,
    })
    .run();
  tx.update(schema.engagements).set({ lastActivityAt: now }).where(eq(schema.engagements.id, engagementId)).run();
}

export function needTitle(db: DbOrTx, needId: string): string {
  return (
    db.select({ title: schema.needs.title }).from(schema.needs).where(eq(schema.needs.id, needId)).get()?.title ?? ""
  );
}

/**
 * Tells the party other than `from` (both parties when staff act) about a change, in the
 * transaction of that change: the notification and its mail exist exactly when the change does.
 */
export function notifyParties(
  tx: DbOrTx,
  engagement: Pick<Engagement, "id" | "smeId" | "vendorId" | "needId">,
  from: Side | "staff",
  kind: NotificationKind,
  params: Record<string, string | number> = {},
) {
  const targets =
    from === "sme"
      ? organisationUserIds(engagement.vendorId, tx)
      : from === "vendor"
        ? organisationUserIds(engagement.smeId, tx)
        : [...organisationUserIds(engagement.smeId, tx), ...organisationUserIds(engagement.vendorId, tx)];
  notify(targets, kind, { need: needTitle(tx, engagement.needId), ...params }, `/engagements/${engagement.id}`, tx);
}

// ---------------------------------------------------------------------------------------------
// The end of an engagement

/**
 * Completes an active engagement (its last milestone was just accepted), in the caller's
 * transaction: compare-and-set on `active`, the timeline, and both parties told.
 */
export function completeEngagement(tx: Tx, engagement: Engagement, now: number) {
  expectOneChange(
    tx
      .update(schema.engagements)
      .set({ status: "completed", completedAt: now })
      .where(and(eq(schema.engagements.id, engagement.id), eq(schema.engagements.status, "active")))
      .run(),
    "the engagement",
  );
  addEvent(tx, engagement.id, "completed", null, now);
  const params = { need: needTitle(tx, engagement.needId) };
  const link = `/engagements/${engagement.id}`;
  notify(organisationUserIds(engagement.smeId, tx), "engagement_completed_sme", params, link, tx);
  notify(organisationUserIds(engagement.vendorId, tx), "engagement_completed_vendor", params, link, tx);
}

/**
 * Staff end an active engagement with a reason: compare-and-set on `active` (an engagement that
 * completed or was terminated meanwhile answers `stale`), the timeline, the audit entry and both
 * parties told, all in one transaction.
 */
export async function terminateEngagement(
  actor: Actor,
  engagementId: string,
  reason: string,
  ip: string,
  now = Date.now(),
): Promise<TransitionResult<"wrong_side">> {
  const result = transition((tx): TransitionResult<"wrong_side"> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    if (side !== "staff") return { ok: false, error: "wrong_side" };
    expectOneChange(
      tx
        .update(schema.engagements)
        .set({ status: "terminated", terminatedAt: now, terminationReason: reason })
        .where(and(eq(schema.engagements.id, engagementId), eq(schema.engagements.status, "active")))
        .run(),
      "the engagement",
    );
    addEvent(tx, engagementId, "terminated", actor.id, now, reason);
    refreshVendorStats(tx, engagement.vendorId, now);
    recordAudit(
      {
        actorId: actor.id,
        action: "engagement_terminated",
        subjectType: "engagement",
        subjectId: engagementId,
        ip,
        details: { reason },
      },
      tx,
    );
    notifyParties(tx, engagement, "staff", "engagement_terminated", { reason });
    return { ok: true };
  });
  if (result.ok) await reevaluate({ engagementId });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Lists

export function engagementIdOfNeed(needId: string): string | null {
  return (
    getDb()
      .select({ id: schema.engagements.id })
      .from(schema.engagements)
      .where(eq(schema.engagements.needId, needId))
      .get()?.id ?? null
  );
}

/** The need's engagement, id and status, or null before the award (the need page's stepper). */
export function engagementOfNeed(needId: string): { id: string; status: Engagement["status"] } | null {
  return (
    getDb()
      .select({ id: schema.engagements.id, status: schema.engagements.status })
      .from(schema.engagements)
      .where(eq(schema.engagements.needId, needId))
      .get() ?? null
  );
}

const sme = alias(schema.organisations, "sme");
const vendor = alias(schema.organisations, "vendor");

export const ENGAGEMENTS_PAGE_SIZE = 10;

/** An organisation's engagements, newest award first, as either party. */
export function listEngagementsForOrganisation(organisationId: string, page = 1) {
  const db = getDb();
  // Built and prepared once per connection (the query builder cost ten times what SQLite does here).
  const { pageOf, countOf } = preparedOnce(db, "engagements.ofOrganisation", () => {
    const organisation = sql.placeholder("organisationId");
    const where = or(eq(schema.engagements.smeId, organisation), eq(schema.engagements.vendorId, organisation));
    return {
      pageOf: db
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
        .limit(sql.placeholder("limit"))
        .offset(sql.placeholder("offset"))
        .prepare(),
      countOf: db.select({ n: count() }).from(schema.engagements).where(where).prepare(),
    };
  });
  const rows = pageOf.all({
    organisationId,
    limit: ENGAGEMENTS_PAGE_SIZE,
    offset: (page - 1) * ENGAGEMENTS_PAGE_SIZE,
  });
  const total = countOf.get({ organisationId })?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, ENGAGEMENTS_PAGE_SIZE) };
}

/** The vendor's bids, newest first, for its home. */
export function listBidsOfVendor(vendorId: string, limit = 10) {
  const db = getDb();
  return preparedOnce(db, "bids.ofVendor", () =>
    db
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
      .where(eq(schema.bids.vendorId, sql.placeholder("vendorId")))
      .orderBy(desc(schema.bids.updatedAt))
      .limit(sql.placeholder("limit"))
      .prepare(),
  ).all({ vendorId, limit });
}

// ---------------------------------------------------------------------------------------------
// Staff views

export type { StaffEngagementFilters };

const RANK_OF_HEALTH = { green: 0, amber: 1, red: 2 } as const;

/**
 * The staff list's filter, on the `health_rank` the flag engine keeps (served by
 * engagements_status_health_awarded_idx); the need is joined only for a sector filter.
 */
function staffEngagementsWhere(filters: StaffEngagementFilters) {
  const p = sql.placeholder;
  const q = new ShapedWhere();
  q.bind("status", filters.status, eq(schema.engagements.status, p("status")));
  q.bind(
    "health",
    filters.health ? RANK_OF_HEALTH[filters.health] : undefined,
    eq(schema.engagements.healthRank, p("health")),
  );
  q.bind("vendorId", filters.vendorId, eq(schema.engagements.vendorId, p("vendorId")));
  q.bind("sector", filters.sector, eq(schema.needs.sector, p("sector")));
  return q;
}

/**
 * How many engagements the staff list shows for these filters: the list's own total, and every
 * dashboard figure that links to the list. Prepared once per combination of filters set.
 */
export function countEngagementsForStaff(filters: StaffEngagementFilters, db: DB = getDb()): number {
  const q = staffEngagementsWhere(filters);
  const statement = preparedOnce(db, `engagements.staffCount:${q.key}`, () => {
    const query = db.select({ n: count() }).from(schema.engagements);
    const joined = filters.sector
      ? query.innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
      : query;
    return joined.where(q.where).prepare();
  });
  return statement.get(q.values)?.n ?? 0;
}

export const STAFF_ENGAGEMENTS_PAGE_SIZE = ENGAGEMENTS_PAGE_SIZE * 2;

/** Engagements for staff, worst health first, then the newest award. */
export function listEngagementsForStaff(filters: StaffEngagementFilters, page: number) {
  const db = getDb();
  const q = staffEngagementsWhere(filters);
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
      healthRank: schema.engagements.healthRank,
    })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(sme, eq(sme.id, schema.engagements.smeId))
    .innerJoin(vendor, eq(vendor.id, schema.engagements.vendorId))
    .where(q.where)
    .orderBy(desc(schema.engagements.healthRank), desc(schema.engagements.awardedAt))
    .limit(STAFF_ENGAGEMENTS_PAGE_SIZE)
    .offset((page - 1) * STAFF_ENGAGEMENTS_PAGE_SIZE)
    .prepare()
    .all(q.values)
    .map((r) => ({
      ...r,
      health: (r.healthRank === 2 ? "red" : r.healthRank === 1 ? "amber" : "green") as "red" | "amber" | "green",
    }));
  const total = countEngagementsForStaff(filters, db);
  return { rows, total, pageCount: pageCount(total, STAFF_ENGAGEMENTS_PAGE_SIZE) };
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
