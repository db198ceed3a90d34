/**
 * What waits for an SME now (issue 15, item 1): the task list on its home page, most urgent first.
 * The facts come from one model call (`smeTaskFacts` in app/models/sme-home.server.ts); this module
 * only decides which of them are tasks and in what order, so each situation is unit-tested.
 */
import { REVIEW_WINDOW_DAYS, reviewDaysLeft } from "./delivery-rules";
import { DAY_MS } from "./local-date";

export type SmeTaskFacts = {
  /** Needs whose bidding has closed with live bids and no award yet. */
  needsToDecide: { needId: string; title: string; bidCount: number; since: number }[];
  /** Milestones the vendor submitted, waiting for the SME's decision. */
  submittedMilestones: { engagementId: string; needTitle: string; milestone: string; submittedAt: number }[];
  /** Incidents not yet resolved on the SME's engagements. */
  openIncidents: {
    engagementId: string;
    needTitle: string;
    category: string;
    createdAt: number;
    raisedByUs: boolean;
  }[];
  /** Completed engagements: whether the SME has reviewed the vendor yet. */
  completedEngagements: {
    engagementId: string;
    needTitle: string;
    vendorName: string;
    completedAt: number;
    reviewed: boolean;
  }[];
  /** When the SME last completed an assessment (null: never). */
  lastAssessmentAt: number | null;
};

export type SmeTask =
  | {
      kind: "review_milestone";
      engagementId: string;
      needTitle: string;
      milestone: string;
      daysLeft: number;
      since: number;
    }
  | { kind: "compare_bids"; needId: string; title: string; count: number; since: number }
  | { kind: "incident"; engagementId: string; needTitle: string; category: string; since: number; raisedByUs: boolean }
  | { kind: "write_review"; engagementId: string; needTitle: string; vendorName: string; since: number }
  | { kind: "retake_assessment"; needTitle: string; since: number };

/** A milestone review with this many days left (or fewer) goes to the top of the list. */
export const URGENT_REVIEW_DAYS = 3;

const KIND_ORDER: Record<SmeTask["kind"], number> = {
  compare_bids: 1,
  review_milestone: 2,
  incident: 3,
  write_review: 4,
  retake_assessment: 5,
};

function urgent(task: SmeTask): boolean {
  return task.kind === "review_milestone" && task.daysLeft <= URGENT_REVIEW_DAYS;
}

/**
 * The SME's tasks, most urgent first: a milestone review about to run out of its 14 days, then bids
 * waiting to be compared, milestones to review, open incidents, reviews to write, and the
 * assessment to retake after a completed engagement. Within a kind, the oldest first (a milestone
 * review: the fewest days left).
 */
export function smeTasks(facts: SmeTaskFacts, now: number): SmeTask[] {
  const tasks: SmeTask[] = [];
  for (const n of facts.needsToDecide) {
    if (n.bidCount > 0)
      tasks.push({ kind: "compare_bids", needId: n.needId, title: n.title, count: n.bidCount, since: n.since });
  }
  for (const m of facts.submittedMilestones) {
    tasks.push({
      kind: "review_milestone",
      engagementId: m.engagementId,
      needTitle: m.needTitle,
      milestone: m.milestone,
      daysLeft: reviewDaysLeft(m.submittedAt, now),
      since: m.submittedAt,
    });
  }
  for (const i of facts.openIncidents) {
    tasks.push({
      kind: "incident",
      engagementId: i.engagementId,
      needTitle: i.needTitle,
      category: i.category,
      since: i.createdAt,
      raisedByUs: i.raisedByUs,
    });
  }
  for (const e of facts.completedEngagements) {
    if (!e.reviewed) {
      tasks.push({
        kind: "write_review",
        engagementId: e.engagementId,
        needTitle: e.needTitle,
        vendorName: e.vendorName,
        since: e.completedAt,
      });
    }
  }
  // One retake is enough: the latest completed engagement with no assessment since it completed.
  const latest = [...facts.completedEngagements].sort((a, b) => b.completedAt - a.completedAt)[0];
  if (latest && (facts.lastAssessmentAt === null || facts.lastAssessmentAt < latest.completedAt)) {
    tasks.push({ kind: "retake_assessment", needTitle: latest.needTitle, since: latest.completedAt });
  }
  return tasks.sort(
    (a, b) =>
      Number(urgent(b)) - Number(urgent(a)) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.kind === "review_milestone" && b.kind === "review_milestone" ? a.daysLeft - b.daysLeft : 0) ||
      a.since - b.since,
  );
}

/** Whole days since a moment (0 on the same day). */
export function daysSince(at: number, now: number): number {
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** With nothing to do: the next sensible step — first an assessment, then a need. */
export function nextStepWhenIdle(facts: { lastAssessmentAt: number | null }): "take_assessment" | "post_need" {
  return facts.lastAssessmentAt === null ? "take_assessment" : "post_need";
}

export { REVIEW_WINDOW_DAYS };
