/**
 * The programme's reports (docs/product.md §11, issue 13): aggregates over a period of whole months and an
 * optional sector, read straight from the tables. Every query is served by an index and bounded
 * by the period: scripts/bench-reports.ts prints each one's plan and time on 5,000 vendors,
 * 100,000 needs and 500,000 bids. The arithmetic that is not counting lives in
 * app/lib/report-figures.ts.
 *
 * One module though over 400 lines: it is one report, each query a short aggregate over the same
 * `ReportFilter` and period bounds, read section by section beside the report page.
 *
 * Which date puts a row in the period, and which sector filters it:
 * - SMEs: registration (`organisations.created_at`); the SME's own sector.
 * - Assessments: completion; the SME's sector.
 * - Needs: publication; the need's sector. Engagements: the award; their need's sector.
 * - Outcomes and the Decree 80 estimate: the engagement's completion.
 * - Milestones: their due date; reviews: when written; incidents: when raised.
 * - Vendors: approvals by the approval's date; standing (vetted, suspended, expiring) as of now;
 *   the sector filter keeps vendors that serve the sector.
 */
import { LEVELS } from "~/lib/dbi";
import { ENGAGEMENT_STATUSES } from "~/lib/delivery-rules";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type DB } from "../../db/client.server";
import type { SizeClass } from "~/lib/enterprise-size";
import { DAY_MS, localYear, localYearBounds } from "~/lib/local-date";
import type { Category, Sector } from "~/lib/reference";
import { LOCAL_OFFSET_MS, type MonthKey } from "~/lib/report-period";
import {
  mean,
  median,
  summariseOutcomes,
  type OutcomeRow,
  type OutcomeSummary,
  CLIENT_OUTCOME_MIN_ENGAGEMENTS,
} from "~/lib/report-figures";
import { estimateEngagementSupports, summariseSupport, type EngagementForSupport } from "~/lib/report-support";
import type { SupportRates } from "~/lib/support-estimate";
import { getSupportRates } from "./settings.server";

export type ReportFilter = {
  /** the period [start, end), UTC ms */
  start: number;
  end: number;
  /** the months of the period, for the tables by month (empty when none is wanted) */
  months: readonly MonthKey[];
  sector?: Sector;
  now: number;
};

export const DAYS_30_MS = 30 * DAY_MS;
/** A need leaves `draft` when it is published; every other status was published once. */
const PUBLISHED = sql`('open', 'evaluating', 'awarded', 'cancelled', 'expired')`;

/** The local (Ho Chi Minh City) month of a UTC ms column, as `yyyy-MM`. */
const month = (column: SQL) => sql`strftime('%Y-%m', (${column} + ${LOCAL_OFFSET_MS}) / 1000, 'unixepoch')`;
/** The month, or one group for the whole period when no table by month is wanted (cheaper). */
const monthOrAll = (column: SQL, f: ReportFilter) => (f.months.length > 0 ? month(column) : sql`'all'`);
const inPeriod = (column: SQL, f: ReportFilter) => sql`${column} >= ${f.start} AND ${column} < ${f.end}`;
const sectorIs = (column: SQL, f: ReportFilter) => (f.sector ? sql` AND ${column} = ${f.sector}` : sql``);

function byMonth<T extends { month: MonthKey }>(
  months: readonly MonthKey[],
  rows: readonly T[],
  empty: Omit<T, "month">,
) {
  const found = new Map(rows.map((r) => [r.month, r]));
  return months.map((m) => found.get(m) ?? ({ ...empty, month: m } as T));
}

// ---------------------------------------------------------------------------------------------
// SMEs: registered, assessed, level distribution

export type SmeMonth = { month: MonthKey; registered: number; assessed: number };

/** SMEs registered and SMEs that completed an assessment, by month, and the period's totals. */
export function smeActivity(f: ReportFilter, db: DB = getDb()) {
  const registered = db.all<{ month: MonthKey; n: number }>(sql`
    SELECT ${month(sql`o.created_at`)} AS month, count(*) AS n FROM organisations o
    WHERE o.kind = 'sme' AND ${inPeriod(sql`o.created_at`, f)}${sectorIs(sql`o.sector`, f)}
    GROUP BY 1`);
  const assessedJoin = f.sector ? sql`JOIN organisations o ON o.id = a.organisation_id AND o.kind = 'sme'` : sql``;
  const assessed = db.all<{ month: MonthKey; n: number }>(sql`
    SELECT ${month(sql`a.completed_at`)} AS month, count(DISTINCT a.organisation_id) AS n
    FROM assessments a ${assessedJoin}
    WHERE a.status = 'completed' AND ${inPeriod(sql`a.completed_at`, f)}${sectorIs(sql`o.sector`, f)}
    GROUP BY 1`);
  const totals = db.get<{ registered: number; assessed: number }>(sql`
    SELECT
      (SELECT count(*) FROM organisations o
        WHERE o.kind = 'sme' AND ${inPeriod(sql`o.created_at`, f)}${sectorIs(sql`o.sector`, f)}) AS registered,
      (SELECT count(DISTINCT a.organisation_id) FROM assessments a ${assessedJoin}
        WHERE a.status = 'completed' AND ${inPeriod(sql`a.completed_at`, f)}${sectorIs(sql`o.sector`, f)}) AS assessed`);
  const reg = new Map(registered.map((r) => [r.month, r.n]));
  const ass = new Map(assessed.map((r) => [r.month, r.n]));
  return {
    months: f.months.map((m) => ({ month: m, registered: reg.get(m) ?? 0, assessed: ass.get(m) ?? 0 })),
    total: { registered: totals?.registered ?? 0, assessed: totals?.assessed ?? 0 },
  };
}

export type LevelRow = { level: (typeof LEVELS)[number]; smes: number };

/**
 * The DX level of each SME assessed in the period, at its latest assessment in the period: how
 * many SMEs stand at each level 0–5, and the average level.
 */
export function levelDistribution(f: ReportFilter, db: DB = getDb()) {
  const join = f.sector ? sql`JOIN organisations o ON o.id = a.organisation_id AND o.kind = 'sme'` : sql``;
  // SQLite takes the bare column `level` from the row that holds max(completed_at).
  const rows = db.all<{ level: number; n: number }>(sql`
    SELECT level, count(*) AS n FROM (
      SELECT a.organisation_id, a.level AS level, max(a.completed_at) AS latest
      FROM assessments a ${join}
      WHERE a.status = 'completed' AND ${inPeriod(sql`a.completed_at`, f)}${sectorIs(sql`o.sector`, f)}
      GROUP BY a.organisation_id
    ) GROUP BY level`);
  const counts = new Map(rows.map((r) => [r.level, r.n]));
  const levels: LevelRow[] = LEVELS.map((level) => ({ level, smes: counts.get(level) ?? 0 }));
  const smes = levels.reduce((s, r) => s + r.smes, 0);
  const average = smes > 0 ? levels.reduce((s, r) => s + r.level * r.smes, 0) / smes : null;
  return { levels, smes, average };
}

// ---------------------------------------------------------------------------------------------
// Outcomes: the level change after engagements

/**
 * Engagements completed in the period, each with its SME's level at the last assessment before
 * the award and at the first after completion (the engagement page's "outcome", docs/product.md §9).
 */
export function outcomeRows(f: ReportFilter, db: DB = getDb()): OutcomeRow[] {
  return db.all<OutcomeRow>(sql`
    SELECT e.id AS engagementId, e.sme_id AS smeId, e.vendor_id AS vendorId, v.legal_name AS vendorName,
      n.category AS category,
      (SELECT a.level FROM assessments a WHERE a.organisation_id = e.sme_id AND a.status = 'completed'
        AND a.completed_at < e.awarded_at ORDER BY a.completed_at DESC LIMIT 1) AS before,
      (SELECT a.level FROM assessments a WHERE a.organisation_id = e.sme_id AND a.status = 'completed'
        AND a.completed_at > e.completed_at ORDER BY a.completed_at ASC LIMIT 1) AS after
    FROM engagements e
    JOIN needs n ON n.id = e.need_id
    JOIN organisations v ON v.id = e.vendor_id
    WHERE e.status = 'completed' AND ${inPeriod(sql`e.completed_at`, f)}${sectorIs(sql`n.sector`, f)}`);
}

export function levelChange(
  f: ReportFilter,
  db: DB = getDb(),
  minVendorEngagements = CLIENT_OUTCOME_MIN_ENGAGEMENTS,
): OutcomeSummary {
  return summariseOutcomes(outcomeRows(f, db), minVendorEngagements);
}

// ---------------------------------------------------------------------------------------------
// Vendors

const servesSector = (f: { sector?: Sector }) =>
  f.sector
    ? sql` AND EXISTS (SELECT 1 FROM vendor_sectors s WHERE s.vendor_id = o.id AND s.sector = ${f.sector})`
    : sql``;

/**
 * Vendors approved in the period, and the standing now: vetted (unexpired, unsuspended, as the
 * directory lists them), suspended, and vetted but expiring within 30 days.
 */
export function vendorStanding(f: ReportFilter, db: DB = getDb()) {
  const row = db.get<{ approved: number; vetted: number; suspended: number; expiring: number }>(sql`
    SELECT
      (SELECT count(DISTINCT ve.vendor_id) FROM vetting_events ve JOIN organisations o ON o.id = ve.vendor_id
        WHERE ve.event = 'approved' AND ${inPeriod(sql`ve.at`, f)}${servesSector(f)}) AS approved,
      (SELECT count(*) FROM organisations o JOIN vendor_profiles p ON p.organisation_id = o.id
        WHERE o.vendor_status = 'vetted' AND o.kind = 'vendor' AND p.vetting_expires_at > ${f.now}${servesSector(f)}) AS vetted,
      (SELECT count(*) FROM organisations o
        WHERE o.vendor_status = 'suspended' AND o.kind = 'vendor'${servesSector(f)}) AS suspended,
      (SELECT count(*) FROM organisations o JOIN vendor_profiles p ON p.organisation_id = o.id
        WHERE o.vendor_status = 'vetted' AND o.kind = 'vendor' AND p.vetting_expires_at > ${f.now}
        AND p.vetting_expires_at <= ${f.now + DAYS_30_MS}${servesSector(f)}) AS expiring`);
  return {
    approved: row?.approved ?? 0,
    vetted: row?.vetted ?? 0,
    suspended: row?.suspended ?? 0,
    expiring: row?.expiring ?? 0,
  };
}

/** Vendors vetted now, by the solution categories they offer (a vendor counts in each of its categories). */
export function vettedVendorsByCategory(f: Pick<ReportFilter, "now" | "sector">, db: DB = getDb()) {
  return db.all<{ category: Category; vendors: number }>(sql`
    SELECT c.category AS category, count(*) AS vendors
    FROM organisations o JOIN vendor_profiles p ON p.organisation_id = o.id
    JOIN vendor_categories c ON c.vendor_id = o.id
    WHERE o.vendor_status = 'vetted' AND o.kind = 'vendor' AND p.vetting_expires_at > ${f.now}${servesSector(f)}
    GROUP BY c.category ORDER BY vendors DESC, c.category`);
}

// ---------------------------------------------------------------------------------------------
// Needs and bids

export type NeedMonth = {
  month: MonthKey;
  posted: number;
  awarded: number;
  cancelled: number;
  expired: number;
  /** still open or being evaluated */
  pending: number;
  /** live bids (not withdrawn) on the month's needs */
  bids: number;
  /** days from publication to award of the month's awarded needs */
  medianDaysToAward: number | null;
  meanDaysToAward: number | null;
};

type NeedCounts = Omit<NeedMonth, "bids" | "medianDaysToAward" | "meanDaysToAward">;

/** A live bid on need `n`. */
const LIVE_BID = sql`SELECT 1 FROM bids b WHERE b.need_id = n.id AND b.status <> 'withdrawn'`;

/**
 * Needs published in the period, by month of publication: how many, what became of them (an open
 * need past its deadline is evaluating with bids or expired without, as app/lib/need-status.ts
 * says), their live bids, and the days from publication to award. `bids: false` leaves the bids
 * uncounted (0), for the public statistics, which do not show them.
 */
export function needsByMonth(f: ReportFilter, db: DB = getDb(), opts: { bids?: boolean } = {}) {
  const where = sql`n.status IN ${PUBLISHED} AND ${inPeriod(sql`n.published_at`, f)}${sectorIs(sql`n.sector`, f)}`;
  // Bids are looked at only for the open needs past their deadline (CASE evaluates lazily).
  const pastDeadline = sql`n.status = 'open' AND n.deadline <= ${f.now}`;
  const counts = db.all<NeedCounts>(sql`
    SELECT ${monthOrAll(sql`n.published_at`, f)} AS month, count(*) AS posted,
      sum(n.status = 'awarded') AS awarded,
      sum(n.status = 'cancelled') AS cancelled,
      sum(CASE WHEN n.status = 'expired' THEN 1 WHEN ${pastDeadline} THEN NOT EXISTS (${LIVE_BID}) ELSE 0 END) AS expired,
      sum(CASE WHEN n.status = 'evaluating' THEN 1 WHEN ${pastDeadline} THEN EXISTS (${LIVE_BID})
        WHEN n.status = 'open' THEN 1 ELSE 0 END) AS pending
    FROM needs n WHERE ${where}
    GROUP BY 1`);
  const bids =
    opts.bids === false
      ? []
      : db.all<{ month: MonthKey; n: number }>(sql`
          SELECT ${monthOrAll(sql`n.published_at`, f)} AS month, count(*) AS n
          FROM needs n JOIN bids b ON b.need_id = n.id
          WHERE ${where} AND b.status <> 'withdrawn'
          GROUP BY 1`);
  const days = db.all<{ month: MonthKey; days: number }>(sql`
    SELECT ${monthOrAll(sql`n.published_at`, f)} AS month, (e.awarded_at - n.published_at) * 1.0 / ${DAY_MS} AS days
    FROM needs n JOIN engagements e ON e.need_id = n.id
    WHERE n.status = 'awarded' AND ${inPeriod(sql`n.published_at`, f)}${sectorIs(sql`n.sector`, f)}`);
  const bidsOf = new Map(bids.map((b) => [b.month, b.n]));
  const daysOf = new Map<MonthKey, number[]>();
  for (const d of days) (daysOf.get(d.month) ?? daysOf.set(d.month, []).get(d.month)!).push(d.days);
  const withDays = (r: NeedCounts): NeedMonth => ({
    ...r,
    bids: bidsOf.get(r.month) ?? 0,
    medianDaysToAward: median(daysOf.get(r.month) ?? []),
    meanDaysToAward: mean(daysOf.get(r.month) ?? []),
  });
  const empty = { posted: 0, awarded: 0, cancelled: 0, expired: 0, pending: 0 };
  const all = days.map((d) => d.days);
  const total = counts.reduce(
    (t, r) => ({
      posted: t.posted + r.posted,
      awarded: t.awarded + r.awarded,
      cancelled: t.cancelled + r.cancelled,
      expired: t.expired + r.expired,
      pending: t.pending + r.pending,
    }),
    empty,
  );
  return {
    months: byMonth(f.months, counts, empty).map(withDays),
    total: {
      ...total,
      bids: bids.reduce((s, b) => s + b.n, 0),
      medianDaysToAward: median(all),
      meanDaysToAward: mean(all),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Engagements: status, delivery, ratings, incidents, value

const engagementsIn = (f: ReportFilter) =>
  sql`engagements e JOIN needs n ON n.id = e.need_id WHERE ${inPeriod(sql`e.awarded_at`, f)}${sectorIs(sql`n.sector`, f)}`;

/** Engagements awarded in the period, by their status now, with their value as awarded. */
export function engagementsByStatus(f: ReportFilter, db: DB = getDb()) {
  const rows = db.all<{ status: (typeof ENGAGEMENT_STATUSES)[number]; engagements: number; value: number }>(sql`
    SELECT e.status AS status, count(*) AS engagements, coalesce(sum(e.total), 0) AS value
    FROM ${engagementsIn(f)} GROUP BY e.status`);
  const found = new Map(rows.map((r) => [r.status, r]));
  return ENGAGEMENT_STATUSES.map((status) => found.get(status) ?? { status, engagements: 0, value: 0 });
}

/**
 * On-time delivery as app/lib/delivery-rules.ts `onTimeCounts` defines it: a milestone counts
 * once accepted (on time when first submitted by its due date) or once overdue and never
 * submitted (late). Here over the milestones due in the period, by month of their due date.
 */
const MILESTONE_COUNTED = (now: number) =>
  sql`(m.status = 'accepted' OR (m.first_submitted_at IS NULL AND m.due_at < ${now}))`;
const MILESTONE_ON_TIME = sql`(m.status = 'accepted' AND m.first_submitted_at <= m.due_at)`;

export type DeliveryMonth = {
  month: MonthKey;
  milestonesDue: number;
  milestonesOnTime: number;
  reviews: number;
  /** the mean of the reviews' overall marks (the mean of their four 1–5 marks) */
  averageRating: number | null;
  incidents: number;
  incidentsResolved: number;
  /** days from raising to resolution, of the month's resolved incidents */
  medianResolutionDays: number | null;
};

export function deliveryByMonth(f: ReportFilter, db: DB = getDb()) {
  const milestoneJoin = f.sector
    ? sql`JOIN engagements e ON e.id = m.engagement_id JOIN needs n ON n.id = e.need_id`
    : sql``;
  const milestones = db.all<{ month: MonthKey; due: number; onTime: number }>(sql`
    SELECT ${monthOrAll(sql`m.due_at`, f)} AS month, count(*) AS due, sum(${MILESTONE_ON_TIME}) AS onTime
    FROM engagement_milestones m ${milestoneJoin}
    WHERE ${inPeriod(sql`m.due_at`, f)} AND ${MILESTONE_COUNTED(f.now)}${sectorIs(sql`n.sector`, f)}
    GROUP BY 1`);
  const reviewJoin = f.sector
    ? sql`JOIN engagements e ON e.id = r.engagement_id JOIN needs n ON n.id = e.need_id`
    : sql``;
  const reviews = db.all<{ month: MonthKey; n: number; sum: number }>(sql`
    SELECT ${monthOrAll(sql`r.created_at`, f)} AS month, count(*) AS n,
      sum((r.quality + r.schedule + r.value + r.communication) / 4.0) AS sum
    FROM reviews r ${reviewJoin}
    WHERE ${inPeriod(sql`r.created_at`, f)}${sectorIs(sql`n.sector`, f)}
    GROUP BY 1`);
  const incidentJoin = f.sector
    ? sql`JOIN engagements e ON e.id = i.engagement_id JOIN needs n ON n.id = e.need_id`
    : sql``;
  const incidents = db.all<{ month: MonthKey; resolvedIn: number | null }>(sql`
    SELECT ${monthOrAll(sql`i.created_at`, f)} AS month,
      CASE WHEN i.status = 'resolved' THEN (i.resolved_at - i.created_at) * 1.0 / ${DAY_MS} END AS resolvedIn
    FROM incidents i ${incidentJoin}
    WHERE ${inPeriod(sql`i.created_at`, f)}${sectorIs(sql`n.sector`, f)}`);

  const ms = new Map(milestones.map((r) => [r.month, r]));
  const rv = new Map(reviews.map((r) => [r.month, r]));
  const inc = new Map<MonthKey, number[]>();
  const incCount = new Map<MonthKey, number>();
  for (const i of incidents) {
    incCount.set(i.month, (incCount.get(i.month) ?? 0) + 1);
    if (i.resolvedIn !== null) (inc.get(i.month) ?? inc.set(i.month, []).get(i.month)!).push(i.resolvedIn);
  }
  const months: DeliveryMonth[] = f.months.map((m) => ({
    month: m,
    milestonesDue: ms.get(m)?.due ?? 0,
    milestonesOnTime: ms.get(m)?.onTime ?? 0,
    reviews: rv.get(m)?.n ?? 0,
    averageRating: rv.get(m) ? rv.get(m)!.sum / rv.get(m)!.n : null,
    incidents: incCount.get(m) ?? 0,
    incidentsResolved: inc.get(m)?.length ?? 0,
    medianResolutionDays: median(inc.get(m) ?? []),
  }));
  const reviewCount = reviews.reduce((s, r) => s + r.n, 0);
  const resolved = incidents.flatMap((i) => (i.resolvedIn === null ? [] : [i.resolvedIn]));
  return {
    months,
    total: {
      milestonesDue: milestones.reduce((s, r) => s + r.due, 0),
      milestonesOnTime: milestones.reduce((s, r) => s + r.onTime, 0),
      reviews: reviewCount,
      averageRating: reviewCount > 0 ? reviews.reduce((s, r) => s + r.sum, 0) / reviewCount : null,
      incidents: incidents.length,
      incidentsResolved: resolved.length,
      medianResolutionDays: median(resolved),
    },
  };
}

/** Engagements awarded in the period: how many, for how many distinct SMEs, and their value as awarded. */
export function engagementTotals(f: ReportFilter, db: DB = getDb()) {
  const row = db.get<{ engagements: number; smes: number; value: number }>(sql`
    SELECT count(*) AS engagements, count(DISTINCT e.sme_id) AS smes, coalesce(sum(e.total), 0) AS value
    FROM ${engagementsIn(f)}`);
  return { engagements: row?.engagements ?? 0, smes: row?.smes ?? 0, value: row?.value ?? 0 };
}

/** Value as awarded of the engagements awarded in the period, by their need's sector (largest first). */
export function valueBySector(f: ReportFilter, db: DB = getDb()) {
  return db.all<{ sector: Sector; engagements: number; smes: number; value: number }>(sql`
    SELECT n.sector AS sector, count(*) AS engagements, count(DISTINCT e.sme_id) AS smes, sum(e.total) AS value
    FROM ${engagementsIn(f)} GROUP BY n.sector ORDER BY value DESC, n.sector`);
}

/** Value as awarded of the engagements awarded in the period, by month of the award. */
export function valueByMonth(f: ReportFilter, db: DB = getDb()) {
  const rows = db.all<{ month: MonthKey; engagements: number; value: number }>(sql`
    SELECT ${month(sql`e.awarded_at`)} AS month, count(*) AS engagements, sum(e.total) AS value
    FROM ${engagementsIn(f)} GROUP BY 1`);
  return byMonth(f.months, rows, { engagements: 0, value: 0 });
}

/**
 * The Decree 80 support the SMEs may claim for the engagements completed in the period, by size
 * class, each engagement within its SME's yearly cap (app/lib/report-support.ts): what the same
 * SME completed earlier in the same calendar year, before the period or in another sector, used
 * the cap first.
 */
export function supportEstimate(f: ReportFilter, db: DB = getDb(), rates: SupportRates = getSupportRates()) {
  const columns = sql`e.id AS engagementId, e.sme_id AS smeId, o.size_class AS sizeClass, n.category AS category,
      e.total AS cost, e.completed_at AS completedAt
    FROM engagements e JOIN needs n ON n.id = e.need_id JOIN organisations o ON o.id = e.sme_id`;
  const rows = db.all<EngagementForSupport>(sql`
    SELECT ${columns}
    WHERE e.status = 'completed' AND ${inPeriod(sql`e.completed_at`, f)}${sectorIs(sql`n.sector`, f)}
    ORDER BY e.completed_at`);
  const [yearStart] = localYearBounds(localYear(f.start));
  const yearRows = db.all<EngagementForSupport>(sql`
    SELECT ${columns}
    WHERE e.status = 'completed' AND e.completed_at >= ${yearStart} AND e.completed_at < ${f.end}`);
  return summariseSupport(rows, rates, estimateEngagementSupports(yearRows, rates));
}

// ---------------------------------------------------------------------------------------------
// Rows for download: every engagement awarded in the period

export type EngagementListRow = {
  id: string;
  awardedAt: number;
  needTitle: string;
  sector: Sector;
  category: Category;
  smeName: string;
  smeSizeClass: SizeClass | null;
  vendorName: string;
  status: (typeof ENGAGEMENT_STATUSES)[number];
  total: number;
  completedAt: number | null;
  milestones: number;
  milestonesDue: number;
  milestonesOnTime: number;
};

export const ENGAGEMENT_PAGE_SIZE = 500;

/**
 * The engagements awarded in the period, oldest award first, one keyset page per call: each page
 * is one finished query (no statement stays open between pages), so the caller may await, and
 * other requests run, in between.
 */
export function engagementListPage(
  f: ReportFilter,
  after: { awardedAt: number; id: string } | null,
  limit = ENGAGEMENT_PAGE_SIZE,
  db: DB = getDb(),
): EngagementListRow[] {
  const keyset = after
    ? sql` AND (e.awarded_at > ${after.awardedAt} OR (e.awarded_at = ${after.awardedAt} AND e.id > ${after.id}))`
    : sql``;
  return db.all<EngagementListRow>(sql`
    SELECT e.id AS id, e.awarded_at AS awardedAt, n.title AS needTitle, n.sector AS sector, n.category AS category,
      s.legal_name AS smeName, s.size_class AS smeSizeClass, v.legal_name AS vendorName, e.status AS status,
      e.total AS total, e.completed_at AS completedAt,
      (SELECT count(*) FROM engagement_milestones m WHERE m.engagement_id = e.id) AS milestones,
      (SELECT count(*) FROM engagement_milestones m WHERE m.engagement_id = e.id AND ${MILESTONE_COUNTED(f.now)}) AS milestonesDue,
      (SELECT count(*) FROM engagement_milestones m WHERE m.engagement_id = e.id AND ${MILESTONE_ON_TIME}) AS milestonesOnTime
    FROM engagements e
    JOIN needs n ON n.id = e.need_id
    JOIN organisations s ON s.id = e.sme_id
    JOIN organisations v ON v.id = e.vendor_id
    WHERE ${inPeriod(sql`e.awarded_at`, f)}${sectorIs(sql`n.sector`, f)}${keyset}
    ORDER BY e.awarded_at, e.id
    LIMIT ${limit}`);
}

/** Every page of `engagementListPage`, lazily: the next query runs only when the next page is asked for. */
export function* engagementListPages(f: ReportFilter, limit = ENGAGEMENT_PAGE_SIZE, db?: DB) {
  let after: { awardedAt: number; id: string } | null = null;
  for (;;) {
    const page = engagementListPage(f, after, limit, db);
    if (page.length > 0) yield page;
    if (page.length < limit) return;
    const last = page[page.length - 1]!;
    after = { awardedAt: last.awardedAt, id: last.id };
  }
}
