/**
 * The risk-flag engine (docs/product.md §10): builds each subject's facts from the data, runs the pure
 * rules of app/lib/risk-rules.ts, and writes flags with their evidence — never two open flags for
 * the same rule and subject (a partial unique index), re-raising closed ones only as ADR 005
 * says. It runs on every relevant event and in a periodic sweep (`npm run flags:sweep`). The
 * staff's side of flags (lists, actions) is flag-queue.server.ts.
 */
import { performance } from "node:perf_hooks";
import crypto from "node:crypto";
import { and, count, desc, eq, gt, inArray, ne, sql, type Placeholder, type SQL } from "drizzle-orm";
import { getDb, schema, type DB, type DbOrTx } from "../../db/client.server";
import { overallRating } from "~/lib/delivery-rules";
import { DAY_MS } from "~/lib/local-date";
import type { Sector } from "~/lib/reference";
import {
  evaluateEngagement,
  evaluateNeed,
  evaluateVendor,
  FLAG_STATUSES_OPEN,
  RISK_THRESHOLDS_DEFAULT,
  RiskThresholdsSchema,
  shouldRaise,
  type EngagementFacts,
  type Finding,
  type Health,
  type NeedFacts,
  type RiskThresholds,
  type VendorFacts,
} from "~/lib/risk-rules";
import { repairActiveEngagementCounts } from "./active-engagement-counts.server";
import { trackRecords } from "./engagements.server";
import { pruneNeedSearch } from "./need-board.server";
import { notify, staffUserIds } from "./notifications.server";
import { getSetting } from "./settings.server";
import {
  allVendorIds,
  refreshVendorStats,
  repairVendorStatsSlice,
  vendorsWithDueDatePassed,
} from "./vendor-stats.server";

export const RISK_THRESHOLDS_KEY = "risk_thresholds";

export function getRiskThresholds(): RiskThresholds {
  return getSetting(RISK_THRESHOLDS_KEY, RiskThresholdsSchema, { ...RISK_THRESHOLDS_DEFAULT });
}

// ---------------------------------------------------------------------------------------------
// Facts from the data

const id = sql.placeholder("id");

/**
 * The engine's queries, built and prepared once per connection: the sweep runs them for thousands
 * of subjects, and building a query cost more than running it (ADR 012). Each runs on the
 * connection it was prepared on, inside whatever transaction is open there.
 */
function prepareQueries(db: DB) {
  const e = schema.engagements;
  return {
    need: db.select().from(schema.needs).where(eq(schema.needs.id, id)).prepare(),
    bidsOfNeed: db
      .select({
        id: schema.bids.id,
        vendorId: schema.bids.vendorId,
        total: schema.bids.total,
        status: schema.bids.status,
      })
      .from(schema.bids)
      .where(eq(schema.bids.needId, id))
      .prepare(),
    engagement: db
      .select({
        e: schema.engagements,
        bidTotal: schema.bids.total,
        budgetMax: schema.needs.budgetMax,
        sector: schema.needs.sector,
        vendorStatus: schema.organisations.vendorStatus,
        vendorExpiresAt: schema.vendorProfiles.vettingExpiresAt,
      })
      .from(schema.engagements)
      .innerJoin(schema.bids, eq(schema.bids.id, schema.engagements.bidId))
      .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.engagements.vendorId))
      .leftJoin(schema.vendorProfiles, eq(schema.vendorProfiles.organisationId, schema.engagements.vendorId))
      .where(eq(schema.engagements.id, id))
      .prepare(),
    milestones: db
      .select({
        id: schema.engagementMilestones.id,
        dueAt: schema.engagementMilestones.dueAt,
        submittedAt: schema.engagementMilestones.submittedAt,
        status: schema.engagementMilestones.status,
        rejections: schema.engagementMilestones.rejections,
      })
      .from(schema.engagementMilestones)
      .where(eq(schema.engagementMilestones.engagementId, id))
      .prepare(),
    amendments: db
      .select({ status: schema.amendments.status, valueDelta: schema.amendments.valueDelta })
      .from(schema.amendments)
      .where(eq(schema.amendments.engagementId, id))
      .prepare(),
    openIncidents: db
      .select({ n: count() })
      .from(schema.incidents)
      .where(and(eq(schema.incidents.engagementId, id), ne(schema.incidents.status, "resolved")))
      .prepare(),
    review: db.select().from(schema.reviews).where(eq(schema.reviews.engagementId, id)).prepare(),
    assessmentsAfter: db
      .select({ n: count() })
      .from(schema.assessments)
      .where(
        and(
          eq(schema.assessments.organisationId, sql.placeholder("smeId")),
          eq(schema.assessments.status, "completed"),
          gt(schema.assessments.completedAt, sql.placeholder("after")),
        ),
      )
      .prepare(),
    otherAwards: db
      .select({ awardedAt: e.awardedAt })
      .from(e)
      .where(and(eq(e.smeId, sql.placeholder("smeId")), eq(e.vendorId, sql.placeholder("vendorId")), ne(e.id, id)))
      .prepare(),
    openEngagementFlags: db
      .select({ n: count() })
      .from(schema.flags)
      .where(
        and(
          eq(schema.flags.vendorId, id),
          eq(schema.flags.subjectType, "engagement"),
          inArray(schema.flags.status, [...FLAG_STATUSES_OPEN]),
        ),
      )
      .prepare(),
    latestFlag: db
      .select()
      .from(schema.flags)
      .where(
        and(
          eq(schema.flags.code, sql.placeholder("code")),
          eq(schema.flags.subjectType, sql.placeholder("subjectType")),
          eq(schema.flags.subjectId, sql.placeholder("subjectId")),
        ),
      )
      .orderBy(
        sql`CASE WHEN ${schema.flags.status} IN ('open', 'acknowledged') THEN 0 ELSE 1 END`,
        desc(schema.flags.raisedAt),
      )
      .limit(1)
      .prepare(),
    refreshHealth: db
      .update(e)
      .set({ healthRank: rankFromFlags(id) })
      .where(eq(e.id, id))
      .prepare(),
  };
}

const preparedFor = new WeakMap<object, ReturnType<typeof prepareQueries>>();

/** The engine's prepared queries for the process's connection (a transaction runs on it too). */
function q() {
  const db = getDb();
  let queries = preparedFor.get(db);
  if (!queries) {
    queries = prepareQueries(db);
    preparedFor.set(db, queries);
  }
  return queries;
}

function needFacts(needId: string): (NeedFacts & { sector: Sector }) | null {
  const need = q().need.get({ id: needId });
  if (!need) return null;
  return {
    id: need.id,
    status: need.status,
    publishedAt: need.publishedAt,
    deadline: need.deadline,
    budgetMin: need.budgetMin,
    budgetMax: need.budgetMax,
    bids: q().bidsOfNeed.all({ id: needId }),
    sector: need.sector,
  };
}

function engagementFacts(engagementId: string): (EngagementFacts & { needId: string; sector: Sector }) | null {
  const queries = q();
  const row = queries.engagement.get({ id: engagementId });
  if (!row) return null;
  const e = row.e;
  const review = queries.review.get({ id: engagementId });
  return {
    id: e.id,
    status: e.status,
    smeId: e.smeId,
    vendorId: e.vendorId,
    awardedTotal: row.bidTotal,
    budgetMax: row.budgetMax,
    awardedAt: e.awardedAt,
    completedAt: e.completedAt,
    lastActivityAt: e.lastActivityAt ?? e.awardedAt,
    milestones: queries.milestones.all({ id: engagementId }),
    amendments: queries.amendments.all({ id: engagementId }),
    openIncidents: queries.openIncidents.get({ id: engagementId })?.n ?? 0,
    overallRating: review ? overallRating(review) : null,
    vendorStatus: row.vendorStatus ?? "draft",
    vendorVettingExpiresAt: row.vendorExpiresAt ?? null,
    assessmentsAfterCompletion: e.completedAt
      ? (queries.assessmentsAfter.get({ smeId: e.smeId, after: e.completedAt })?.n ?? 0)
      : 0,
    otherAwardsSameSmeVendor: queries.otherAwards
      .all({ smeId: e.smeId, vendorId: e.vendorId, id: e.id })
      .map((r) => r.awardedAt),
    needId: e.needId,
    sector: row.sector,
  };
}

function vendorFacts(db: DB, vendorId: string, now: number): VendorFacts {
  const openFlagCount = q().openEngagementFlags.get({ id: vendorId })?.n ?? 0;
  const { due, onTime } = trackRecords([vendorId], now, db).get(vendorId)!;
  return { id: vendorId, openFlagCount, milestonesDue: due, milestonesOnTime: onTime };
}

// ---------------------------------------------------------------------------------------------
// Writing flags

type Links = { needId?: string | null; engagementId?: string | null; vendorId?: string | null; sector?: Sector | null };
export type EngineResult = { raised: number; escalated: number };

function latestFlag(f: Finding) {
  return q().latestFlag.get({ code: f.code, subjectType: f.subjectType, subjectId: f.subjectId });
}

/** A new or escalated high flag, to tell staff about once the engine is done. */
type Alert = { flagId: string; code: string; subjectType: Finding["subjectType"] } & Links;

function apply(
  tx: DB,
  findings: Finding[],
  links: (f: Finding) => Links,
  now: number,
  t: RiskThresholds,
  alerts: Alert[],
): EngineResult {
  const result = { raised: 0, escalated: 0 };
  for (const f of findings) {
    const previous = latestFlag(f);
    const decision = shouldRaise(
      f,
      previous ? { status: previous.status, severity: previous.severity, resolvedAt: previous.resolvedAt } : null,
      now,
      t,
    );
    if (decision === "raise") {
      const id = crypto.randomUUID();
      tx.insert(schema.flags)
        .values({
          id,
          code: f.code,
          subjectType: f.subjectType,
          subjectId: f.subjectId,
          ...links(f),
          severity: f.severity,
          status: "open",
          evidence: JSON.stringify(f.evidence),
          raisedAt: now,
          updatedAt: now,
        })
        .run();
      tx.insert(schema.flagEvents).values({ flagId: id, kind: "raised", severity: f.severity, at: now }).run();
      result.raised += 1;
      if (f.severity === "high") alerts.push({ flagId: id, code: f.code, subjectType: f.subjectType, ...links(f) });
    } else if (decision === "escalate" && previous) {
      tx.update(schema.flags)
        .set({ severity: f.severity, evidence: JSON.stringify(f.evidence), updatedAt: now })
        .where(eq(schema.flags.id, previous.id))
        .run();
      tx.insert(schema.flagEvents)
        .values({ flagId: previous.id, kind: "escalated", severity: f.severity, at: now })
        .run();
      result.escalated += 1;
      if (f.severity === "high")
        alerts.push({ flagId: previous.id, code: f.code, subjectType: f.subjectType, ...links(f) });
    }
  }
  return result;
}

const orgName = (tx: DbOrTx, id: string | null | undefined) =>
  id
    ? (tx
        .select({ name: schema.organisations.legalName })
        .from(schema.organisations)
        .where(eq(schema.organisations.id, id))
        .get()?.name ?? "")
    : "";

/**
 * What an alert names besides the rule: the need's title and its SME, and the vendor; `context`
 * picks the sentence for the flag's subject (notifications.kinds.flag_high_<context>).
 */
function alertSubject(tx: DbOrTx, a: Alert): Record<string, string> {
  if (a.subjectType === "vendor") return { context: "vendor", vendor: orgName(tx, a.vendorId) };
  const need = a.needId
    ? tx
        .select({ title: schema.needs.title, smeId: schema.needs.organisationId })
        .from(schema.needs)
        .where(eq(schema.needs.id, a.needId))
        .get()
    : undefined;
  const base = { need: need?.title ?? "", sme: orgName(tx, need?.smeId) };
  if (a.subjectType === "need") return { context: "need", ...base };
  return { context: a.subjectType, ...base, vendor: orgName(tx, a.vendorId) };
}

/**
 * Tells staff about new or escalated high flags, in the engine's transaction: one notice per
 * flag, naming its rule and subject and linking to the flag's own page.
 */
function alertStaff(tx: DbOrTx, alerts: readonly Alert[]) {
  if (alerts.length === 0) return;
  const staff = staffUserIds(tx);
  const seen = new Set<string>();
  for (const a of alerts) {
    if (seen.has(a.flagId)) continue;
    seen.add(a.flagId);
    notify(staff, "flag_high", { rule: a.code, ...alertSubject(tx, a) }, `/staff/flags/${a.flagId}`, tx);
  }
}

const add = (a: EngineResult, b: EngineResult): EngineResult => ({
  raised: a.raised + b.raised,
  escalated: a.escalated + b.escalated,
});

function evaluateNeedIn(tx: DB, needId: string, now: number, t: RiskThresholds, alerts: Alert[]): EngineResult {
  const facts = needFacts(needId);
  if (!facts) return { raised: 0, escalated: 0 };
  const vendorOfBid = new Map(facts.bids.map((b) => [b.id, b.vendorId]));
  return apply(
    tx,
    evaluateNeed(facts, now, t),
    (f) => ({
      needId,
      sector: facts.sector,
      vendorId: f.subjectType === "bid" ? (vendorOfBid.get(f.subjectId) ?? null) : null,
    }),
    now,
    t,
    alerts,
  );
}

function evaluateEngagementIn(
  tx: DB,
  engagementId: string,
  now: number,
  t: RiskThresholds,
  alerts: Alert[],
  opts: { withVendor: boolean } = { withVendor: true },
): EngineResult {
  const facts = engagementFacts(engagementId);
  if (!facts) return { raised: 0, escalated: 0 };
  const r = apply(
    tx,
    evaluateEngagement(facts, now, t),
    () => ({ needId: facts.needId, engagementId, vendorId: facts.vendorId, sector: facts.sector }),
    now,
    t,
    alerts,
  );
  refreshHealth(engagementId);
  return opts.withVendor ? add(r, evaluateVendorIn(tx, facts.vendorId, now, t, alerts)) : r;
}

function evaluateVendorIn(tx: DB, vendorId: string, now: number, t: RiskThresholds, alerts: Alert[]): EngineResult {
  return apply(tx, evaluateVendor(vendorFacts(tx, vendorId, now), now, t), () => ({ vendorId }), now, t, alerts);
}

/**
 * Re-evaluates what an event may have changed; a transition's model calls it after its commit.
 * The flags, their history and the staff alerts are written in one transaction.
 */
export async function reevaluate(
  scope: { needId?: string; engagementId?: string; vendorId?: string },
  now = Date.now(),
) {
  const t = getRiskThresholds();
  const alerts: Alert[] = [];
  const result = getDb().transaction(
    (tx) => {
      let r: EngineResult = { raised: 0, escalated: 0 };
      if (scope.needId) r = add(r, evaluateNeedIn(tx, scope.needId, now, t, alerts));
      if (scope.engagementId) r = add(r, evaluateEngagementIn(tx, scope.engagementId, now, t, alerts));
      if (scope.vendorId) {
        const active = tx
          .select({ id: schema.engagements.id })
          .from(schema.engagements)
          .where(and(eq(schema.engagements.vendorId, scope.vendorId), eq(schema.engagements.status, "active")))
          .all();
        for (const e of active) r = add(r, evaluateEngagementIn(tx, e.id, now, t, alerts));
        r = add(r, evaluateVendorIn(tx, scope.vendorId, now, t, alerts));
      }
      alertStaff(tx, alerts);
      return r;
    },
    { behavior: "immediate" },
  );
  return result;
}

/** At most how many subjects the sweep evaluates in one transaction before it lets requests run. */
export const SWEEP_SLICE = 100;
/**
 * How long one slice may hold the database and the event loop: the sweep sizes its slices to fit
 * (a request that arrives during a slice waits at most about this long), then rests as long as the
 * slice took, so that requests get at least half of the server's time while it runs.
 */
export const SWEEP_SLICE_MS = 10;
/** An open need whose deadline passed longer ago than this has nothing left for time to change. */
export const SWEEP_NEED_LOOKBACK_MS = 7 * DAY_MS;
/** Evaluating and awarded needs, and completed engagements, stay in the sweep this long. */
const SWEEP_AWARDED_NEED_MS = 90 * DAY_MS;
const SWEEP_COMPLETED_ENGAGEMENT_MS = 120 * DAY_MS;

/** One committed slice of the sweep: what it worked on and how many subjects (tests, logs). */
export type SweepSlice = {
  step: "needs" | "engagements" | "vendors" | "vendor_stats" | "health" | "active_counts";
  size: number;
};
export type SweepOptions = {
  /** The most subjects in one slice (SWEEP_SLICE). */
  sliceSize?: number;
  /** The time one slice aims at (SWEEP_SLICE_MS). */
  sliceMs?: number;
  onSlice?: (slice: SweepSlice) => void;
  /** After each slice committed: how long it held the database and the event loop. */
  onSliceDone?: (slice: SweepSlice & { ms: number }) => void;
};

/**
 * Lets requests waiting on the event loop run between two slices, for about `ms`: first a whole
 * turn of the loop (its I/O polled; a timer alone may fire before that, since a timer set during a
 * slice counts from the loop's time before the slice), then the rest of the time.
 */
async function restFor(ms: number) {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (ms >= 1) await new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 250)));
}

/**
 * How many subjects the next slice takes: as many as fit in the time budget at the pace of the
 * slice just done, at most twice as many as it (the pace varies) and within [1, max].
 */
export function nextSliceSize(done: number, tookMs: number, budgetMs: number, max: number): number {
  const fit = tookMs > 0 ? Math.floor((done * budgetMs) / tookMs) : max;
  return Math.max(1, Math.min(max, done * 2, fit));
}

/**
 * Runs `work` over `ids` a slice at a time, each slice in its own immediate transaction sized to
 * the time budget (`nextSliceSize`), resting between slices: no request waits behind more than
 * one short slice.
 */
export async function inSlices<T>(
  ids: readonly string[],
  step: SweepSlice["step"],
  opts: SweepOptions,
  work: (tx: DB, slice: readonly string[]) => T,
): Promise<T[]> {
  const max = Math.max(1, opts.sliceSize ?? SWEEP_SLICE);
  const budget = opts.sliceMs ?? SWEEP_SLICE_MS;
  const results: T[] = [];
  // The first slice is small: the pace of this step is not known yet.
  let size = Math.min(max, 4);
  for (let i = 0; i < ids.length;) {
    const slice = ids.slice(i, i + size);
    const started = performance.now();
    results.push(
      getDb().transaction(
        (tx) => {
          opts.onSlice?.({ step, size: slice.length });
          return work(tx, slice);
        },
        { behavior: "immediate" },
      ),
    );
    const took = performance.now() - started;
    opts.onSliceDone?.({ step, size: slice.length, ms: took });
    i += slice.length;
    size = nextSliceSize(slice.length, took, budget, max);
    await restFor(took);
  }
  return results;
}

/**
 * What time alone can change (docs/product.md §10, ADR 012): open needs whose deadline is ahead or
 * passed in the last week, evaluating and awarded needs changed in the last 90 days, active
 * engagements and those completed in the last 120 days. Each list read is served by an index.
 */
function sweepSubjects(db: DB, now: number) {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const needIds = [
    ...ids(
      db
        .select({ id: schema.needs.id })
        .from(schema.needs)
        .where(and(eq(schema.needs.status, "open"), gt(schema.needs.deadline, now - SWEEP_NEED_LOOKBACK_MS)))
        .all(),
    ),
    ...ids(
      db
        .select({ id: schema.needs.id })
        .from(schema.needs)
        .where(
          and(
            inArray(schema.needs.status, ["evaluating", "awarded"]),
            gt(schema.needs.updatedAt, now - SWEEP_AWARDED_NEED_MS),
          ),
        )
        .all(),
    ),
  ];
  const engagementIds = [
    ...ids(
      db
        .select({ id: schema.engagements.id })
        .from(schema.engagements)
        .where(eq(schema.engagements.status, "active"))
        .all(),
    ),
    ...ids(
      db
        .select({ id: schema.engagements.id })
        .from(schema.engagements)
        .where(
          and(
            eq(schema.engagements.status, "completed"),
            gt(schema.engagements.completedAt, now - SWEEP_COMPLETED_ENGAGEMENT_MS),
          ),
        )
        .all(),
    ),
  ];
  return { needIds, engagementIds };
}

/**
 * The periodic sweep, in slices (ADR 012): re-evaluates what time can change (`sweepSubjects`),
 * then each swept engagement's vendor once, refreshes the track records whose next due date passed
 * and repairs any that drifted, repairs drifted health ranks and prunes the needs' search index.
 * Every slice is a short transaction of its own. The server's job follows it with
 * `optimizeDatabase` (not here: a test's tiny tables would give the planner misleading statistics).
 */
export async function sweep(
  now = Date.now(),
  opts: SweepOptions = {},
): Promise<
  EngineResult & {
    needs: number;
    engagements: number;
    repaired: number;
    statsRefreshed: number;
    statsRepaired: number;
    longestSliceMs: number;
    countsRepaired: number;
  }
> {
  const db = getDb();
  const t = getRiskThresholds();
  // The longest any slice held the event loop: the server logs it with the sweep (ADR 012).
  let longestSliceMs = 0;
  const caller = opts;
  opts = {
    ...caller,
    onSliceDone: (slice) => {
      longestSliceMs = Math.max(longestSliceMs, slice.ms);
      caller.onSliceDone?.(slice);
    },
  };
  const { needIds, engagementIds } = sweepSubjects(db, now);
  const engine =
    (evaluate: (tx: DB, id: string, alerts: Alert[]) => EngineResult) => (tx: DB, slice: readonly string[]) => {
      const alerts: Alert[] = [];
      let r: EngineResult = { raised: 0, escalated: 0 };
      for (const id of slice) r = add(r, evaluate(tx, id, alerts));
      alertStaff(tx, alerts);
      return r;
    };
  const results = [
    ...(await inSlices(
      needIds,
      "needs",
      opts,
      engine((tx, id, alerts) => evaluateNeedIn(tx, id, now, t, alerts)),
    )),
    ...(await inSlices(
      engagementIds,
      "engagements",
      opts,
      engine((tx, id, alerts) => evaluateEngagementIn(tx, id, now, t, alerts, { withVendor: false })),
    )),
  ];
  const vendorIds = vendorsOfEngagements(db, engagementIds);
  results.push(
    ...(await inSlices(
      vendorIds,
      "vendors",
      opts,
      engine((tx, id, alerts) => evaluateVendorIn(tx, id, now, t, alerts)),
    )),
  );
  const result = results.reduce(add, { raised: 0, escalated: 0 });

  const due = vendorsWithDueDatePassed(now, db);
  await inSlices(due, "vendor_stats", opts, (tx, slice) => refreshVendorStats(tx, slice, now));
  const statsRepaired = (
    await inSlices(allVendorIds(db), "vendor_stats", opts, (tx, slice) => repairVendorStatsSlice(tx, slice, now))
  ).reduce((a, b) => a + b, 0);
  const repaired = await repairHealth(db, opts);
  // One slice: the from-scratch count reads the active engagements only (a few thousand at city scale).
  const [countsRepaired = 0] = await inSlices(["all"], "active_counts", opts, (tx) => repairActiveEngagementCounts(tx));
  pruneNeedSearch(now, db);
  return {
    ...result,
    needs: needIds.length,
    engagements: engagementIds.length,
    repaired,
    statsRefreshed: due.length,
    statsRepaired,
    longestSliceMs: Math.round(longestSliceMs * 10) / 10,
    countsRepaired,
  };
}

/** The distinct vendors of these engagements, read a slice at a time (no huge parameter). */
function vendorsOfEngagements(db: DB, engagementIds: readonly string[]): string[] {
  const vendors = new Set<string>();
  for (let i = 0; i < engagementIds.length; i += 500) {
    const slice = engagementIds.slice(i, i + 500);
    for (const r of db
      .select({ id: schema.engagements.vendorId })
      .from(schema.engagements)
      .where(inArray(schema.engagements.id, slice))
      .all())
      vendors.add(r.id);
  }
  return [...vendors];
}

/**
 * Lets SQLite refresh the statistics its planner reads (ADR 012): after migrations at start and
 * after each sweep. `PRAGMA optimize` only analyses tables whose statistics are out of date, with a
 * bounded effort (`analysis_limit`), so it costs little when nothing changed.
 */
export function optimizeDatabase(db: DbOrTx = getDb()) {
  db.run(sql`PRAGMA analysis_limit = 1000`);
  // 0x10002: consider every table, not only those this connection has queried.
  db.run(sql`PRAGMA optimize = 0x10002`);
}

// ---------------------------------------------------------------------------------------------
// Health

/** DESIGN §10 health as a number, for the `health_rank` column: 0 green, 1 amber, 2 red. */
export const HEALTH_RANKS: Record<Health, number> = { green: 0, amber: 1, red: 2 };
export const healthOfRank = (rank: number): Health => (rank >= 2 ? "red" : rank === 1 ? "amber" : "green");

/**
 * The rank an engagement's open and acknowledged flags give it, computed from the flags
 * (served by flags_engagement_status_idx): the one definition the column is kept equal to.
 */
const rankFromFlags = (engagementId: SQL | Placeholder) => sql<number>`coalesce((
  SELECT max(CASE f.severity WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)
  FROM flags f WHERE f.engagement_id = ${engagementId} AND f.subject_type = 'engagement'
  AND f.status IN ('open', 'acknowledged')), 0)`;

/**
 * Sets the engagement's `health_rank` from its flags: called by the engine after it evaluates the
 * engagement and by every staff action on one of its flags, inside their transaction (a statement
 * prepared on the process's connection runs in the transaction open there).
 */
export function refreshHealth(engagementId: string) {
  q().refreshHealth.run({ id: engagementId });
}

/**
 * The sweep's repair: every engagement whose stored rank drifted from its flags; how many. It walks
 * the engagements in id order a slice at a time, each slice its own transaction.
 */
export async function repairHealth(db: DB = getDb(), opts: SweepOptions = {}): Promise<number> {
  const size = Math.max(1, opts.sliceSize ?? SWEEP_SLICE);
  const computed = rankFromFlags(sql`${schema.engagements.id}`);
  let after = "";
  let repaired = 0;
  for (;;) {
    const ids = db
      .select({ id: schema.engagements.id })
      .from(schema.engagements)
      .where(gt(schema.engagements.id, after))
      .orderBy(schema.engagements.id)
      .limit(size)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return repaired;
    after = ids[ids.length - 1]!;
    const started = performance.now();
    repaired += db.transaction(
      (tx) => {
        opts.onSlice?.({ step: "health", size: ids.length });
        return tx
          .update(schema.engagements)
          .set({ healthRank: computed })
          .where(and(inArray(schema.engagements.id, ids), sql`${schema.engagements.healthRank} <> ${computed}`))
          .run().changes;
      },
      { behavior: "immediate" },
    );
    opts.onSliceDone?.({ step: "health", size: ids.length, ms: performance.now() - started });
    await restFor(0);
  }
}

/** The engagement's health, as the flag engine keeps it on the engagement. */
export function healthOf(engagementId: string): Health {
  const row = getDb()
    .select({ rank: schema.engagements.healthRank })
    .from(schema.engagements)
    .where(eq(schema.engagements.id, engagementId))
    .get();
  return healthOfRank(row?.rank ?? 0);
}
