/**
 * The engagement page's picture of progress (issue 15, item 6): how many milestones are accepted
 * and for how much, the next due date, and each party's next step.
 */
import { reviewDaysLeft, type MilestoneStatus } from "./delivery-rules";

type Milestone = {
  id: string;
  title: string;
  amount: number;
  dueAt: number;
  status: MilestoneStatus;
  submittedAt: number | null;
};

export type Progress = {
  accepted: number;
  count: number;
  acceptedAmount: number;
  totalAmount: number;
  /** The due date of the first milestone (in plan order) not yet accepted; null when all are. */
  nextDueAt: number | null;
};

export function engagementProgress(milestones: readonly Milestone[]): Progress {
  const accepted = milestones.filter((m) => m.status === "accepted");
  const next = milestones.find((m) => m.status !== "accepted");
  return {
    accepted: accepted.length,
    count: milestones.length,
    acceptedAmount: accepted.reduce((sum, m) => sum + m.amount, 0),
    totalAmount: milestones.reduce((sum, m) => sum + m.amount, 0),
    nextDueAt: next ? next.dueAt : null,
  };
}

export type NextStep =
  | { kind: "answer_incident"; incidentId: string; category: string }
  | { kind: "review_milestone"; milestone: string; daysLeft: number }
  | { kind: "submit_milestone"; milestone: string; dueAt: number; overdue: boolean }
  | { kind: "decide_amendment" }
  | { kind: "write_review" }
  | { kind: "reply_review" }
  | { kind: "rate_sme" }
  | { kind: "wait_for_vendor"; milestone: string; dueAt: number }
  | { kind: "wait_for_sme"; milestone: string; daysLeft: number };

export type NextStepFacts = {
  status: "active" | "completed" | "terminated";
  milestones: readonly Milestone[];
  /** Incidents not yet resolved, who raised them, and whether the other party has answered. */
  incidents: readonly { id: string; category: string; raisedBySide: "sme" | "vendor"; answered: boolean }[];
  /** Amendments waiting for this party's decision (proposed by the other). */
  amendmentsToDecide: number;
  reviewed: boolean;
  reviewReplied: boolean;
  smeRated: boolean;
  now: number;
};

/**
 * What one party should do next on the engagement, most pressing first: answer an incident raised
 * against it, then its delivery work (the SME reviews a submitted milestone within its 14 days; the
 * vendor submits the next milestone), then amendments to decide, then after completion the review
 * (SME), the reply to it and the SME's rating (vendor). When nothing is theirs to do, what they wait
 * for. Empty when the engagement has ended with nothing left to do.
 */
export function nextSteps(side: "sme" | "vendor", f: NextStepFacts): NextStep[] {
  const steps: NextStep[] = [];
  for (const i of f.incidents) {
    if (i.raisedBySide !== side && !i.answered)
      steps.push({ kind: "answer_incident", incidentId: i.id, category: i.category });
  }
  if (f.status === "active") {
    const submitted = f.milestones.filter((m) => m.status === "submitted" && m.submittedAt !== null);
    const withVendor = f.milestones.find((m) => m.status === "pending" || m.status === "changes_requested");
    if (side === "sme") {
      for (const m of submitted) {
        steps.push({ kind: "review_milestone", milestone: m.title, daysLeft: reviewDaysLeft(m.submittedAt!, f.now) });
      }
    } else if (withVendor) {
      steps.push({
        kind: "submit_milestone",
        milestone: withVendor.title,
        dueAt: withVendor.dueAt,
        overdue: withVendor.dueAt < f.now,
      });
    }
    if (f.amendmentsToDecide > 0) steps.push({ kind: "decide_amendment" });
    if (steps.length === 0) {
      if (side === "sme" && withVendor) {
        steps.push({ kind: "wait_for_vendor", milestone: withVendor.title, dueAt: withVendor.dueAt });
      } else if (side === "vendor" && submitted[0]) {
        steps.push({
          kind: "wait_for_sme",
          milestone: submitted[0].title,
          daysLeft: reviewDaysLeft(submitted[0].submittedAt!, f.now),
        });
      }
    }
  }
  if (f.status === "completed") {
    if (side === "sme" && !f.reviewed) steps.push({ kind: "write_review" });
    if (side === "vendor" && f.reviewed && !f.reviewReplied) steps.push({ kind: "reply_review" });
    if (side === "vendor" && !f.smeRated) steps.push({ kind: "rate_sme" });
  }
  return steps;
}
