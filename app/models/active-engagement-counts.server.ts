/**
 * Active engagements by their need's sector and health rank (ADR 012 §7): the staff dashboard's
 * chart. The table is kept by triggers on `engagements` (migration 0024: an award, a health
 * change, completion or termination), so the dashboard reads a few dozen rows instead of every
 * active engagement and its need; the sweep compares it with the count from scratch and repairs
 * any drift (a need's sector edited under an active engagement, a write outside the triggers).
 */
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client.server";
import type { Sector } from "~/lib/reference";

export type ActiveCount = { sector: Sector; rank: number; n: number };

const byKey = (rows: readonly ActiveCount[]) =>
  rows
    .filter((r) => r.n > 0)
    .map((r) => `${r.sector}:${r.rank}:${r.n}`)
    .sort()
    .join();

/** The stored counts (only the groups that have engagements). */
export function storedActiveCounts(db: DbOrTx = getDb()): ActiveCount[] {
  return db.all<ActiveCount>(sql`
    SELECT sector, health_rank AS rank, engagements AS n FROM active_engagement_counts WHERE engagements > 0`);
}

/** The same counts from the engagements themselves (the definition the table keeps). */
export function activeCountsFromScratch(db: DbOrTx = getDb()): ActiveCount[] {
  return db.all<ActiveCount>(sql`
    SELECT n.sector AS sector, e.health_rank AS rank, count(*) AS n
    FROM engagements e JOIN needs n ON n.id = e.need_id
    WHERE e.status = 'active' GROUP BY n.sector, e.health_rank`);
}

/**
 * Rewrites the table from scratch when it differs (inside the sweep's transaction); the number of
 * groups that were wrong, 0 when it was right.
 */
export function repairActiveEngagementCounts(tx: DbOrTx): number {
  const stored = storedActiveCounts(tx);
  const truth = activeCountsFromScratch(tx);
  if (byKey(stored) === byKey(truth)) return 0;
  const key = (r: ActiveCount) => `${r.sector}:${r.rank}`;
  const was = new Map(stored.map((r) => [key(r), r.n]));
  const is = new Map(truth.map((r) => [key(r), r.n]));
  const wrong = new Set([...was.keys(), ...is.keys()].filter((k) => was.get(k) !== is.get(k))).size;
  tx.run(sql`DELETE FROM active_engagement_counts`);
  for (const r of truth)
    tx.run(
      sql`INSERT INTO active_engagement_counts (sector, health_rank, engagements) VALUES (${r.sector}, ${r.rank}, ${r.n})`,
    );
  return wrong;
}
