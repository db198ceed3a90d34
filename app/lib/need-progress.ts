/**
 * Where a need stands, for the stepper at the top of its page (issue 15, item 4): the six steps
 * from draft to done, and the one thing its owner should do now.
 */
import type { EngagementStatus } from "./delivery-rules";
import { DAY_MS } from "./local-date";
import type { NeedStatus } from "./need-status";

export const NEED_STEPS = ["draft", "open", "evaluating", "awarded", "delivery", "completed"] as const;
export type NeedStep = (typeof NEED_STEPS)[number];

/**
 * The step a need is on. An award starts the engagement at once, so an awarded need is in delivery
 * while its engagement is active, and completed when that is. A cancelled or expired need stays on
 * the step where it stopped (`stopped: true`).
 */
export function needStep(
  status: NeedStatus,
  engagementStatus: EngagementStatus | null,
  stoppedAt: { publishedAt: number | null; hadBids: boolean } = { publishedAt: null, hadBids: false },
): { step: NeedStep; stopped: boolean } {
  switch (status) {
    case "draft":
    case "open":
    case "evaluating":
      return { step: status, stopped: false };
    case "awarded":
      if (engagementStatus === "completed") return { step: "completed", stopped: false };
      if (engagementStatus === "terminated") return { step: "delivery", stopped: true };
      return { step: engagementStatus === "active" ? "delivery" : "awarded", stopped: false };
    case "expired":
      return { step: "open", stopped: true };
    case "cancelled":
      return { step: stoppedAt.hadBids ? "evaluating" : stoppedAt.publishedAt ? "open" : "draft", stopped: true };
  }
}

/** Whole days left until the deadline, counting a part of a day as a day (0 once passed). */
export function daysUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / DAY_MS));
}

export type NeedBanner =
  | { kind: "publish" }
  | { kind: "open"; daysLeft: number; bidCount: number }
  | { kind: "compare"; bidCount: number }
  | { kind: "delivery"; engagementId: string }
  | { kind: "completed"; engagementId: string }
  | { kind: "expired" }
  | { kind: "cancelled" };

/** The one thing the owner should do (or know) now, shown under the stepper. */
export function needBanner(facts: {
  status: NeedStatus;
  deadline: number;
  bidCount: number;
  engagement: { id: string; status: EngagementStatus } | null;
  now: number;
}): NeedBanner | null {
  switch (facts.status) {
    case "draft":
      return { kind: "publish" };
    case "open":
      return { kind: "open", daysLeft: daysUntil(facts.deadline, facts.now), bidCount: facts.bidCount };
    case "evaluating":
      return { kind: "compare", bidCount: facts.bidCount };
    case "awarded":
      if (!facts.engagement) return null;
      return facts.engagement.status === "completed"
        ? { kind: "completed", engagementId: facts.engagement.id }
        : { kind: "delivery", engagementId: facts.engagement.id };
    case "expired":
      return { kind: "expired" };
    case "cancelled":
      return { kind: "cancelled" };
  }
}
