/**
 * The risk-flag engine (docs/product.md §10): builds each subject's facts from the data, runs the pure
 * rules of app/lib/risk-rules.ts, and writes flags with their evidence — never two open flags for
 * the same rule and subject (a partial unique index), re-raising closed ones only as ADR 005
 * says. It runs on every relevant event and in a periodic sweep (`npm run flags:sweep`). The
 * staff's side of flags (lists, actions) is flag-queue.server.ts.
 */
import crypto from "node:crypto";
import { and, count, desc, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import { getDb, schema, type DB, type DbOrTx } from "../../db/client.server";
import { overallRating } from "~/lib/delivery-rules";
import { DAY_MS } from "~/lib/local-date";
import type { Sector } from "~/lib/reference";
import {
  engagementHealth,
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

function apply(
  tx: DB,
  findings: Finding[],
  links: (f: Finding) => Links,
  now: number,
  t: RiskThresholds,
  alerts: string[],
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
      if (f.severity === "high") alerts.push(f.code);
    } else if (decision === "escalate" && previous) {
      tx.update(schema.flags)
        .set({ severity: f.severity, evidence: JSON.stringify(f.evidence), updatedAt: now })
        .where(eq(schema.flags.id, previous.id))
        .run();
      tx.insert(schema.flagEvents)
        .values({ flagId: previous.id, kind: "escalated", severity: f.severity, at: now })
        .run();
      result.escalated += 1;
      if (f.severity === "high") alerts.push(f.code);
    }
  }
  return result;
}

/** Tells staff about new or escalated high flags, in the engine's transaction (one notice per rule). */
function alertStaff(tx: DbOrTx, codes: string[]) {
  for (const code of new Set(codes)) {
    notify(staffUserIds(tx), "flag_high", { rule: code }, `/staff/flags?severity=high&code=${code}`, tx);
  }
}

const add = (a: EngineResult, b: EngineResult): EngineResult => ({
  raised: a.raised + b.raised,
  escalated: a.escalated + b.escalated,
});

function evaluateNeedIn(tx: DB, needId: string, now: number, t: RiskThresholds, alerts: string[]): EngineResult {
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
  alerts: string[],
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
  return add(r, evaluateVendorIn(tx, facts.vendorId, now, t, alerts));
}

function evaluateVendorIn(tx: DB, vendorId: string, now: number, t: RiskThresholds, alerts: string[]): EngineResult {
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
  const alerts: string[] = [];
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
export async function sweep(now = Date.now()): Promise<EngineResult & { needs: number; engagements: number }> {
  const db = getDb();
  const t = getRiskThresholds();
  const alerts: string[] = [];
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
  return { ...result, needs: needIds.length, engagements: engagementIds.length };
}

// ---------------------------------------------------------------------------------------------
// Health

export function healthOf(engagementId: string): Health {
  const open = getDb()
    .select({ severity: schema.flags.severity })
    .from(schema.flags)
    .where(
      and(
        eq(schema.flags.engagementId, engagementId),
        eq(schema.flags.subjectType, "engagement"),
        inArray(schema.flags.status, [...FLAG_STATUSES_OPEN]),
      ),
    )
    .all();
  return engagementHealth(open);
}
