/**
 * The facts behind an SME's task list on /me (issue 15, item 1), in one call: needs whose bids wait
 * for a decision, submitted milestones waiting for review, unresolved incidents, completed
 * engagements (reviewed or not) and the date of its latest assessment. Which of them are tasks, and
 * their order, is app/lib/sme-tasks.ts. Each list is bounded and served by an index on the SME.
 */
import { and, count, desc, eq, inArray, lte, ne, or, sql } from "drizzle-orm";
import { getDb, schema, type DB } from "../../db/client.server";
import type { SmeTaskFacts } from "~/lib/sme-tasks";

/** Enough for any SME's home; more would be a list page of its own. */
const LIMIT = 50;

export function smeTaskFacts(organisationId: string, now = Date.now(), db: DB = getDb()): SmeTaskFacts {
  const liveBids = db
    .select({ needId: schema.bids.needId, n: count().as("n") })
    .from(schema.bids)
    .where(ne(schema.bids.status, "withdrawn"))
    .groupBy(schema.bids.needId)
    .as("live_bids");
  // Bidding has closed (stored `evaluating`, or `open` past its deadline) and no award yet.
  const needsToDecide = db
    .select({
      needId: schema.needs.id,
      title: schema.needs.title,
      bidCount: liveBids.n,
      deadline: schema.needs.deadline,
      closedAt: schema.needs.closedAt,
    })
    .from(schema.needs)
    .innerJoin(liveBids, eq(liveBids.needId, schema.needs.id))
    .where(
      and(
        eq(schema.needs.organisationId, organisationId),
        or(
          eq(schema.needs.status, "evaluating"),
          and(eq(schema.needs.status, "open"), lte(schema.needs.deadline, now)),
        ),
      ),
    )
    .limit(LIMIT)
    .all()
    .map((n) => ({
      needId: n.needId,
      title: n.title,
      bidCount: n.bidCount,
      since: Math.min(n.deadline, n.closedAt ?? n.deadline),
    }));

  const submittedMilestones = db
    .select({
      engagementId: schema.engagements.id,
      needTitle: schema.needs.title,
      milestone: schema.engagementMilestones.title,
      submittedAt: schema.engagementMilestones.submittedAt,
    })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(schema.engagementMilestones, eq(schema.engagementMilestones.engagementId, schema.engagements.id))
    .where(
      and(
        eq(schema.engagements.smeId, organisationId),
        eq(schema.engagements.status, "active"),
        eq(schema.engagementMilestones.status, "submitted"),
      ),
    )
    .limit(LIMIT)
    .all()
    .map((m) => ({ ...m, submittedAt: m.submittedAt ?? now }));

  const openIncidents = db
    .select({
      engagementId: schema.engagements.id,
      needTitle: schema.needs.title,
      category: schema.incidents.category,
      createdAt: schema.incidents.createdAt,
      raisedBySide: schema.incidents.raisedBySide,
    })
    .from(schema.incidents)
    .innerJoin(schema.engagements, eq(schema.engagements.id, schema.incidents.engagementId))
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .where(and(eq(schema.engagements.smeId, organisationId), inArray(schema.incidents.status, ["open", "in_progress"])))
    .limit(LIMIT)
    .all()
    .map(({ raisedBySide, ...i }) => ({ ...i, raisedByUs: raisedBySide === "sme" }));

  const completedEngagements = db
    .select({
      engagementId: schema.engagements.id,
      needTitle: schema.needs.title,
      vendorName: schema.organisations.legalName,
      completedAt: schema.engagements.completedAt,
      reviewId: schema.reviews.id,
    })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.engagements.vendorId))
    .leftJoin(schema.reviews, eq(schema.reviews.engagementId, schema.engagements.id))
    .where(and(eq(schema.engagements.smeId, organisationId), eq(schema.engagements.status, "completed")))
    .orderBy(desc(schema.engagements.completedAt))
    .limit(LIMIT)
    .all()
    .map(({ reviewId, completedAt, ...e }) => ({ ...e, completedAt: completedAt ?? 0, reviewed: reviewId !== null }));

  const lastAssessmentAt =
    db
      .select({ at: sql<number | null>`max(${schema.assessments.completedAt})` })
      .from(schema.assessments)
      .where(and(eq(schema.assessments.organisationId, organisationId), eq(schema.assessments.status, "completed")))
      .get()?.at ?? null;

  return { needsToDecide, submittedMilestones, openIncidents, completedEngagements, lastAssessmentAt };
}
