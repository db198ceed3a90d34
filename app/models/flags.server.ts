/**
 * The risk-flag engine (docs/product.md §10): builds each subject's facts from the data, runs the pure
 * rules of app/lib/risk-rules.ts, and writes flags with their evidence — never two open flags for
 * the same rule and subject (a partial unique index), re-raising closed ones only as ADR 005
 * says. It runs on every relevant event and in a periodic sweep (`npm run flags:sweep`). The
 * staff's side of flags (lists, actions) is flag-queue.server.ts.
 */
import crypto from "node:crypto";
import { and, count, desc, eq, gt, inArray, ne, or, sql, type SQL } from "drizzle-orm";
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
import { trackRecords } from "./engagements.server";
import { notify, staffUserIds } from "./notifications.server";
import { getSetting } from "./settings.server";

export const RISK_THRESHOLDS_KEY = "risk_thresholds";

export function getRiskThresholds(): RiskThresholds {
  return getSetting(RISK_THRESHOLDS_KEY, RiskThresholdsSchema, { ...RISK_THRESHOLDS_DEFAULT });
}

// ---------------------------------------------------------------------------------------------
// Facts from the data

function needFacts(db: DB, needId: string): (NeedFacts & { sector: Sector }) | null {
  const need = db.select().from(schema.needs).where(eq(schema.needs.id, needId)).get();
  if (!need) return null;
  const bids = db
    .select({
      id: schema.bids.id,
      vendorId: schema.bids.vendorId,
      total: schema.bids.total,
      status: schema.bids.status,
    })
    .from(schema.bids)
    .where(eq(schema.bids.needId, needId))
    .all();
  return {
    id: need.id,
    status: need.status,
    publishedAt: need.publishedAt,
    deadline: need.deadline,
    budgetMin: need.budgetMin,
    budgetMax: need.budgetMax,
    bids,
    sector: need.sector,
  };
}

function engagementFacts(db: DB, engagementId: string): (EngagementFacts & { needId: string; sector: Sector }) | null {
  const row = db
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
    .where(eq(schema.engagements.id, engagementId))
    .get();
  if (!row) return null;
  const e = row.e;
  const milestones = db
    .select({
      id: schema.engagementMilestones.id,
      dueAt: schema.engagementMilestones.dueAt,
      submittedAt: schema.engagementMilestones.submittedAt,
      status: schema.engagementMilestones.status,
      rejections: schema.engagementMilestones.rejections,
    })
    .from(schema.engagementMilestones)
    .where(eq(schema.engagementMilestones.engagementId, engagementId))
    .all();
  const amendments = db
    .select({ status: schema.amendments.status, valueDelta: schema.amendments.valueDelta })
    .from(schema.amendments)
    .where(eq(schema.amendments.engagementId, engagementId))
    .all();
  const openIncidents =
    db
      .select({ n: count() })
      .from(schema.incidents)
      .where(and(eq(schema.incidents.engagementId, engagementId), ne(schema.incidents.status, "resolved")))
      .get()?.n ?? 0;
  const review = db.select().from(schema.reviews).where(eq(schema.reviews.engagementId, engagementId)).get();
  const assessmentsAfterCompletion = e.completedAt
    ? (db
        .select({ n: count() })
        .from(schema.assessments)
        .where(
          and(
            eq(schema.assessments.organisationId, e.smeId),
            eq(schema.assessments.status, "completed"),
            gt(schema.assessments.completedAt, e.completedAt),
          ),
        )
        .get()?.n ?? 0)
    : 0;
  const others = db
    .select({ awardedAt: schema.engagements.awardedAt })
    .from(schema.engagements)
    .where(
      and(
        eq(schema.engagements.smeId, e.smeId),
        eq(schema.engagements.vendorId, e.vendorId),
        ne(schema.engagements.id, e.id),
      ),
    )
    .all()
    .map((r) => r.awardedAt);
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
    milestones,
    amendments,
    openIncidents,
    overallRating: review ? overallRating(review) : null,
    vendorStatus: row.vendorStatus ?? "draft",
    vendorVettingExpiresAt: row.vendorExpiresAt ?? null,
    assessmentsAfterCompletion,
    otherAwardsSameSmeVendor: others,
    needId: e.needId,
    sector: row.sector,
  };
}

function vendorFacts(db: DB, vendorId: string, now: number): VendorFacts {
  const openFlagCount =
    db
      .select({ n: count() })
      .from(schema.flags)
      .where(
        and(
          eq(schema.flags.vendorId, vendorId),
          eq(schema.flags.subjectType, "engagement"),
          inArray(schema.flags.status, [...FLAG_STATUSES_OPEN]),
        ),
      )
      .get()?.n ?? 0;
  const { due, onTime } = trackRecords([vendorId], now, db).get(vendorId)!;
  return { id: vendorId, openFlagCount, milestonesDue: due, milestonesOnTime: onTime };
}

// ---------------------------------------------------------------------------------------------
// Writing flags

type Links = { needId?: string | null; engagementId?: string | null; vendorId?: string | null; sector?: Sector | null };
export type EngineResult = { raised: number; escalated: number };

function latestFlag(tx: DB, f: Finding) {
  return tx
    .select()
    .from(schema.flags)
    .where(
      and(
        eq(schema.flags.code, f.code),
        eq(schema.flags.subjectType, f.subjectType),
        eq(schema.flags.subjectId, f.subjectId),
      ),
    )
    .orderBy(
      sql`CASE WHEN ${schema.flags.status} IN ('open', 'acknowledged') THEN 0 ELSE 1 END`,
      desc(schema.flags.raisedAt),
    )
    .get();
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
    const previous = latestFlag(tx, f);
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
  const facts = needFacts(tx, needId);
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
): EngineResult {
  const facts = engagementFacts(tx, engagementId);
  if (!facts) return { raised: 0, escalated: 0 };
  const r = apply(
    tx,
    evaluateEngagement(facts, now, t),
    () => ({ needId: facts.needId, engagementId, vendorId: facts.vendorId, sector: facts.sector }),
    now,
    t,
    alerts,
  );
  refreshHealth(tx, engagementId);
  return add(r, evaluateVendorIn(tx, facts.vendorId, now, t, alerts));
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

/**
 * The periodic sweep: every need still in play (open, evaluating, or awarded in the last 90 days),
 * every active engagement and every one completed in the last 120 days, and their vendors.
 */
export async function sweep(
  now = Date.now(),
): Promise<EngineResult & { needs: number; engagements: number; repaired: number }> {
  const db = getDb();
  const t = getRiskThresholds();
  const alerts: Alert[] = [];
  const needIds = db
    .select({ id: schema.needs.id })
    .from(schema.needs)
    .where(
      or(
        inArray(schema.needs.status, ["open", "evaluating"]),
        and(eq(schema.needs.status, "awarded"), gt(schema.needs.updatedAt, now - 90 * DAY_MS)),
      ),
    )
    .all()
    .map((r) => r.id);
  const engagementIds = db
    .select({ id: schema.engagements.id })
    .from(schema.engagements)
    .where(
      or(
        eq(schema.engagements.status, "active"),
        and(eq(schema.engagements.status, "completed"), gt(schema.engagements.completedAt, now - 120 * DAY_MS)),
      ),
    )
    .all()
    .map((r) => r.id);
  const result = db.transaction(
    (tx) => {
      let r: EngineResult = { raised: 0, escalated: 0 };
      for (const id of needIds) r = add(r, evaluateNeedIn(tx, id, now, t, alerts));
      for (const id of engagementIds) r = add(r, evaluateEngagementIn(tx, id, now, t, alerts));
      alertStaff(tx, alerts);
      return r;
    },
    { behavior: "immediate" },
  );
  const repaired = repairHealth(db);
  return { ...result, needs: needIds.length, engagements: engagementIds.length, repaired };
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
const rankFromFlags = (engagementId: SQL) => sql<number>`coalesce((
  SELECT max(CASE f.severity WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)
  FROM flags f WHERE f.engagement_id = ${engagementId} AND f.subject_type = 'engagement'
  AND f.status IN ('open', 'acknowledged')), 0)`;

/**
 * Sets the engagement's `health_rank` from its flags, in the caller's transaction: called by the
 * engine after it evaluates the engagement and by every staff action on one of its flags.
 */
export function refreshHealth(tx: DbOrTx, engagementId: string) {
  tx.update(schema.engagements)
    .set({ healthRank: rankFromFlags(sql`${engagementId}`) })
    .where(eq(schema.engagements.id, engagementId))
    .run();
}

/** The sweep's repair: every engagement whose stored rank drifted from its flags; how many. */
export function repairHealth(db: DbOrTx = getDb()): number {
  const computed = rankFromFlags(sql`${schema.engagements.id}`);
  return db
    .update(schema.engagements)
    .set({ healthRank: computed })
    .where(sql`${schema.engagements.healthRank} <> ${computed}`)
    .run().changes;
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
