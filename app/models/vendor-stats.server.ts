/**
 * Each vendor's track record, maintained in `vendor_stats` (ADR 012): its active and completed
 * engagements (completed by sector), its milestones due and on time (app/lib/delivery-rules.ts
 * `countsAsDue`, `isOnTime`) and its review sums. Matching, the compare page and the vendor home
 * read this row instead of aggregating the vendor's history on every request.
 *
 * One definition: `statsSelect` computes a vendor's row from its history. The events that change
 * it recompute the vendor's row in their own transaction (`refreshVendorStats`), the benchmark's
 * builder and the migration recompute every row (`rebuildVendorStats`), and the sweep refreshes
 * the rows whose `next_due_at` passed and repairs any drift, a slice at a time.
 */
import { sql, type Placeholder, type SQL } from "drizzle-orm";
import { getDb, preparedOnce, schema, type DbOrTx } from "../../db/client.server";
import type { Sector } from "~/lib/reference";
import { milestoneAlias, milestoneCountsAsDue, milestoneIsOnTime } from "./delivery-sql.server";

const M = milestoneAlias("m");

const COLUMNS = sql.raw(
  `vendor_id, active_engagements, completed_engagements, completed_by_sector, milestones_due,
  milestones_on_time, next_due_at, review_count, quality_sum, schedule_sum, value_sum,
  communication_sum, recommend_sum, refreshed_at`,
);

/**
 * Every vendor's row computed from scratch as of `now`, for the vendors `vendors` names (a FROM
 * clause over the organisations aliased `o`). Each figure is a correlated subquery served by an
 * index on the vendor's engagements (engagements_vendor_status_idx) or reviews. The milestones are
 * reached through the vendor's engagements: CROSS JOIN keeps that order whatever the planner's
 * statistics say (without them it walked every accepted milestone of the market once per vendor).
 */
function statsSelect(now: number, vendors: SQL): SQL {
  const milestonesOf = sql`FROM engagements e CROSS JOIN engagement_milestones m ON m.engagement_id = e.id WHERE e.vendor_id = o.id`;
  return sql`
    SELECT o.id AS vendorId,
      (SELECT count(*) FROM engagements e WHERE e.vendor_id = o.id AND e.status = 'active') AS activeEngagements,
      (SELECT count(*) FROM engagements e WHERE e.vendor_id = o.id AND e.status = 'completed') AS completedEngagements,
      coalesce((SELECT json_group_object(s.sector, s.n) FROM (
        SELECT n.sector AS sector, count(*) AS n FROM engagements e JOIN needs n ON n.id = e.need_id
        WHERE e.vendor_id = o.id AND e.status = 'completed' GROUP BY n.sector) s), '{}') AS completedBySector,
      (SELECT count(*) ${milestonesOf} AND ${milestoneCountsAsDue(M, now)}) AS milestonesDue,
      (SELECT count(*) ${milestonesOf} AND ${milestoneCountsAsDue(M, now)} AND ${milestoneIsOnTime(M)}) AS milestonesOnTime,
      (SELECT min(m.due_at) ${milestonesOf} AND m.first_submitted_at IS NULL AND m.due_at >= ${now}) AS nextDueAt,
      (SELECT count(*) FROM reviews r WHERE r.vendor_id = o.id) AS reviewCount,
      (SELECT coalesce(sum(r.quality), 0) FROM reviews r WHERE r.vendor_id = o.id) AS qualitySum,
      (SELECT coalesce(sum(r.schedule), 0) FROM reviews r WHERE r.vendor_id = o.id) AS scheduleSum,
      (SELECT coalesce(sum(r.value), 0) FROM reviews r WHERE r.vendor_id = o.id) AS valueSum,
      (SELECT coalesce(sum(r.communication), 0) FROM reviews r WHERE r.vendor_id = o.id) AS communicationSum,
      (SELECT coalesce(sum(r.recommend), 0) FROM reviews r WHERE r.vendor_id = o.id) AS recommendSum,
      ${now} AS refreshedAt
    ${vendors}`;
}

const ALL_VENDORS = sql`FROM organisations o WHERE o.kind = 'vendor'`;
/** These vendors, each found by its key (CROSS JOIN: the list drives, not the vendors' index). */
const idsIn = (ids: readonly string[]) =>
  sql`FROM json_each(${JSON.stringify(ids)}) j CROSS JOIN organisations o ON o.id = j.value WHERE o.kind = 'vendor'`;

/** Recomputes the vendors' rows, in the caller's transaction: every event that changes a figure calls it. */
export function refreshVendorStats(tx: DbOrTx, vendorIds: string | readonly string[], now = Date.now()) {
  const ids = typeof vendorIds === "string" ? [vendorIds] : vendorIds;
  if (ids.length === 0) return;
  tx.run(sql`INSERT OR REPLACE INTO vendor_stats (${COLUMNS}) ${statsSelect(now, idsIn(ids))}`);
}

/**
 * Every vendor's row from scratch, in one transaction: for bulk loads (the benchmark's builder
 * calls it after its inserts) and tests. Pure in the sense that it reads only the history.
 */
export function rebuildVendorStats(db: DbOrTx = getDb(), now = Date.now()): number {
  const run = (tx: DbOrTx) => {
    tx.run(sql`DELETE FROM vendor_stats`);
    return tx.run(sql`INSERT INTO vendor_stats (${COLUMNS}) ${statsSelect(now, ALL_VENDORS)}`).changes;
  };
  return "transaction" in db ? db.transaction(run) : run(db);
}

export type VendorStats = typeof schema.vendorStats.$inferSelect;

/** The rows `statsSelect` computes as of `now`, without writing them (tests, the repair). */
export function computedVendorStats(vendorIds: readonly string[], now = Date.now(), db: DbOrTx = getDb()) {
  if (vendorIds.length === 0) return [];
  return db.all<VendorStats>(statsSelect(now, idsIn(vendorIds)));
}

/** The stored rows of these vendors (absent ones have no history yet). */
export function storedVendorStats(vendorIds: readonly string[], db: DbOrTx = getDb()): Map<string, VendorStats> {
  if (vendorIds.length === 0) return new Map();
  const ids = JSON.stringify(vendorIds);
  const build = (on: DbOrTx, idList: SQL | Placeholder) =>
    on
      .select()
      .from(schema.vendorStats)
      .where(sql`${schema.vendorStats.vendorId} IN (SELECT value FROM json_each(${idList}))`);
  // On the connection (a page of the directory), built and prepared once; in a transaction, as is.
  const rows =
    db === getDb()
      ? preparedOnce(getDb(), "vendorStats.stored", () => build(db, sql.placeholder("ids")).prepare()).all({ ids })
      : build(db, sql`${ids}`).all();
  return new Map(rows.map((r) => [r.vendorId, r]));
}

/** A vendor's completed engagements and milestones due and on time (the directory's and compare's record). */
export type TrackRecord = { completed: number; due: number; onTime: number };

/**
 * Each vendor's track record exact as of `now`, for a page of vendors (the directory, compare): the
 * stored row where time has not changed it since it was written (read at or before `now`, and no
 * never-submitted milestone has fallen due since: `next_due_at` not passed), and the figures
 * computed from the vendor's history for the others (the sweep has not reached them yet, or no row).
 * The same numbers as `trackRecords` of engagements.server.ts, mostly without reading any history.
 */
export function trackRecordsNow(
  vendorIds: readonly string[],
  now = Date.now(),
  db: DbOrTx = getDb(),
): Map<string, TrackRecord> {
  const ids = [...new Set(vendorIds)];
  const stored = storedVendorStats(ids, db);
  const exact = (s: VendorStats | undefined): s is VendorStats =>
    !!s && s.refreshedAt <= now && (s.nextDueAt === null || s.nextDueAt >= now);
  const stale = ids.filter((id) => !exact(stored.get(id)));
  const computed = new Map(computedVendorStats(stale, now, db).map((r) => [r.vendorId, r]));
  const out = new Map<string, TrackRecord>();
  for (const id of ids) {
    const row = stale.includes(id) ? computed.get(id) : stored.get(id);
    out.set(id, {
      completed: row?.completedEngagements ?? 0,
      due: row?.milestonesDue ?? 0,
      onTime: row?.milestonesOnTime ?? 0,
    });
  }
  return out;
}

/** What matching needs from a vendor's row; zeros for a vendor with no row. */
export function trackOf(stats: VendorStats | undefined) {
  return {
    activeEngagements: stats?.activeEngagements ?? 0,
    completedBySector: (stats ? JSON.parse(stats.completedBySector) : {}) as Partial<Record<Sector, number>>,
    milestonesDue: stats?.milestonesDue ?? 0,
    milestonesOnTime: stats?.milestonesOnTime ?? 0,
  };
}

const sameFigures = (a: VendorStats, b: VendorStats | undefined) =>
  !!b &&
  a.activeEngagements === b.activeEngagements &&
  a.completedEngagements === b.completedEngagements &&
  sameJson(a.completedBySector, b.completedBySector) &&
  a.milestonesDue === b.milestonesDue &&
  a.milestonesOnTime === b.milestonesOnTime &&
  a.nextDueAt === b.nextDueAt &&
  a.reviewCount === b.reviewCount &&
  a.qualitySum === b.qualitySum &&
  a.scheduleSum === b.scheduleSum &&
  a.valueSum === b.valueSum &&
  a.communicationSum === b.communicationSum &&
  a.recommendSum === b.recommendSum;

function sameJson(a: string, b: string) {
  const x = JSON.parse(a) as Record<string, number>;
  const y = JSON.parse(b) as Record<string, number>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}

/**
 * The sweep's repair of one slice of vendors, in the caller's transaction: each row that differs
 * from its history (or is missing) is rewritten. Returns how many were.
 */
export function repairVendorStatsSlice(tx: DbOrTx, vendorIds: readonly string[], now: number): number {
  if (vendorIds.length === 0) return 0;
  const stored = storedVendorStats(vendorIds, tx);
  const drifted = computedVendorStats(vendorIds, now, tx)
    .filter((c) => !sameFigures(c, stored.get(c.vendorId)))
    .map((c) => c.vendorId);
  refreshVendorStats(tx, drifted, now);
  return drifted.length;
}

/** Vendors whose `milestones_due` changed by itself: an unsubmitted milestone fell due before `now`. */
export function vendorsWithDueDatePassed(now: number, db: DbOrTx = getDb()): string[] {
  return db
    .select({ id: schema.vendorStats.vendorId })
    .from(schema.vendorStats)
    .where(sql`${schema.vendorStats.nextDueAt} < ${now}`)
    .all()
    .map((r) => r.id);
}

/** Every vendor id, in keyset order (the sweep's repair walks them a slice at a time). */
export function allVendorIds(db: DbOrTx = getDb()): string[] {
  return db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(sql`${schema.organisations.kind} = 'vendor'`)
    .all()
    .map((r) => r.id);
}
