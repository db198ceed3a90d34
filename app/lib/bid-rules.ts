/**
 * Bids (docs/product.md §5, §7) as pure rules: the lifecycle `submitted` ⇄ edited until the deadline →
 * `withdrawn` | `shortlisted` → `awarded` | `not_selected`, and what makes a bid's plan sound.
 */

export const BID_STATUSES = ["submitted", "withdrawn", "shortlisted", "awarded", "not_selected"] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

/** A bid that still counts: not withdrawn. */
export const LIVE_BID_STATUSES: readonly BidStatus[] = ["submitted", "shortlisted", "awarded", "not_selected"];

export const VALIDITY_DAYS = [30, 60, 90] as const;
export const MAX_MILESTONES = 12;

export type MilestonePlan = { title: string; dueOffsetDays: number; amount: number };

export type PlanProblem =
  | { path: ["milestones", number, "dueOffsetDays"]; message: "errors.offsetOrder" | "errors.offsetBeyondDuration" }
  | { path: ["milestones"]; message: "errors.milestoneSum" | "errors.milestonesRequired" };

/**
 * The milestones' amounts add up to the total; their due offsets (days after the award) increase
 * strictly and none is later than the bid's duration.
 */
export function planProblems(total: number, durationDays: number, milestones: readonly MilestonePlan[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (milestones.length === 0) return [{ path: ["milestones"], message: "errors.milestonesRequired" }];
  let previous = 0;
  milestones.forEach((m, i) => {
    if (m.dueOffsetDays <= previous)
      problems.push({ path: ["milestones", i, "dueOffsetDays"], message: "errors.offsetOrder" });
    else if (m.dueOffsetDays > durationDays) {
      problems.push({ path: ["milestones", i, "dueOffsetDays"], message: "errors.offsetBeyondDuration" });
    }
    previous = Math.max(previous, m.dueOffsetDays);
  });
  const sum = milestones.reduce((s, m) => s + m.amount, 0);
  if (sum !== total) problems.push({ path: ["milestones"], message: "errors.milestoneSum" });
  return problems;
}

/** Shortlisting and awarding wait until bidding has closed; editing stops then. */
export function biddingOpen(needStatusNow: string): boolean {
  return needStatusNow === "open";
}

export function canShortlist(status: BidStatus): boolean {
  return status === "submitted" || status === "shortlisted";
}
