/**
 * The staff dashboard (DESIGN §11): each tile is the count of the list its link opens, computed by
 * that list's own count function from the link's own query string, so the two cannot disagree;
 * the charts and the "do this first" list read indexed, bounded aggregates.
 */
import type Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, schema, type DB } from "../../db/client.server";
import { DAY_MS } from "~/lib/local-date";
import { lastLocalWeeks, WEEK_MS } from "~/lib/local-weeks";
import { parseFlagFilters, parseStaffEngagementFilters } from "~/lib/flag-options";
import { parseIncidentFilters } from "~/lib/incident-rules";
import type { Sector } from "~/lib/reference";
import { SEVERITIES, type RuleCode, type Severity } from "~/lib/risk-rules";
import { parseQueueFilter } from "~/lib/vendor-options";
import { storedActiveCounts } from "./active-engagement-counts.server";
import { countEngagementsForStaff } from "./engagements.server";
import { countFlags } from "./flag-queue.server";
import { countIncidents } from "./incidents.server";
import { levelChange } from "./reports.server";
import { snapshot } from "./snapshots.server";
import { countVettingQueue } from "./vetting.server";

export type TileTone = "slate" | "red" | "amber" | "green";
export type TileKey = "vetting" | "incidents" | "overdue" | `flags_${Severity}` | `health_${"red" | "amber" | "green"}`;

/** Every tile and the list behind it: the link is the tile's definition. */
export const TILE_LINKS: Record<TileKey, string> = {
  vetting: "/staff/vendors?status=submitted",
  incidents: "/staff/incidents?status=active",
  overdue: "/staff/flags?status=active&code=MILESTONE_OVERDUE",
  flags_high: "/staff/flags?status=active&severity=high",
  flags_medium: "/staff/flags?status=active&severity=medium",
  flags_low: "/staff/flags?status=active&severity=low",
  health_red: "/staff/engagements?health=red&status=active",
  health_amber: "/staff/engagements?health=amber&status=active",
  health_green: "/staff/engagements?health=green&status=active",
};

/** The count of the list a staff link opens, by that list's own filter parser and count function. */
export function countBehindLink(href: string, viewerId: string): number {
  const url = new URL(href, "http://local");
  const p = url.searchParams;
  switch (url.pathname) {
    case "/staff/vendors":
      return countVettingQueue(parseQueueFilter(p));
    case "/staff/incidents":
      return countIncidents(parseIncidentFilters(p), viewerId);
    case "/staff/flags":
      return countFlags(parseFlagFilters(p), viewerId);
    case "/staff/engagements":
      return countEngagementsForStaff(parseStaffEngagementFilters(p));
    default:
      throw new Error(`no list behind ${href}`);
  }
}

/**
 * Every tile's count; `figures` (the flag figures kept until a flag changes) answers the flag
 * tiles' counts when given.
 */
export function dashboardTiles(viewerId: string, figures?: FlagFigures | null) {
  const count = (href: string) =>
    figures && href.startsWith("/staff/flags?") ? figures.count(href, viewerId) : countBehindLink(href, viewerId);
  return Object.fromEntries(
    (Object.entries(TILE_LINKS) as [TileKey, string][]).map(([key, href]) => [key, { href, count: count(href) }]),
  ) as Record<TileKey, { href: string; count: number }>;
}

// ---------------------------------------------------------------------------------------------
// Charts

/**
 * Open (and acknowledged) flags by rule and severity, most first. Grouped by status too, so that
 * flags_status_code_severity_idx serves both the filter and the grouping (covering, no sort); the
 * two statuses are added up here.
 */
export function openFlagsByRule(db: DB = getDb()) {
  const rows = db.all<{ code: RuleCode; severity: Severity; n: number }>(sql`
    SELECT code, severity, count(*) AS n FROM flags
    WHERE status IN ('open', 'acknowledged') GROUP BY status, code, severity`);
  const byCode = new Map<RuleCode, Record<Severity, number>>();
  for (const r of rows) {
    const counts = byCode.get(r.code) ?? { high: 0, medium: 0, low: 0 };
    counts[r.severity] += r.n;
    byCode.set(r.code, counts);
  }
  const total = (c: Record<Severity, number>) => c.high + c.medium + c.low;
  return [...byCode]
    .map(([code, counts]) => ({ code, ...counts }))
    .sort((a, b) => b.high - a.high || total(b) - total(a) || a.code.localeCompare(b.code));
}

/** Flags raised in each of the last 12 local weeks, by severity (flags_raised_severity_idx). */
export function newFlagsByWeek(now = Date.now(), db: DB = getDb()) {
  const weeks = lastLocalWeeks(now, 12);
  const start = weeks[0]!;
  const rows = db.all<{ w: number; severity: Severity; n: number }>(sql`
    SELECT CAST((raised_at - ${start}) / ${WEEK_MS} AS INTEGER) AS w, severity, count(*) AS n FROM flags
    WHERE raised_at >= ${start} GROUP BY w, severity`);
  return weeks.map((weekStart, i) => {
    const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
    for (const r of rows) if (r.w === i) counts[r.severity] = r.n;
    return { weekStart, ...counts };
  });
}

// ---------------------------------------------------------------------------------------------
// The flag figures, kept until a flag they count changes

export type FlagFigures = {
  readonly flagsByRule: ReturnType<typeof openFlagsByRule>;
  readonly flagsByWeek: ReturnType<typeof newFlagsByWeek>;
  /** The count of the flag list `href` opens (the list's own count function), kept with the figures. */
  count(href: string, viewerId: string): number;
};

type KeptFlagFigures = {
  version: number;
  weekStart: number;
  flagsByRule?: ReturnType<typeof openFlagsByRule>;
  flagsByWeek?: ReturnType<typeof newFlagsByWeek>;
  counts: Map<string, number>;
};

const lastFlagFigures = new WeakMap<Database.Database, KeptFlagFigures>();

/**
 * The dashboard's flag figures (open flags by rule, new flags per week, the flag tiles' counts),
 * each computed on first use and then reused while it is still exact (ADR 012, "market figures"
 * is the same pattern): no flag raised, deleted or changed in what they count since
 * (`flags_version`, moved by triggers on flags) and the same 12 weeks. Reading every flag of 12
 * weeks cost the dashboard 2 ms a request. Inside a transaction (which may yet roll back), or on
 * a database without the counter, everything is computed afresh.
 */
export function flagFigures(now = Date.now(), db: DB = getDb()): FlagFigures {
  const client = (db as { $client?: Database.Database }).$client;
  const version =
    client && !client.inTransaction
      ? preparedOnce(db, "dashboard.flagsVersion", () =>
          db
            .select({ n: schema.flagsVersion.n })
            .from(schema.flagsVersion)
            .where(eq(schema.flagsVersion.id, 1))
            .prepare(),
        ).get()?.n
      : undefined;
  if (client === undefined || version === undefined) {
    return {
      flagsByRule: openFlagsByRule(db),
      flagsByWeek: newFlagsByWeek(now, db),
      count: (href, viewerId) => countBehindLink(href, viewerId),
    };
  }
  const weekStart = lastLocalWeeks(now, 12)[0]!;
  let kept = lastFlagFigures.get(client);
  if (!kept || kept.version !== version || kept.weekStart !== weekStart) {
    kept = { version, weekStart, counts: new Map() };
    lastFlagFigures.set(client, kept);
  }
  const k = kept;
  return {
    get flagsByRule() {
      return (k.flagsByRule ??= openFlagsByRule(db));
    },
    get flagsByWeek() {
      return (k.flagsByWeek ??= newFlagsByWeek(now, db));
    },
    count(href, viewerId) {
      // flags_version does not move with an assignment, or a flag's sector or vendor: a list
      // filtered by one of those is counted afresh.
      const filters = new URL(href, "http://local").searchParams;
      if (["assignee", "sector", "vendor", "vendorId"].some((name) => filters.has(name)))
        return countBehindLink(href, viewerId);
      let n = k.counts.get(href);
      if (n === undefined) k.counts.set(href, (n = countBehindLink(href, viewerId)));
      return n;
    },
  };
}

/**
 * Active engagements by sector and health, read from the counts the engagements' triggers keep
 * (active-engagement-counts.server.ts): the sectors with most engagements first.
 */
export function activeEngagementsBySector(db: DB = getDb()) {
  const bySector = new Map<Sector, { red: number; amber: number; green: number }>();
  for (const r of storedActiveCounts(db)) {
    const c = bySector.get(r.sector) ?? { red: 0, amber: 0, green: 0 };
    c[r.rank >= 2 ? "red" : r.rank === 1 ? "amber" : "green"] += r.n;
    bySector.set(r.sector, c);
  }
  return [...bySector]
    .map(([sector, c]) => ({ sector, ...c }))
    .sort((a, b) => b.red + b.amber + b.green - (a.red + a.amber + a.green) || a.sector.localeCompare(b.sector));
}

export const OUTCOME_WINDOW_DAYS = 365;

/** The reports' outcome figures for engagements completed in the last 365 days. */
export function recentOutcomes(now = Date.now(), db: DB = getDb()) {
  return levelChange({ start: now - OUTCOME_WINDOW_DAYS * DAY_MS, end: now + 1, months: [], now }, db);
}

/**
 * The outcome figures as of their snapshot (app/models/snapshots.server.ts): at city scale they
 * read every engagement completed in a year and two assessments of its SME each, so they are
 * computed at most once every 15 minutes and the dashboard says when.
 */
export function recentOutcomesSnapshot(now = Date.now()) {
  return snapshot("dashboard:outcomes", async (at) => recentOutcomes(at), now);
}

// ---------------------------------------------------------------------------------------------
// Do this first

export const FIRST_ITEMS = 8;

export type FirstItem =
  | { kind: "flag"; id: string; since: number; code: RuleCode; needTitle: string | null; vendorName: string | null }
  | { kind: "dossier"; id: string; since: number; vendorName: string }
  | { kind: "incident"; id: string; since: number; needTitle: string; category: string };

/**
 * The oldest unhandled work, oldest first: high flags nobody acknowledged, dossiers waiting for
 * vetting, incidents nobody took. Each source reads at most FIRST_ITEMS rows in its index's order.
 */
export function doThisFirst(db: DB = getDb()): FirstItem[] {
  const flags = db
    .all<{ id: string; since: number; code: RuleCode; needTitle: string | null; vendorName: string | null }>(
      sql`
    SELECT f.id, f.raised_at AS since, f.code, n.title AS needTitle, v.legal_name AS vendorName
    FROM flags f LEFT JOIN needs n ON n.id = f.need_id LEFT JOIN organisations v ON v.id = f.vendor_id
    WHERE f.status = 'open' AND f.severity = 'high' ORDER BY f.raised_at LIMIT ${FIRST_ITEMS}`,
    )
    .map((r) => ({ kind: "flag" as const, ...r }));
  const dossiers = db
    .all<{ id: string; since: number; vendorName: string }>(
      sql`
    SELECT o.id, coalesce(p.submitted_at, o.created_at) AS since, o.legal_name AS vendorName
    FROM organisations o LEFT JOIN vendor_profiles p ON p.organisation_id = o.id
    WHERE o.kind = 'vendor' AND o.vendor_status = 'submitted'
    ORDER BY since, o.id LIMIT ${FIRST_ITEMS}`,
    )
    .map((r) => ({ kind: "dossier" as const, ...r }));
  const incidents = db
    .all<{ id: string; since: number; needTitle: string; category: string }>(
      sql`
    SELECT i.id, i.created_at AS since, n.title AS needTitle, i.category
    FROM incidents i JOIN engagements e ON e.id = i.engagement_id JOIN needs n ON n.id = e.need_id
    WHERE i.status = 'open' ORDER BY i.created_at LIMIT ${FIRST_ITEMS}`,
    )
    .map((r) => ({ kind: "incident" as const, ...r }));
  return [...flags, ...dossiers, ...incidents].sort((a, b) => a.since - b.since).slice(0, FIRST_ITEMS);
}

export async function dashboard(viewerId: string, now = Date.now()) {
  const outcomes = await recentOutcomesSnapshot(now);
  const flags = flagFigures(now);
  return {
    tiles: dashboardTiles(viewerId, flags),
    flagsByRule: flags.flagsByRule,
    flagsByWeek: flags.flagsByWeek,
    bySector: activeEngagementsBySector(),
    outcomes: outcomes.value,
    outcomesComputedAt: outcomes.computedAt,
    first: doThisFirst(),
    severities: SEVERITIES,
  };
}
