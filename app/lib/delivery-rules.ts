/**
 * Delivery of an engagement (docs/product.md, engagements) as pure rules, and the one home of its facts:
 * the engagement and milestone statuses, the amendment kinds and statuses, the review's scores and
 * overall rating, the on-time and overdue rules. The schema, the models, the Zod schemas and the
 * risk rules import them from here; where SQL must compute the same thing,
 * app/models/delivery-sql.server.ts builds it from these constants and a test holds both equal.
 *
 * Milestone `pending` → `submitted` → `accepted` | `changes_requested` → `submitted` …; the vendor
 * submits, the SME decides within 14 days; the engagement completes when every milestone is
 * accepted, or staff terminate it while active.
 */
import { DAY_MS } from "./local-date";

export const ENGAGEMENT_STATUSES = ["active", "completed", "terminated"] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const MILESTONE_STATUSES = ["pending", "submitted", "accepted", "changes_requested"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** The milestone statuses in which the work is with the vendor (not delivered, or sent back). */
export const MILESTONE_STATUSES_WITH_VENDOR = [
  "pending",
  "changes_requested",
] as const satisfies readonly MilestoneStatus[];
/** The status a milestone reaches when delivered: the only one the on-time rule credits. */
export const MILESTONE_DELIVERED: MilestoneStatus = "accepted";

/** The SME's decision on one submission. */
export const SUBMISSION_DECISIONS = ["accepted", "changes_requested"] as const;

export const AMENDMENT_KINDS = ["amount", "due_date", "new_milestone"] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
export const AMENDMENT_STATUSES = ["proposed", "accepted", "declined"] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const SIDES = ["sme", "vendor"] as const;
export type Side = (typeof SIDES)[number];
export type MilestoneAction = "submit" | "accept" | "request_changes";

export const REVIEW_WINDOW_DAYS = 14;

const RULES: Record<MilestoneAction, { side: Side; from: readonly MilestoneStatus[]; to: MilestoneStatus }> = {
  submit: { side: "vendor", from: MILESTONE_STATUSES_WITH_VENDOR, to: "submitted" },
  accept: { side: "sme", from: ["submitted"], to: "accepted" },
  request_changes: { side: "sme", from: ["submitted"], to: "changes_requested" },
};

export type MilestoneTransition =
  { ok: true; to: MilestoneStatus } | { ok: false; error: "wrong_side" | "illegal_transition" | "engagement_closed" };

/** Whether `side` may take `action` on a milestone in `status`; on success, the status it moves to. */
export function milestoneTransition(
  action: MilestoneAction,
  side: Side | "staff",
  status: MilestoneStatus,
  engagementActive: boolean,
): MilestoneTransition {
  const rule = RULES[action];
  if (!engagementActive) return { ok: false, error: "engagement_closed" };
  if (side !== rule.side) return { ok: false, error: "wrong_side" };
  if (!rule.from.includes(status)) return { ok: false, error: "illegal_transition" };
  return { ok: true, to: rule.to };
}

/** Whole days the SME has left to decide on a submission (0 once the window has passed). */
export function reviewDaysLeft(submittedAt: number, now: number): number {
  return Math.max(0, REVIEW_WINDOW_DAYS - Math.floor((now - submittedAt) / DAY_MS));
}

export function allAccepted(statuses: readonly MilestoneStatus[]): boolean {
  return statuses.length > 0 && statuses.every((s) => s === MILESTONE_DELIVERED);
}

export function isWithVendor(status: MilestoneStatus): boolean {
  return (MILESTONE_STATUSES_WITH_VENDOR as readonly MilestoneStatus[]).includes(status);
}

/** Overdue: still with the vendor after its due date. */
export function isOverdue(m: { status: MilestoneStatus; dueAt: number }, now: number): boolean {
  return isWithVendor(m.status) && m.dueAt < now;
}

export type OnTimeFacts = { status: MilestoneStatus; dueAt: number; firstSubmittedAt: number | null };

/**
 * On-time delivery: a milestone counts (is "due") once it is accepted, or once it is past its due
 * date without ever having been submitted (late). An accepted one is on time when it was first
 * submitted by its due date.
 */
export function countsAsDue(m: OnTimeFacts, now: number): boolean {
  return m.status === MILESTONE_DELIVERED || (m.firstSubmittedAt === null && m.dueAt < now);
}

export function isOnTime(m: OnTimeFacts): boolean {
  return m.status === MILESTONE_DELIVERED && m.firstSubmittedAt !== null && m.firstSubmittedAt <= m.dueAt;
}

export function onTimeCounts(milestones: readonly OnTimeFacts[], now: number): { due: number; onTime: number } {
  let due = 0;
  let onTime = 0;
  for (const m of milestones) {
    if (!countsAsDue(m, now)) continue;
    due += 1;
    if (isOnTime(m)) onTime += 1;
  }
  return { due, onTime };
}

/** The four 1–5 marks of a review; the overall rating is their mean. */
export const REVIEW_SCORES = ["quality", "schedule", "value", "communication"] as const;
export type ReviewScore = (typeof REVIEW_SCORES)[number];
/** "Would you recommend them", 0–10: not part of the overall rating. */
export const RECOMMEND_MAX = 10;
export const SCORE_MAX = 5;

/** The review's overall score: the mean of its four 1–5 marks. */
export function overallRating(r: Record<ReviewScore, number>): number {
  return REVIEW_SCORES.reduce((sum, s) => sum + r[s], 0) / REVIEW_SCORES.length;
}

/** A vendor's stored rating: the mean of its reviews' overall ratings, × 100, rounded (null: none). */
export function ratingX100(overallRatings: readonly number[]): number | null {
  if (overallRatings.length === 0) return null;
  return Math.round((overallRatings.reduce((a, b) => a + b, 0) / overallRatings.length) * 100);
}
