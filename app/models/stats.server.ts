/**
 * The public statistics (/stats, docs/product.md §11): the programme's aggregate figures, from the same
 * report functions as /staff/reports, over the whole programme. Nothing about any single SME: a
 * figure about fewer than 3 SMEs is suppressed (app/lib/report-figures.ts). The figures are a
 * snapshot (app/models/snapshots.server.ts): computed at most once every 15 minutes per process,
 * an aggregate at a time with the event loop given back in between, and kept with the time they
 * were computed: a request never waits for them unless they are older than 15 minutes.
 */
import type { DB } from "../../db/client.server";
import type { Category, Sector } from "~/lib/reference";
import { publishable, suppressSmallGroups } from "~/lib/report-figures";
import { defaultPeriod, type MonthKey } from "~/lib/report-period";
import {
  deliveryByMonth,
  engagementsByStatus,
  engagementTotals,
  levelChange,
  levelDistribution,
  needsByMonth,
  smeActivity,
  valueBySector,
  vendorStanding,
  vettedVendorsByCategory,
  type ReportFilter,
} from "./reports.server";
import { clearSnapshots, snapshot, SNAPSHOT_MAX_AGE_MS, SNAPSHOT_REFRESH_AFTER_MS, step } from "./snapshots.server";

export const STATS_MAX_AGE_MS = SNAPSHOT_MAX_AGE_MS;
/** From this age on, a request starts computing new figures in the background and is answered with the current ones. */
export const STATS_REFRESH_AFTER_MS = SNAPSHOT_REFRESH_AFTER_MS;

export type PublicStats = {
  computedAt: number;
  smesAssessed: number;
  /** `smes` is null where suppressed */
  levels: { level: number; smes: number | null }[];
  /** null when fewer than 3 SMEs were assessed, or a level is suppressed (the mean would give it away) */
  averageLevel: number | null;
  outcomes: {
    /** null when there is none, or it rests on fewer than 3 SMEs */
    overall: { engagements: number; change: number } | null;
    byCategory: { category: Category; engagements: number; change: number }[];
    suppressedCategories: number;
  };
  vendorsVetted: number;
  vendorsByCategory: { category: Category; vendors: number }[];
  needs: {
    posted: number;
    awarded: number;
    months: { month: MonthKey; posted: number; awarded: number }[];
  };
  engagements: {
    active: number;
    completed: number;
    terminated: number;
    milestonesDue: number;
    milestonesOnTime: number;
  };
  value: {
    /** null when every engagement so far is of fewer than 3 SMEs */
    total: number | null;
    bySector: { sector: Sector; engagements: number; value: number }[];
    suppressedSectors: number;
  };
};

/** The whole programme, up to now. */
function allTime(now: number): ReportFilter {
  return { start: 0, end: Number.MAX_SAFE_INTEGER, months: [], now };
}

export async function computePublicStats(now = Date.now(), db?: DB): Promise<PublicStats> {
  const all = allTime(now);
  const recent = defaultPeriod(now);

  const levels = await step(() => levelDistribution(all, db));
  const shownLevels = suppressSmallGroups(levels.levels);

  const outcomes = await step(() => levelChange(all, db));
  const categories = suppressSmallGroups(outcomes.byCategory);

  const needsAll = (await step(() => needsByMonth(all, db, { bids: false }))).total;
  const needsRecent = (
    await step(() =>
      needsByMonth({ start: recent.start, end: recent.end, months: recent.months, now }, db, { bids: false }),
    )
  ).months;

  const statuses = await step(() => engagementsByStatus(all, db));
  const count = (s: string) => statuses.find((r) => r.status === s)?.engagements ?? 0;
  const delivery = (await step(() => deliveryByMonth(all, db))).total;

  const sectors = suppressSmallGroups(await step(() => valueBySector(all, db)));
  const totals = await step(() => engagementTotals(all, db));
  const assessed = (await step(() => smeActivity(all, db))).total.assessed;
  const vetted = (await step(() => vendorStanding(all, db))).vetted;
  const byCategory = await step(() => vettedVendorsByCategory(all, db));

  return {
    computedAt: now,
    smesAssessed: assessed,
    levels: shownLevels.map((l) => ({ level: l.level, smes: l.suppressed ? null : l.smes })),
    averageLevel: publishable(levels.smes) && !shownLevels.some((l) => l.suppressed) ? levels.average : null,
    outcomes: {
      overall:
        outcomes.overall && publishable(outcomes.overall.smes)
          ? { engagements: outcomes.overall.engagements, change: outcomes.overall.change }
          : null,
      byCategory: categories
        .filter((c) => !c.suppressed)
        .map((c) => ({ category: c.category, engagements: c.engagements, change: c.change })),
      suppressedCategories: categories.filter((c) => c.suppressed).length,
    },
    vendorsVetted: vetted,
    vendorsByCategory: byCategory,
    needs: {
      posted: needsAll.posted,
      awarded: needsAll.awarded,
      months: needsRecent.map((m) => ({ month: m.month, posted: m.posted, awarded: m.awarded })),
    },
    engagements: {
      active: count("active"),
      completed: count("completed"),
      terminated: count("terminated"),
      milestonesDue: delivery.milestonesDue,
      milestonesOnTime: delivery.milestonesOnTime,
    },
    value: {
      total: publishable(totals.smes) ? totals.value : null,
      bySector: sectors
        .filter((s) => !s.suppressed)
        .map((s) => ({ sector: s.sector, engagements: s.engagements, value: s.value })),
      suppressedSectors: sectors.filter((s) => s.suppressed).length,
    },
  };
}

/**
 * The figures, never more than 15 minutes old (app/models/snapshots.server.ts): past 12 minutes
 * the request that notices starts a new computation and is answered with the current figures;
 * past 15, it waits for new ones.
 */
export async function getPublicStats(now = Date.now()): Promise<PublicStats> {
  return (await snapshot("stats", (at) => computePublicStats(at), now)).value;
}

export function clearPublicStatsCache() {
  clearSnapshots("stats");
}
