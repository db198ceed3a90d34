/**
 * Matchmaking (docs/product.md §8): the vendors for a need, the needs for a vendor, and the vendors
 * behind an assessment's recommendations (invitations to bid are invitations.server.ts). The score
 * itself is the pure app/lib/matching.ts; this module only gathers its inputs.
 *
 * Nothing here reads a whole table into memory: the candidates are filtered in SQL (vetted now,
 * offering the category or a related one) in the same query that reads every fact about them, one
 * row per vendor (`vendorFacts`), each fact served by an index on the vendor's key. The track
 * record (engagements, completed by sector, milestones on time) is read from the maintained
 * `vendor_stats` rows (vendor-stats.server.ts, ADR 012), never aggregated from history per request;
 * the market figures are reused while no write and no passing moment has changed them.
 */
import type Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type DB } from "../../db/client.server";
import {
  bestPossibleNeedMatch,
  bestPossibleRank,
  compareNeedMatches,
  compareVendorRanks,
  marketStatsFrom,
  rankNeedsForVendor,
  rankVendors,
  rankVendorsForCategory,
  relatedCategories,
  scoreCeiling,
  scoreVendor,
  SECTOR_ENGAGEMENTS_SATURATION,
  type MarketStats,
  type MatchScore,
  type NeedForMatch,
  type NeedMatch,
  type PackageForMatch,
  type VendorForMatch,
  type VendorRank,
} from "~/lib/matching";
import { MILESTONE_DELIVERED } from "~/lib/delivery-rules";
import { SECTORS, type Category, type Sector, type StaffOrganisation } from "~/lib/reference";
import { milestoneAlias, milestoneIsOnTime } from "./delivery-sql.server";
import { invitedVendorIds } from "./invitations.server";
import { vettedNowConditions } from "./directory.server";

/** How many vendors the SME sees for its need, and needs a vendor sees on its home. */
export const MATCH_LIMIT = 10;
export const VENDOR_HOME_MATCH_LIMIT = 5;
export const ASSESSMENT_VENDORS_PER_CATEGORY = 3;

const idsJson = (ids: readonly string[]) => JSON.stringify(ids);
const inIds = (column: SQL, ids: readonly string[]) => sql`${column} IN (SELECT value FROM json_each(${idsJson(ids)}))`;

// ---------------------------------------------------------------------------------------------
// Delivery facts: milestones on time, open risk flags

/**
 * The on-time rule of app/lib/delivery-rules.ts (`countsAsDue`, `isOnTime`), in SQL over the
 * milestones aliased `m`: the public profile, the monitoring rules and matching read the same numbers.
 */
const M = milestoneAlias("m");

// ---------------------------------------------------------------------------------------------
// Market statistics

type MarketTotals = { ratingSumX100: number; ratingCount: number; due: number; onTime: number };

/**
 * The market figures as of `now`, and until when they stay exact without a write: the earliest
 * vetting expiry among the vendors whose rating they hold (one leaving drops its rating out) and
 * the earliest due date still ahead of a never-submitted milestone (one passing becomes due). A
 * vendor not vetted now cannot become so, nor a milestone stop being due, by time alone.
 */
function marketTotals(now: number, db: DB): MarketTotals & { until: number } {
  const row = db.get<MarketTotals & { ratingUntil: number | null; dueUntil: number | null }>(sql`
    SELECT
      coalesce(sum(p.rating_avg_x100 * p.rating_count), 0) AS ratingSumX100,
      coalesce(sum(p.rating_count), 0) AS ratingCount,
      min(p.vetting_expires_at) AS ratingUntil,
      (SELECT count(*) FROM engagement_milestones m WHERE ${milestoneIsOnTime(M)}) AS onTime,
      (SELECT count(*) FROM engagement_milestones m WHERE m.status = ${MILESTONE_DELIVERED})
        + (SELECT count(*) FROM engagement_milestones m
           WHERE m.first_submitted_at IS NULL AND m.due_at < ${now} AND m.status <> ${MILESTONE_DELIVERED}) AS due,
      (SELECT min(m.due_at) FROM engagement_milestones m
       WHERE m.first_submitted_at IS NULL AND m.due_at >= ${now}) AS dueUntil
    FROM organisations o JOIN vendor_profiles p ON p.organisation_id = o.id
    WHERE ${sql.join(vettedNowConditions(now), sql` AND `)} AND p.rating_avg_x100 IS NOT NULL AND p.rating_count > 0`);
  return {
    ratingSumX100: row?.ratingSumX100 ?? 0,
    ratingCount: row?.ratingCount ?? 0,
    due: row?.due ?? 0,
    onTime: row?.onTime ?? 0,
    until: Math.min(row?.ratingUntil ?? Infinity, row?.dueUntil ?? Infinity),
  };
}

/** The last market figures of each connection, with the database version they were read at. */
const lastMarket = new WeakMap<
  object,
  { version: number | undefined; from: number; until: number; totals: MarketTotals }
>();

/**
 * The priors that smoothing pulls toward: the mean rating of the verified reviews of vetted
 * vendors, and the on-time rate of every due milestone (the milestone counts are read from the
 * covering indexes engagement_milestones_status_submitted_due_idx and
 * engagement_milestones_submitted_due_idx; `countsAsDue` is split into its two disjoint halves).
 *
 * Counting them reads every milestone of the market (20–50 ms at city scale), and every page that
 * scores a match asks for them, so the last figures are reused while they are still exact (ADR 012,
 * "market figures"): no write since to anything they count (`market_version`, moved by triggers on
 * milestones, vendor profiles and organisations; a bid does not move it) and `now` inside the
 * window in which time alone changes nothing (`marketTotals`). Never inside a transaction, which
 * may yet roll back.
 */
export function marketStats(now = Date.now(), db: DB = getDb()): MarketStats {
  const client = (db as { $client?: Database.Database }).$client;
  let totals: MarketTotals;
  if (!client || client.inTransaction) totals = marketTotals(now, db);
  else {
    const version = db.get<{ n: number }>(sql`SELECT n FROM market_version WHERE id = 1`)?.n;
    const last = lastMarket.get(client);
    if (version !== undefined && last && last.version === version && last.from <= now && now < last.until)
      totals = last.totals;
    else {
      const { until, ...fresh } = marketTotals(now, db);
      lastMarket.set(client, { version, from: now, until, totals: fresh });
      totals = fresh;
    }
  }
  return marketStatsFrom({
    ratingSum: totals.ratingSumX100 / 100,
    ratingCount: totals.ratingCount,
    milestonesDue: totals.due,
    milestonesOnTime: totals.onTime,
  });
}

// ---------------------------------------------------------------------------------------------
// Candidates and their facts

type VendorRow = { id: string; name: string; ratingAvg: number | null; ratingCount: number };

/** Vetted-now vendors offering one of `categories` (exact ids): the candidates, filtered in SQL. */
const offering = (categories: readonly Category[]) =>
  sql`o.id IN (SELECT c.vendor_id FROM vendor_categories c WHERE c.category IN (${sql.join(
    categories.map((c) => sql`${c}`),
    sql`, `,
  )}))`;

/** Vetted-now vendors among `ids`; the others are left out (they have no score). */
const among = (ids: readonly string[]) => inIds(sql`o.id`, ids);

type FactRow = VendorRow & {
  categories: string;
  sectors: string;
  packages: string;
  activeEngagements: number | null;
  completedBySector: string | null;
  milestonesDue: number | null;
  milestonesOnTime: number | null;
  openFlags: number;
};

type TrackRecordRow = VendorRow & {
  activeEngagements: number | null;
  milestonesDue: number | null;
  milestonesOnTime: number | null;
};

/** The facts of a vendor's row that every score reads the same way, whichever query read them. */
const trackRecord = (r: TrackRecordRow) => ({
  id: r.id,
  name: r.name,
  vetted: true,
  ratingSum: r.ratingAvg !== null ? (r.ratingAvg / 100) * r.ratingCount : 0,
  ratingCount: r.ratingAvg !== null ? r.ratingCount : 0,
  milestonesDue: r.milestonesDue ?? 0,
  milestonesOnTime: r.milestonesOnTime ?? 0,
  activeEngagements: r.activeEngagements ?? 0,
});

/**
 * The vetted-now vendors that `which` selects (over `organisations o`), each with every fact the
 * score needs, in one query: each list (categories, sectors, packages) and the open risk flags a
 * subquery served by the vendor's key in its index, the track record its maintained `vendor_stats`
 * row (ADR 012). One row per candidate, however many facts: at city scale a need's candidates are
 * thousands of vendors, and a query per fact over their ids read each vendor several times.
 * `sector` gives `completedInSector` (completed engagements whose need is of that sector);
 * `packageCategory` keeps only the packages of one category (the need's: no other package counts
 * for price). `completedBySector` is every sector's count (a vendor's own recommendations).
 */
function vendorFacts(
  db: DB,
  which: SQL,
  opts: { sector: Sector | null; packageCategory: Category | null; now: number },
): { row: VendorRow; vendor: VendorForMatch; completedBySector: Partial<Record<Sector, number>> }[] {
  const rows = db.all<FactRow>(sql`
    SELECT o.id AS id, o.legal_name AS name, p.rating_avg_x100 AS ratingAvg, p.rating_count AS ratingCount,
      (SELECT json_group_array(c.category) FROM vendor_categories c WHERE c.vendor_id = o.id) AS categories,
      (SELECT json_group_array(s.sector) FROM vendor_sectors s WHERE s.vendor_id = o.id) AS sectors,
      (SELECT json_group_array(json_array(sp.category, sp.price_from, sp.price_to)) FROM service_packages sp
       WHERE sp.vendor_id = o.id AND sp.removed_at IS NULL
         ${opts.packageCategory ? sql`AND sp.category = ${opts.packageCategory}` : sql``}) AS packages,
      vs.active_engagements AS activeEngagements, vs.completed_by_sector AS completedBySector,
      vs.milestones_due AS milestonesDue, vs.milestones_on_time AS milestonesOnTime,
      (SELECT count(*) FROM flags f WHERE f.vendor_id = o.id AND f.status IN ('open', 'acknowledged')
         AND f.subject_type = 'engagement') AS openFlags
    FROM organisations o JOIN vendor_profiles p ON p.organisation_id = o.id
      LEFT JOIN vendor_stats vs ON vs.vendor_id = o.id
    WHERE ${sql.join(vettedNowConditions(opts.now), sql` AND `)} AND ${which}`);
  return rows.map((r) => {
    const completedBySector = (r.completedBySector ? JSON.parse(r.completedBySector) : {}) as Partial<
      Record<Sector, number>
    >;
    const packages = (JSON.parse(r.packages) as [Category, number, number][]).map(
      ([category, priceFrom, priceTo]): PackageForMatch => ({ category, priceFrom, priceTo }),
    );
    const vendor: VendorForMatch = {
      ...trackRecord(r),
      categories: JSON.parse(r.categories) as Category[],
      sectors: JSON.parse(r.sectors) as Sector[],
      packages,
      completedInSector: opts.sector ? (completedBySector[opts.sector] ?? 0) : 0,
      openFlags: r.openFlags,
    };
    return {
      row: { id: r.id, name: r.name, ratingAvg: r.ratingAvg, ratingCount: r.ratingCount },
      vendor,
      completedBySector,
    };
  });
}

const forMatch = (need: Pick<NeedForMatch, "id" | "category" | "sector" | "budgetMin" | "budgetMax">) => ({
  id: need.id,
  category: need.category,
  sector: need.sector,
  budgetMin: need.budgetMin,
  budgetMax: need.budgetMax,
});

// ---------------------------------------------------------------------------------------------
// For the SME: the vendors for its need

export type RankedVendor = MatchScore & { vendorId: string; name: string; invited: boolean };

/** The vendors for a need, best first: vetted now, offering its category or a related one. */
export function rankVendorsForNeed(
  need: NeedForMatch,
  opts: { limit?: number; now?: number; db?: DB } = {},
): RankedVendor[] {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const limit = Math.max(0, opts.limit ?? MATCH_LIMIT);
  if (limit === 0) return [];
  const stats = marketStats(now, db);
  const ranked = keptRanking(db, need, limit, now, stats);
  const invited = invitedVendorIds(need.id, db);
  return ranked.map((r) => ({ ...r, invited: invited.has(r.vendorId) }));
}

type Ranking = (MatchScore & { vendorId: string; name: string })[];

/** How many needs' rankings and vendors' recommendations a connection keeps (the oldest used goes first). */
const KEPT_LISTS = 1000;

type Kept = { version: string; stats: MarketStats; from: number; until: number; value: unknown };
const keptLists = new WeakMap<object, Map<string, Kept>>();

const sameStats = (a: MarketStats, b: MarketStats) => a.meanRating === b.meanRating && a.onTimeRate === b.onTimeRate;

/** The earliest vetting expiry still ahead of a listed vendor: until then none leaves the list by time alone. */
const listedUntil = (db: DB, now: number) =>
  db.get<{ until: number | null }>(
    sql`SELECT min(listed_until) AS until FROM vendor_profiles WHERE listed_until > ${now}`,
  )?.until ?? Infinity;

/**
 * `read()`, reused while it is still exact (ADR 012): the same `version` (a counter row moved by
 * triggers on what the list is made of), the same market figures, and `now` between the moment
 * it was read and the earliest of a listed vendor's vetting expiry and `until(value)`. Never
 * inside a transaction, which may yet roll back, nor on a database without the counters.
 */
function keptWhileExact<T>(
  db: DB,
  key: string,
  version: SQL,
  now: number,
  stats: MarketStats,
  read: () => T,
  until: (value: T) => number = () => Infinity,
): T {
  const client = (db as { $client?: Database.Database }).$client;
  if (!client || client.inTransaction) return read();
  const current = db.get<{ v: string | number | null }>(version)?.v;
  if (current === undefined || current === null) return read();
  let kept = keptLists.get(client);
  if (!kept) keptLists.set(client, (kept = new Map()));
  const last = kept.get(key);
  kept.delete(key);
  if (
    last &&
    last.version === String(current) &&
    last.from <= now &&
    now < last.until &&
    sameStats(last.stats, stats)
  ) {
    kept.set(key, last);
    return last.value as T;
  }
  const value = read();
  kept.set(key, {
    version: String(current),
    stats,
    from: now,
    until: Math.min(listedUntil(db, now), until(value)),
    value,
  });
  if (kept.size > KEPT_LISTS) kept.delete(kept.keys().next().value!);
  return value;
}

/**
 * A need's ranking (`rankedForNeed`), reused while it is still exact (ADR 012, "a need's ranked
 * vendors"): no write since to anything its candidates are made of (`matching_version`, moved by
 * triggers on vendors' organisations, profiles, categories, sectors, packages, flags and maintained
 * track records; a bid does not move it), the same market figures, and `now` between the moment
 * it was read and the earliest vetting expiry of a listed vendor (a vetting running out can change
 * the list; no vendor becomes vetted by time alone).
 */
function keptRanking(db: DB, need: NeedForMatch, limit: number, now: number, stats: MarketStats): Ranking {
  return keptWhileExact(
    db,
    `need|${need.id}|${need.category}|${need.sector}|${need.budgetMin}|${need.budgetMax}|${limit}`,
    sql`SELECT n AS v FROM matching_version WHERE id = 1`,
    now,
    stats,
    () => rankedForNeed(db, need, limit, now, stats),
  );
}

/** The ranking read from the candidates' rows: a tier at a time, best first. */
function rankedForNeed(db: DB, need: NeedForMatch, limit: number, now: number, stats: MarketStats): Ranking {
  const target = forMatch(need);
  const scored: { vendor: VendorForMatch; rank: VendorRank }[] = [];
  const last = () => (scored.length >= limit ? scored[limit - 1]!.rank : null);
  // The candidates a tier at a time, best first: no vendor of a tier can score above its ceiling,
  // so once the list's last vendor scores above it, none of that tier can enter the list.
  let hopefuls: VendorRank[] = [];
  for (const tier of candidateTiers(target)) {
    const cutoff = last();
    if (cutoff && cutoff.match.score > tier.ceiling) continue;
    hopefuls = [...hopefuls, ...bestPossibleRanks(db, target, tier, now, stats)].sort(compareVendorRanks);
    // Scored in full, best possible first, until none left could still make the list.
    let next = 0;
    while (next < hopefuls.length) {
      const cutoff = last();
      if (cutoff && compareVendorRanks(cutoff, hopefuls[next]!) < 0) break;
      const batch = hopefuls.slice(next, next + FULL_SCORE_BATCH).map((h) => h.match.vendorId);
      next += batch.length;
      for (const { vendor } of vendorFacts(db, among(batch), {
        sector: need.sector,
        packageCategory: need.category,
        now,
      })) {
        const match = scoreVendor(target, vendor, stats);
        if (!match) continue;
        scored.push({
          vendor,
          rank: { match: { vendorId: vendor.id, ...match }, completed: vendor.completedInSector },
        });
      }
      scored.sort((a, b) => compareVendorRanks(a.rank, b.rank));
      scored.length = Math.min(scored.length, limit);
    }
    hopefuls = hopefuls.slice(next);
  }
  const names = new Map(scored.map((s) => [s.vendor.id, s.vendor.name]));
  return rankVendors(
    target,
    scored.map((s) => s.vendor),
    stats,
    limit,
  ).map((r) => ({ ...r, name: names.get(r.vendorId) ?? "" }));
}

/** How many candidates are scored in full at a time (one query for their packages, lists and flags). */
const FULL_SCORE_BATCH = 2 * MATCH_LIMIT;

/**
 * A part of a need's candidates, by what decides the category and sector parts of their score:
 * offering the category itself (or only a related one), declaring the sector, and how many
 * engagements in it they completed (`completed` from..to, to null for no upper end).
 */
type Tier = { ceiling: number } & (
  | { offers: "category"; declared: true }
  | { offers: "category"; declared: false; completed: [number, number | null] }
  | { offers: "related" }
);

/**
 * The need's candidates in tiers of descending ceiling (`scoreCeiling`): those offering the
 * category and declaring the sector; those offering it with engagements completed in the sector,
 * most first; those offering it with neither; those offering only a related category. Every
 * candidate is in exactly one tier. Each tier is found by index (a category's vendors, a sector's
 * completions in vendor_sector_completions), so a need with a strong list reads few of them.
 */
function candidateTiers(need: NeedForMatch): Tier[] {
  const own = { categories: [need.category], sectors: [] as Sector[] };
  const completed: Tier[] = [];
  for (let n = SECTOR_ENGAGEMENTS_SATURATION; n >= 1; n--) {
    completed.push({
      offers: "category",
      declared: false,
      completed: [n, n === SECTOR_ENGAGEMENTS_SATURATION ? null : n],
      ceiling: scoreCeiling(need, { ...own, completedInSector: n }),
    });
  }
  return [
    { offers: "category", declared: true, ceiling: 100 },
    ...completed,
    {
      offers: "category",
      declared: false,
      completed: [0, 0],
      ceiling: scoreCeiling(need, { ...own, completedInSector: 0 }),
    },
    {
      offers: "related",
      ceiling: scoreCeiling(need, {
        categories: relatedCategories(need.category),
        sectors: [need.sector],
        completedInSector: SECTOR_ENGAGEMENTS_SATURATION,
      }),
    },
  ];
}

/** The vendors of a tier (over `vendor_categories c` for the category's, by their `c.vendor_id`). */
function tierVendors(need: NeedForMatch, tier: Tier): SQL {
  const declares = (vendorId: SQL) =>
    sql`EXISTS (SELECT 1 FROM vendor_sectors s WHERE s.vendor_id = ${vendorId} AND s.sector = ${need.sector})`;
  const offersCategory = (vendorId: SQL) =>
    sql`EXISTS (SELECT 1 FROM vendor_categories c WHERE c.vendor_id = ${vendorId} AND c.category = ${need.category})`;
  if (tier.offers === "related") {
    return sql`${offering(relatedCategories(need.category))} AND NOT ${offersCategory(sql`o.id`)}`;
  }
  if (tier.declared) {
    return sql`o.id IN (SELECT c.vendor_id FROM vendor_categories c
      WHERE c.category = ${need.category} AND ${declares(sql`c.vendor_id`)})`;
  }
  const [from, to] = tier.completed;
  if (from === 0) {
    return sql`o.id IN (SELECT c.vendor_id FROM vendor_categories c
      WHERE c.category = ${need.category} AND NOT ${declares(sql`c.vendor_id`)}
        AND NOT EXISTS (SELECT 1 FROM vendor_sector_completions x WHERE x.vendor_id = c.vendor_id AND x.sector = ${need.sector}))`;
  }
  return sql`o.id IN (SELECT x.vendor_id FROM vendor_sector_completions x
    WHERE x.sector = ${need.sector} AND x.completed >= ${from} ${to === null ? sql`` : sql`AND x.completed <= ${to}`}
      AND ${offersCategory(sql`x.vendor_id`)} AND NOT ${declares(sql`x.vendor_id`)})`;
}

/**
 * A tier's candidates, vetted now, each with the best rank it could have (`bestPossibleRank`):
 * one row per vendor of the facts read from its own rows — its rating, its maintained
 * `vendor_stats` — without its packages, lists or flags, which only a full score reads.
 */
function bestPossibleRanks(db: DB, need: NeedForMatch, tier: Tier, now: number, stats: MarketStats): VendorRank[] {
  const related = relatedCategories(need.category);
  if (tier.offers === "related" && related.length === 0) return [];
  const rows = db.all<TrackRecordRow & { declared: number; completed: number | null }>(sql`
    SELECT o.id AS id, o.legal_name AS name, p.rating_avg_x100 AS ratingAvg, p.rating_count AS ratingCount,
      EXISTS (SELECT 1 FROM vendor_sectors s WHERE s.vendor_id = o.id AND s.sector = ${need.sector}) AS declared,
      vs.active_engagements AS activeEngagements, vs.milestones_due AS milestonesDue,
      vs.milestones_on_time AS milestonesOnTime,
      json_extract(vs.completed_by_sector, ${`$."${need.sector}"`}) AS completed
    FROM organisations o JOIN vendor_profiles p ON p.organisation_id = o.id
      LEFT JOIN vendor_stats vs ON vs.vendor_id = o.id
    WHERE ${sql.join(vettedNowConditions(now), sql` AND `)} AND ${tierVendors(need, tier)}`);
  const ranks: VendorRank[] = [];
  for (const r of rows) {
    const rank = bestPossibleRank(
      need,
      {
        ...trackRecord(r),
        // The category itself, or else the related ones (the vendor offers at least one of them).
        categories: tier.offers === "category" ? [need.category] : related,
        sectors: r.declared ? [need.sector] : [],
        packages: [],
        completedInSector: r.completed ?? 0,
        openFlags: 0,
      },
      stats,
    );
    if (rank) ranks.push(rank);
  }
  return ranks;
}

/** The match score of each vetted bidder; bidders no longer vetted have none. */
export function matchScoresForVendors(
  need: NeedForMatch,
  vendorIds: readonly string[],
  now = Date.now(),
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(matchesForVendors(need, vendorIds, now)).map(([id, match]) => [id, match.score]),
  );
}

/**
 * The whole score of each vetted vendor among `vendorIds` on the need — points and the reasons in
 * words — for the compare page, where the reasons are one click away.
 */
export function matchesForVendors(
  need: NeedForMatch,
  vendorIds: readonly string[],
  now = Date.now(),
): Record<string, MatchScore> {
  const db = getDb();
  if (vendorIds.length === 0) return {};
  const facts = vendorFacts(db, among([...new Set(vendorIds)]), {
    sector: need.sector,
    packageCategory: need.category,
    now,
  }).map((f) => f.vendor);
  const stats = marketStats(now, db);
  const out: Record<string, MatchScore> = {};
  for (const vendor of facts) {
    const result = scoreVendor(forMatch(need), vendor, stats);
    if (result) out[vendor.id] = result;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// For the vendor: recommended needs

export type RecommendedNeed = MatchScore & {
  needId: string;
  title: string;
  category: Category;
  organisationName: string;
  budgetMin: number;
  budgetMax: number;
  deadline: number;
};

/**
 * The open needs for a vendor, best first, with the same score from its side. Candidates are
 * filtered in SQL: open, deadline ahead, of a category it offers or a related one, and not already
 * bid on by it. A vendor that is not vetted now gets none (`vetted: false`).
 *
 * The last list of each vendor is reused while it is still exact (ADR 012, "a vendor's recommended
 * needs"): no write since to the vendor's facts or anything a candidate's are made of
 * (`matching_version`), to needs or bids (`recommendation_version`), the same market figures, and
 * `now` before the earliest deadline among the needs listed (one closing leaves the list; a need
 * read but not listed leaving cannot change it) and the earliest vetting expiry of a listed vendor.
 */
export function recommendedNeedsForVendor(
  vendorId: string,
  opts: { limit?: number; now?: number; db?: DB } = {},
): Recommendations {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const limit = Math.max(0, opts.limit ?? VENDOR_HOME_MATCH_LIMIT);
  const stats = marketStats(now, db);
  return keptWhileExact(
    db,
    `vendor|${vendorId}|${limit}`,
    sql`SELECT (SELECT n FROM matching_version WHERE id = 1) || '.' || (SELECT n FROM recommendation_version WHERE id = 1) AS v`,
    now,
    stats,
    () => recommendedFromRows(db, vendorId, limit, now, stats),
    (list) => Math.min(...list.needs.map((n) => n.deadline)),
  );
}

type Recommendations = { vetted: boolean; needs: RecommendedNeed[] };

/** The recommendations read from the rows: the open needs a level at a time, best possible first. */
function recommendedFromRows(
  db: DB,
  vendorId: string,
  limit: number,
  now: number,
  stats: MarketStats,
): Recommendations {
  const [self] = vendorFacts(db, among([vendorId]), { sector: null, packageCategory: null, now });
  if (!self) return { vetted: false, needs: [] };
  const { vendor, completedBySector } = self;
  if (vendor.categories.length === 0) return { vetted: true, needs: [] };
  type Candidate = NeedForMatch & { title: string; deadline: number; organisationName: string };
  const candidates: Candidate[] = [];
  let ranked: NeedMatch[] = [];
  // The open needs a level at a time, best possible first (`needLevels`): a level whose best
  // possible match ranks after the list's last is not read.
  for (const level of needLevels(vendor, completedBySector, stats)) {
    const last = ranked.length >= limit ? ranked[limit - 1] : undefined;
    if (limit === 0 || (last && compareNeedMatches(last, level.best) < 0)) continue;
    const rows = db.all<Candidate>(sql`
      SELECT n.id AS id, n.title AS title, n.category AS category, n.sector AS sector, n.budget_min AS budgetMin,
        n.budget_max AS budgetMax, n.deadline AS deadline, o.legal_name AS organisationName
      FROM needs n JOIN organisations o ON o.id = n.organisation_id
      WHERE n.status = 'open' AND n.deadline > ${now}
        AND n.category IN (${sql.join(
          level.categories.map((c) => sql`${c}`),
          sql`, `,
        )})
        AND n.sector IN (${sql.join(
          level.sectors.map((c) => sql`${c}`),
          sql`, `,
        )})
        AND NOT EXISTS (SELECT 1 FROM bids b WHERE b.need_id = n.id AND b.vendor_id = ${vendorId} AND b.status <> 'withdrawn')`);
    candidates.push(...rows);
    ranked = rankNeedsForVendor(vendor, candidates.map(forMatch), stats, limit, completedBySector);
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    vetted: true,
    needs: ranked.map((r) => {
      const n = byId.get(r.needId)!;
      return {
        ...r,
        title: n.title,
        category: n.category,
        organisationName: n.organisationName,
        budgetMin: n.budgetMin,
        budgetMax: n.budgetMax,
        deadline: n.deadline,
      };
    }),
  };
}

/**
 * The open needs a vendor could be recommended, in levels: needs of the categories it offers, then
 * of related ones (one category part each), each split by the sector part their sector gives it
 * (declared, engagements completed there). Within a level every need's match has the same
 * category and sector parts and at most the score of `best` (only the price part still depends on
 * the need), so a level whose `best` ranks after the list's last need cannot enter the list.
 * Ordered best first.
 */
function needLevels(
  vendor: VendorForMatch,
  completedBySector: Partial<Record<Sector, number>>,
  stats: MarketStats,
): { categories: Category[]; sectors: Sector[]; best: NeedMatch }[] {
  const own = [...new Set(vendor.categories)];
  const related = [...new Set(own.flatMap((c) => relatedCategories(c)))].filter((c) => !own.includes(c));
  const levels = new Map<string, { categories: Category[]; sectors: Sector[]; best: NeedMatch }>();
  for (const categories of [own, related]) {
    if (categories.length === 0) continue;
    for (const sector of SECTORS) {
      const best = bestPossibleNeedMatch(
        { ...vendor, completedInSector: completedBySector[sector] ?? 0 },
        { category: categories[0]!, sector },
        stats,
      );
      if (!best) continue;
      const key = `${categories === own ? "own" : "related"}:${best.score}:${best.parts.category}:${best.parts.sector}`;
      const level = levels.get(key);
      if (level) level.sectors.push(sector);
      else levels.set(key, { categories, sectors: [sector], best });
    }
  }
  return [...levels.values()].sort((a, b) => compareNeedMatches(a.best, b.best));
}

/**
 * The vendor's fit score (0–100) on each of the given needs, for the needs board: the same score
 * as its recommendations, from one set of facts for the whole page (a fixed number of queries,
 * not one per need). A need outside the vendor's categories has no score; a vendor not vetted
 * now gets none.
 */
export function fitScoresForVendor(
  vendorId: string,
  needs: readonly NeedForMatch[],
  now = Date.now(),
  db: DB = getDb(),
): Record<string, number> {
  if (needs.length === 0) return {};
  const [self] = vendorFacts(db, among([vendorId]), { sector: null, packageCategory: null, now });
  if (!self) return {};
  const { vendor, completedBySector } = self;
  const ranked = rankNeedsForVendor(vendor, needs.map(forMatch), marketStats(now, db), needs.length, completedBySector);
  return Object.fromEntries(ranked.map((r) => [r.needId, r.score]));
}

// ---------------------------------------------------------------------------------------------
// For the assessment: the vendors behind each recommended category

/** A vendor card under a recommended category: what an SME weighs first. */
export type CategoryVendor = {
  id: string;
  name: string;
  /** Average rating × 100 over `ratingCount` verified reviews; null with none. */
  ratingAvg: number | null;
  ratingCount: number;
  /** The lowest "from" price of its packages in the category, in đồng; null without a package. */
  priceFrom: number | null;
  vettedBy: StaffOrganisation | null;
};
export type CategoryVendors = Partial<Record<Category, CategoryVendor[]>>;

/**
 * For each category, the vetted vendors offering it that rank best on quality and availability
 * (`rankVendorsForCategory`): one candidate query for all the categories, one set of facts.
 */
export function topVendorsForCategories(
  categories: readonly Category[],
  perCategory = ASSESSMENT_VENDORS_PER_CATEGORY,
  now = Date.now(),
): CategoryVendors {
  const db = getDb();
  const unique = [...new Set(categories)];
  if (unique.length === 0) return {};
  const candidates = vendorFacts(db, offering(unique), { sector: null, packageCategory: null, now });
  if (candidates.length === 0) return {};
  const facts = candidates.map((c) => c.vendor);
  const stats = marketStats(now, db);
  const rows = new Map(candidates.map((c) => [c.row.id, c.row]));
  const byId = new Map(facts.map((f) => [f.id, f]));
  const vettedBy = new Map(
    db
      .all<{ id: string; vettedBy: StaffOrganisation | null }>(
        sql`SELECT organisation_id AS id, vetted_by AS vettedBy FROM vendor_profiles
            WHERE ${inIds(sql`organisation_id`, [...rows.keys()])}`,
      )
      .map((r) => [r.id, r.vettedBy]),
  );
  return Object.fromEntries(
    unique.map((category) => [
      category,
      rankVendorsForCategory(category, facts, stats, perCategory).map((r): CategoryVendor => {
        const row = rows.get(r.vendorId);
        const prices = (byId.get(r.vendorId)?.packages ?? [])
          .filter((p) => p.category === category)
          .map((p) => p.priceFrom);
        return {
          id: r.vendorId,
          name: row?.name ?? "",
          ratingAvg: row && row.ratingCount > 0 ? row.ratingAvg : null,
          ratingCount: row?.ratingAvg != null ? row.ratingCount : 0,
          priceFrom: prices.length ? Math.min(...prices) : null,
          vettedBy: vettedBy.get(r.vendorId) ?? null,
        };
      }),
    ]),
  );
}
