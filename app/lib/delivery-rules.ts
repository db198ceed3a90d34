/**
 * Delivery of an engagement (DESIGN §5, §9) as pure rules: milestone `pending` → `submitted` →
 * `accepted` | `changes_requested` → `submitted` …; the vendor submits, the SME decides within
 * 14 days; the engagement completes when every milestone is accepted.
 */

export type Side = "sme" | "vendor";
export type MilestoneStatus = "pending" | "submitted" | "accepted" | "changes_requested";
export type MilestoneAction = "submit" | "accept" | "request_changes";

export const REVIEW_WINDOW_DAYS = 14;
const DAY = 86_400_000;

const RULES: Record<MilestoneAction, { side: Side; from: readonly MilestoneStatus[]; to: MilestoneStatus }> = {
  submit: { side: "vendor", from: ["pending", "changes_requested"], to: "submitted" },
  accept: { side: "sme", from: ["submitted"], to: "accepted" },
  request_changes: { side: "sme", from: ["submitted"], to: "changes_requested" },
};

export type MilestoneTransition =
  { ok: true; to: MilestoneStatus } | { ok: false; error: "wrong_side" | "illegal_transition" | "engagement_closed" };

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
  return Math.max(0, REVIEW_WINDOW_DAYS - Math.floor((now - submittedAt) / DAY));
}

export function allAccepted(statuses: readonly MilestoneStatus[]): boolean {
  return statuses.length > 0 && statuses.every((s) => s === "accepted");
}

/**
 * On-time delivery: a milestone counts once it is accepted (on time when first submitted by its
 * due date) or once it is overdue and still not delivered (late).
 */
export function onTimeCounts(
  milestones: readonly { status: MilestoneStatus; dueAt: number; firstSubmittedAt: number | null }[],
  now: number,
): { due: number; onTime: number } {
  let due = 0;
  let onTime = 0;
  for (const m of milestones) {
    if (m.status === "accepted") {
      due += 1;
      if (m.firstSubmittedAt !== null && m.firstSubmittedAt <= m.dueAt) onTime += 1;
    } else if (m.firstSubmittedAt === null && m.dueAt < now) {
      due += 1;
    }
  }
  return { due, onTime };
}

/** The review's overall score: the mean of its four 1–5 marks. */
export function overallRating(r: { quality: number; schedule: number; value: number; communication: number }): number {
  return (r.quality + r.schedule + r.value + r.communication) / 4;
}
