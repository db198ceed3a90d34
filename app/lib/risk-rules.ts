/**
 * The risk-flag rules of docs/product.md §10, as pure functions over plain facts.
 *
 * A model (the monitoring issue) reads the facts from the database, calls `evaluateNeed`,
 * `evaluateEngagement` or `evaluateVendor` with the admin's thresholds and the server's clock, and
 * decides with `shouldRaise` whether each finding becomes a new flag, escalates the open one, or
 * changes nothing. Nothing here reads a clock or the database, so every rule is tested at its
 * threshold with exact numbers.
 *
 * Conventions:
 * - Times are integer ms since the epoch (UTC); money is integer VND; thresholds in days are whole
 *   days of 24 h (a rule does not care about the calendar, only about elapsed time).
 * - Shares are compared as ratios (`awardedTotal / budgetMax > 1.2`), not as products
 *   (`awardedTotal > 1.2 * budgetMax`): a division of two integers is rounded once, so a value
 *   exactly at the threshold (7 700 000 of 11 000 000) compares equal to the literal 0.7, while the
 *   product carries the literal's own rounding error (0.7 × 11 000 000 = 7 699 999.999…).
 * - Each rule returns `null` or one finding whose `evidence` holds the numbers that fired it, so
 *   the flags page can say in words why (e.g. "bid of 40 000 000 ₫ is below Q1 − 1.5·IQR =
 *   62 500 000 ₫ of 4 bids").
 *
 * The re-fire policy (what a finding does when a flag for the same rule and subject exists) is
 * `shouldRaise`, decided in docs/decisions/005-risk-flag-refire-policy.md:
 * - never two open flags for one rule and subject: while one is open or acknowledged, a finding
 *   only escalates it when it is more severe (an overdue milestone crossing 30 days);
 * - a resolved or dismissed flag comes back only when the finding is more severe than the flag was
 *   when closed, or when the condition still holds a cool-down (`refireCooldownDays`, 14 by
 *   default) after it was closed — so staff are not flooded, and nothing that got worse is hidden.
 *
 * One module though over 400 lines: the sixteen rules of one table, each small, with their facts,
 * thresholds and re-fire policy; they are read and tested together against docs/product.md §10.
 */
import { z } from "zod";
import type { FlagStatus, Health, RuleCode, Severity, SubjectType } from "./risk-codes";
import { FLAG_STATUSES_OPEN, RULE_CODES } from "./risk-codes";
import type { BidStatus } from "./bid-rules";
import { isWithVendor, type AmendmentStatus, type EngagementStatus, type MilestoneStatus } from "./delivery-rules";
import { DAY_MS } from "./local-date";
import { effectiveNeedStatus, type NeedStatus } from "./need-status";
import type { VendorStatus } from "./reference";
import { effectiveStatus, type EffectiveVendorStatus } from "./vendor-lifecycle";

// ---------------------------------------------------------------------------------------------
// Catalogue

export {
  FLAG_STATUSES,
  FLAG_STATUSES_OPEN,
  HEALTHS,
  RULE_CODES,
  SEVERITIES,
  SUBJECT_TYPES,
  type FlagStatus,
  type Health,
  type RuleCode,
  type Severity,
  type SubjectType,
} from "./risk-codes";

/**
 * Each rule's subject and default severity (docs/product.md §10). MILESTONE_OVERDUE is the one rule whose
 * severity rises with the facts (high after `milestoneOverdueHighDays`); its entry is the severity it
 * starts with.
 */
export const RISK_RULES: Readonly<Record<RuleCode, { subjectType: SubjectType; severity: Severity }>> = {
  SINGLE_BID: { subjectType: "need", severity: "medium" },
  SHORT_WINDOW: { subjectType: "need", severity: "low" },
  LOW_BID: { subjectType: "bid", severity: "medium" },
  IDENTICAL_BIDS: { subjectType: "need", severity: "high" },
  OVER_BUDGET_AWARD: { subjectType: "engagement", severity: "medium" },
  REPEAT_AWARD: { subjectType: "engagement", severity: "low" },
  MILESTONE_OVERDUE: { subjectType: "engagement", severity: "medium" },
  REVIEW_OVERDUE: { subjectType: "engagement", severity: "low" },
  REPEATED_REJECTION: { subjectType: "engagement", severity: "medium" },
  STALLED: { subjectType: "engagement", severity: "medium" },
  AMENDMENTS: { subjectType: "engagement", severity: "medium" },
  INCIDENT: { subjectType: "engagement", severity: "high" },
  LOW_RATING: { subjectType: "engagement", severity: "medium" },
  VENDOR_STATUS: { subjectType: "engagement", severity: "high" },
  NO_OUTCOME: { subjectType: "engagement", severity: "low" },
  VENDOR_RISK: { subjectType: "vendor", severity: "medium" },
};

/** The rule codes whose subject is of this kind, in catalogue order. */
export function rulesFor(subjectType: SubjectType): RuleCode[] {
  return RULE_CODES.filter((code) => RISK_RULES[code].subjectType === subjectType);
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** Orders severities low < medium < high: negative when `a` is less severe than `b`, 0 when equal. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

export function isMoreSevere(a: Severity, than: Severity): boolean {
  return compareSeverity(a, than) > 0;
}

// ---------------------------------------------------------------------------------------------
// Thresholds: admin settings, validated by one schema

const NUMBER = { required_error: "errors.required", invalid_type_error: "errors.number" };

/** A whole number of days, at least one. */
const days = (max: number) =>
  z.number(NUMBER).int("errors.wholeNumber").min(1, "errors.tooSmall").max(max, "errors.tooLarge");
/** A whole count. */
const count = (min: number, max: number) =>
  z.number(NUMBER).int("errors.wholeNumber").min(min, "errors.tooSmall").max(max, "errors.tooLarge");
/** A share (0.5 = 50%): more than zero, at most `max`. */
const share = (max: number) => z.number(NUMBER).positive("errors.tooSmall").max(max, "errors.tooLarge");

const thresholdsObject = z.object({
  /** SHORT_WINDOW: a bidding window (deadline − publication) under this many days. */
  shortWindowDays: days(90),
  /** LOW_BID, 4+ bids: below Q1 − this factor × IQR (Tukey's fence). */
  lowBidIqrFactor: share(10),
  /** LOW_BID, 2–3 bids: below this share of the bids' median. */
  lowBidMedianShare: share(1),
  /** LOW_BID, any number of bids: below this share of the budget's lower bound. */
  lowBidBudgetShare: share(1),
  /** LOW_BID: from this many valid bids the quartile test replaces the median test. Quartiles of fewer than four values say little. */
  lowBidQuartileMinBids: count(4, 100),
  /** OVER_BUDGET_AWARD: an awarded total above this share of the budget's upper bound (1.2 = 120%). */
  overBudgetShare: z.number(NUMBER).min(1, "errors.tooSmall").max(10, "errors.tooLarge"),
  /** REPEAT_AWARD: the same SME awarding the same vendor this many times… */
  repeatAwardCount: count(2, 100),
  /** …within this many days. */
  repeatAwardWindowDays: days(3650),
  /** MILESTONE_OVERDUE: a milestone with the vendor this many days after its due date (medium)… */
  milestoneOverdueDays: days(365),
  /** …and this many (high); must be more than `milestoneOverdueDays`. */
  milestoneOverdueHighDays: days(365),
  /** REVIEW_OVERDUE: a submitted milestone waiting this many days for the SME's decision (docs/product.md §9: 14). */
  reviewOverdueDays: days(365),
  /** REPEATED_REJECTION: a milestone sent back this many times. */
  repeatedRejections: count(1, 100),
  /** STALLED: an active engagement with no activity for this many days. */
  stalledDays: days(365),
  /** AMENDMENTS: this many accepted amendments… */
  amendmentsCount: count(1, 100),
  /** …or the value raised by more than this share of the awarded total (0.2 = 20%). */
  amendmentValueIncrease: share(10),
  /** LOW_RATING: a completed engagement rated at most this (ratings are 1–5). */
  lowRatingMax: z.number(NUMBER).min(1, "errors.tooSmall").max(5, "errors.tooLarge"),
  /** NO_OUTCOME: completed this many days ago with no assessment since. */
  noOutcomeDays: days(3650),
  /** VENDOR_RISK: this many open flags across the vendor's engagements… */
  vendorRiskOpenFlags: count(1, 100),
  /** …or an on-time rate under this share… */
  vendorRiskOnTimeShare: share(1),
  /** …over at least this many milestones. */
  vendorRiskMinMilestones: count(1, 1000),
  /** The re-fire cool-down of `shouldRaise`: days after a flag was closed before the same condition raises it again. */
  refireCooldownDays: days(365),
});

export type RiskThresholds = z.infer<typeof thresholdsObject>;

/** The thresholds as an admin may set them; messages are locale keys (`errors.*`). */
export const RiskThresholdsSchema = thresholdsObject.superRefine((t, ctx) => {
  if (t.milestoneOverdueHighDays <= t.milestoneOverdueDays) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["milestoneOverdueHighDays"], message: "errors.tooSmall" });
  }
});

/** The defaults of docs/product.md §10 (and the cool-down of ADR 005). */
export const RISK_THRESHOLDS_DEFAULT: Readonly<RiskThresholds> = {
  shortWindowDays: 7,
  lowBidIqrFactor: 1.5,
  lowBidMedianShare: 0.5,
  lowBidBudgetShare: 0.7,
  lowBidQuartileMinBids: 4,
  overBudgetShare: 1.2,
  repeatAwardCount: 3,
  repeatAwardWindowDays: 365,
  milestoneOverdueDays: 7,
  milestoneOverdueHighDays: 30,
  reviewOverdueDays: 14,
  repeatedRejections: 2,
  stalledDays: 21,
  amendmentsCount: 3,
  amendmentValueIncrease: 0.2,
  lowRatingMax: 2,
  noOutcomeDays: 60,
  vendorRiskOpenFlags: 3,
  vendorRiskOnTimeShare: 0.5,
  vendorRiskMinMilestones: 4,
  refireCooldownDays: 14,
};

// ---------------------------------------------------------------------------------------------
// Facts: what a model reads from the database for one subject

/** Engagement statuses (declared in app/lib/delivery-rules.ts). */
export type EngagementStatusFact = EngagementStatus;
/** Milestone statuses (declared in app/lib/delivery-rules.ts). */
export type MilestoneStatusFact = MilestoneStatus;
/** Amendment statuses (declared in app/lib/delivery-rules.ts): only accepted amendments change the plan. */
export type AmendmentStatusFact = AmendmentStatus;

export type BidFacts = {
  id: string;
  /** the vendor organisation's id */
  vendorId: string;
  /** VND */
  total: number;
  status: BidStatus;
};

export type NeedFacts = {
  id: string;
  /** the stored status; the rules compute the effective one (an open need past its deadline) themselves */
  status: NeedStatus;
  /** null while a draft */
  publishedAt: number | null;
  /** the bid deadline as it is now (it may have been moved later while open) */
  deadline: number;
  /** VND */
  budgetMin: number;
  /** VND */
  budgetMax: number;
  /** every bid on the need, withdrawn ones included: the rules pick the valid ones */
  bids: BidFacts[];
};

export type MilestoneFacts = {
  id: string;
  dueAt: number;
  /** the latest submission (a resubmission after changes replaces it); null if never submitted */
  submittedAt: number | null;
  status: MilestoneStatusFact;
  /** how many times the SME has requested changes on it */
  rejections: number;
};

export type AmendmentFacts = {
  status: AmendmentStatusFact;
  /** the change of the engagement's value in VND (negative when lowered; 0 for a schedule change) */
  valueDelta: number;
};

export type EngagementFacts = {
  id: string;
  status: EngagementStatusFact;
  /** the SME organisation's id */
  smeId: string;
  /** the vendor organisation's id */
  vendorId: string;
  /** the awarded bid's total, VND (before amendments) */
  awardedTotal: number;
  /** the need's budget upper bound, VND */
  budgetMax: number;
  awardedAt: number;
  /** null unless completed */
  completedAt: number | null;
  /** the latest timeline event (message, submission, decision, amendment, incident…), or `awardedAt` */
  lastActivityAt: number;
  milestones: MilestoneFacts[];
  /** every amendment, whatever its status */
  amendments: AmendmentFacts[];
  /** incidents on the engagement not yet resolved (`open` or `in_progress`) */
  openIncidents: number;
  /** the SME's review: the mean of its four 1–5 scores; null until reviewed */
  overallRating: number | null;
  /** the vendor's stored status and vetting expiry, as in `vendor-lifecycle.ts` */
  vendorStatus: VendorStatus;
  vendorVettingExpiresAt: number | null;
  /** the SME's completed assessments finished after `completedAt` */
  assessmentsAfterCompletion: number;
  /** `awardedAt` of the SME's OTHER engagements with the same vendor, any status (this one excluded) */
  otherAwardsSameSmeVendor: number[];
};

export type VendorFacts = {
  id: string;
  /** open or acknowledged flags whose subject is one of the vendor's engagements */
  openFlagCount: number;
  /** milestones counted by the vendor's on-time rate (the same definition as its public profile) */
  milestonesDue: number;
  /** of those, the ones submitted on or before their due date */
  milestonesOnTime: number;
};

// ---------------------------------------------------------------------------------------------
// Findings

export type EvidenceValue = number | string | boolean | null | readonly string[];
/** The numbers that fired a rule, as a JSON object stored with the flag. */
export type Evidence = Readonly<Record<string, EvidenceValue>>;

export type Finding = {
  code: RuleCode;
  subjectType: SubjectType;
  subjectId: string;
  severity: Severity;
  evidence: Evidence;
};

function finding(code: RuleCode, subjectId: string, evidence: Evidence, severity?: Severity): Finding {
  const rule = RISK_RULES[code];
  return { code, subjectType: rule.subjectType, subjectId, severity: severity ?? rule.severity, evidence };
}

/** Whole days elapsed, for evidence shown to people (the rules compare milliseconds). */
function wholeDays(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Statistics

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation between the two
 * nearest ranks: h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). This is Hyndman & Fan's
 * type 7, the default of numpy.percentile, R's quantile() and spreadsheets' QUARTILE.INC, so staff
 * can check a number in a spreadsheet.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

export function median(sorted: readonly number[]): number {
  return quantile(sorted, 0.5);
}

// ---------------------------------------------------------------------------------------------
// Need rules (and LOW_BID, whose subject is a bid but whose facts are the need's)

/** A bid counts unless withdrawn: shortlisted, awarded and not selected bids were all offers. */
export function validBids(need: NeedFacts): BidFacts[] {
  return need.bids.filter((b) => b.status !== "withdrawn");
}

/**
 * SINGLE_BID: bidding has closed (the need is evaluating or awarded, or open past its deadline) with
 * exactly one valid bid. A cancelled need is left out: nothing will be awarded on it.
 */
export function ruleSingleBid(need: NeedFacts, now: number, _t: RiskThresholds): Finding | null {
  const bidCount = validBids(need).length;
  const status = effectiveNeedStatus({ status: need.status, deadline: need.deadline, bidCount, now });
  if (status !== "evaluating" && status !== "awarded") return null;
  if (bidCount !== 1) return null;
  return finding("SINGLE_BID", need.id, { bidCount, deadline: need.deadline });
}

/**
 * SHORT_WINDOW: published with a bidding window (deadline − publication) UNDER `shortWindowDays`:
 * exactly 7 days does not fire, 6 days 23 h does. The deadline is the current one, so moving it
 * later while open (which §7 allows) clears the condition.
 */
export function ruleShortWindow(need: NeedFacts, _now: number, t: RiskThresholds): Finding | null {
  if (need.publishedAt === null || need.status === "draft") return null;
  const windowMs = need.deadline - need.publishedAt;
  if (windowMs >= t.shortWindowDays * DAY_MS) return null;
  return finding("SHORT_WINDOW", need.id, {
    publishedAt: need.publishedAt,
    deadline: need.deadline,
    windowMs,
    windowDays: windowMs / DAY_MS,
    thresholdDays: t.shortWindowDays,
  });
}

export const LOW_BID_TESTS = ["quartile", "median", "budget"] as const;
export type LowBidTest = (typeof LOW_BID_TESTS)[number];

/**
 * LOW_BID, for one bid of the need: strictly below
 * - Q1 − `lowBidIqrFactor`·IQR of the need's valid bids (the bid itself included) when there are at
 *   least `lowBidQuartileMinBids` of them (test "quartile"), or
 * - `lowBidMedianShare` of their median when there are 2 up to `lowBidQuartileMinBids` − 1 (test
 *   "median"), or
 * - `lowBidBudgetShare` of the budget's lower bound, whatever the number of bids (test "budget").
 * `evidence.test` is the first test that fired in that order (the market before the budget) with its
 * numbers; `evidence.tests` lists every test that fired. A withdrawn bid is never flagged.
 */
export function ruleLowBid(need: NeedFacts, bid: BidFacts, _now: number, t: RiskThresholds): Finding | null {
  if (bid.status === "withdrawn") return null;
  const totals = validBids(need)
    .map((b) => b.total)
    .sort((a, b) => a - b);
  const bidCount = totals.length;
  const fired: { test: LowBidTest; threshold: number; numbers: Record<string, number> }[] = [];

  if (bidCount >= t.lowBidQuartileMinBids) {
    const q1 = quantile(totals, 0.25);
    const q3 = quantile(totals, 0.75);
    const iqr = q3 - q1;
    const threshold = q1 - t.lowBidIqrFactor * iqr;
    if (bid.total < threshold)
      fired.push({ test: "quartile", threshold, numbers: { q1, q3, iqr, factor: t.lowBidIqrFactor } });
  } else if (bidCount >= 2) {
    const m = median(totals);
    if (m > 0 && bid.total / m < t.lowBidMedianShare) {
      fired.push({
        test: "median",
        threshold: m * t.lowBidMedianShare,
        numbers: { median: m, medianShare: t.lowBidMedianShare },
      });
    }
  }
  if (need.budgetMin > 0 && bid.total / need.budgetMin < t.lowBidBudgetShare) {
    fired.push({
      test: "budget",
      threshold: need.budgetMin * t.lowBidBudgetShare,
      numbers: { budgetMin: need.budgetMin, budgetShare: t.lowBidBudgetShare },
    });
  }

  const first = fired[0];
  if (!first) return null;
  return finding("LOW_BID", bid.id, {
    needId: need.id,
    bidTotal: bid.total,
    bidCount,
    test: first.test,
    threshold: first.threshold,
    tests: fired.map((f) => f.test),
    ...fired.reduce<Record<string, number>>((all, f) => ({ ...all, ...f.numbers }), {}),
  });
}

/**
 * IDENTICAL_BIDS: two DIFFERENT vendors with the same total among the valid bids. With several such
 * totals the evidence names the one shared by the most vendors (then the lowest) and counts the others.
 */
export function ruleIdenticalBids(need: NeedFacts, _now: number, _t: RiskThresholds): Finding | null {
  const byTotal = new Map<number, BidFacts[]>();
  for (const bid of validBids(need)) byTotal.set(bid.total, [...(byTotal.get(bid.total) ?? []), bid]);
  const groups = [...byTotal.entries()]
    .map(([total, bids]) => ({ total, bids, vendorCount: new Set(bids.map((b) => b.vendorId)).size }))
    .filter((g) => g.vendorCount >= 2)
    .sort((a, b) => b.vendorCount - a.vendorCount || a.total - b.total);
  const top = groups[0];
  if (!top) return null;
  return finding("IDENTICAL_BIDS", need.id, {
    total: top.total,
    vendorCount: top.vendorCount,
    bidIds: top.bids.map((b) => b.id),
    identicalTotals: groups.length,
  });
}

// ---------------------------------------------------------------------------------------------
// Engagement rules

/** OVER_BUDGET_AWARD: awarded total MORE than `overBudgetShare` of the budget's upper bound; exactly 120% does not fire. */
export function ruleOverBudgetAward(e: EngagementFacts, _now: number, t: RiskThresholds): Finding | null {
  if (e.budgetMax <= 0) return null;
  const share = e.awardedTotal / e.budgetMax;
  if (share <= t.overBudgetShare) return null;
  return finding("OVER_BUDGET_AWARD", e.id, {
    awardedTotal: e.awardedTotal,
    budgetMax: e.budgetMax,
    share,
    thresholdShare: t.overBudgetShare,
  });
}

/**
 * REPEAT_AWARD: this award is at least the `repeatAwardCount`-th (3+: the third fires) of the same SME
 * to the same vendor within `repeatAwardWindowDays` ending at this award, an award exactly that many
 * days earlier included. Counting backwards from the award (not from now) flags the engagement that
 * completes the pattern and keeps the answer stable as time passes.
 */
export function ruleRepeatAward(e: EngagementFacts, _now: number, t: RiskThresholds): Finding | null {
  const windowMs = t.repeatAwardWindowDays * DAY_MS;
  const earlier = e.otherAwardsSameSmeVendor.filter((at) => at <= e.awardedAt && e.awardedAt - at <= windowMs);
  const awardCount = earlier.length + 1;
  if (awardCount < t.repeatAwardCount) return null;
  return finding("REPEAT_AWARD", e.id, {
    smeId: e.smeId,
    vendorId: e.vendorId,
    awardCount,
    firstAwardAt: Math.min(e.awardedAt, ...earlier),
    windowDays: t.repeatAwardWindowDays,
    thresholdCount: t.repeatAwardCount,
  });
}

/**
 * MILESTONE_OVERDUE, on an active engagement: a milestone still with the vendor (`pending`, or
 * `changes_requested` and not yet resubmitted — a sent-back milestone is not delivered, and
 * submitting anything must not clear the flag) `milestoneOverdueDays` or more after its due date:
 * exactly 7 days fires ("7 days after" is reached at 7 × 24 h). High from `milestoneOverdueHighDays`
 * (30 days exactly is high). One finding per engagement, with the most overdue milestone's numbers.
 */
export function ruleMilestoneOverdue(e: EngagementFacts, now: number, t: RiskThresholds): Finding | null {
  if (e.status !== "active") return null;
  const late = e.milestones
    .filter((m) => isWithVendor(m.status) && now - m.dueAt >= t.milestoneOverdueDays * DAY_MS)
    .sort((a, b) => a.dueAt - b.dueAt);
  const worst = late[0];
  if (!worst) return null;
  const overdueMs = now - worst.dueAt;
  const severity: Severity = overdueMs >= t.milestoneOverdueHighDays * DAY_MS ? "high" : "medium";
  return finding(
    "MILESTONE_OVERDUE",
    e.id,
    {
      milestoneId: worst.id,
      dueAt: worst.dueAt,
      overdueMs,
      daysOverdue: wholeDays(overdueMs),
      overdueMilestones: late.length,
      thresholdDays: t.milestoneOverdueDays,
      highThresholdDays: t.milestoneOverdueHighDays,
    },
    severity,
  );
}

/**
 * REVIEW_OVERDUE, on an active engagement: a milestone submitted and not decided for
 * `reviewOverdueDays` or more since its latest submission. The SME has 14 days (docs/product.md §9); at exactly
 * 14 × 24 h they are used up, so it fires. One finding with the longest wait.
 */
export function ruleReviewOverdue(e: EngagementFacts, now: number, t: RiskThresholds): Finding | null {
  if (e.status !== "active") return null;
  const waiting = e.milestones
    .filter((m): m is MilestoneFacts & { submittedAt: number } => m.status === "submitted" && m.submittedAt !== null)
    .filter((m) => now - m.submittedAt >= t.reviewOverdueDays * DAY_MS)
    .sort((a, b) => a.submittedAt - b.submittedAt);
  const worst = waiting[0];
  if (!worst) return null;
  const waitingMs = now - worst.submittedAt;
  return finding("REVIEW_OVERDUE", e.id, {
    milestoneId: worst.id,
    submittedAt: worst.submittedAt,
    waitingMs,
    daysWaiting: wholeDays(waitingMs),
    milestonesWaiting: waiting.length,
    thresholdDays: t.reviewOverdueDays,
  });
}

/**
 * REPEATED_REJECTION: a milestone sent back `repeatedRejections` or more times ("2+": the second fires),
 * whatever the engagement's status — it happened. One finding with the most-rejected milestone.
 */
export function ruleRepeatedRejection(e: EngagementFacts, _now: number, t: RiskThresholds): Finding | null {
  const rejected = e.milestones
    .filter((m) => m.rejections >= t.repeatedRejections)
    .sort((a, b) => b.rejections - a.rejections);
  const worst = rejected[0];
  if (!worst) return null;
  return finding("REPEATED_REJECTION", e.id, {
    milestoneId: worst.id,
    rejections: worst.rejections,
    milestonesAffected: rejected.length,
    thresholdCount: t.repeatedRejections,
  });
}

/** STALLED: an active engagement with no activity for `stalledDays` or more (exactly 21 × 24 h fires). */
export function ruleStalled(e: EngagementFacts, now: number, t: RiskThresholds): Finding | null {
  if (e.status !== "active") return null;
  const idleMs = now - e.lastActivityAt;
  if (idleMs < t.stalledDays * DAY_MS) return null;
  return finding("STALLED", e.id, {
    lastActivityAt: e.lastActivityAt,
    idleMs,
    daysIdle: wholeDays(idleMs),
    thresholdDays: t.stalledDays,
  });
}

/**
 * AMENDMENTS: `amendmentsCount` or more accepted amendments ("3+": the third fires), or the value raised
 * by MORE than `amendmentValueIncrease` of the awarded total (exactly 20% does not fire). Only accepted
 * amendments change the plan; the increase is their net sum, so a rise then a cut cancel out.
 */
export function ruleAmendments(e: EngagementFacts, _now: number, t: RiskThresholds): Finding | null {
  const accepted = e.amendments.filter((a) => a.status === "accepted");
  const amendmentCount = accepted.length;
  const valueIncrease = accepted.reduce((sum, a) => sum + a.valueDelta, 0);
  const increaseShare = e.awardedTotal > 0 ? valueIncrease / e.awardedTotal : 0;
  const tests: string[] = [];
  if (amendmentCount >= t.amendmentsCount) tests.push("count");
  if (increaseShare > t.amendmentValueIncrease) tests.push("value");
  if (tests.length === 0) return null;
  return finding("AMENDMENTS", e.id, {
    tests,
    amendmentCount,
    thresholdCount: t.amendmentsCount,
    awardedTotal: e.awardedTotal,
    valueIncrease,
    increaseShare,
    thresholdShare: t.amendmentValueIncrease,
  });
}

/** INCIDENT: an incident on the engagement is not resolved, whatever the engagement's status. */
export function ruleIncident(e: EngagementFacts, _now: number, _t: RiskThresholds): Finding | null {
  if (e.openIncidents <= 0) return null;
  return finding("INCIDENT", e.id, { openIncidents: e.openIncidents });
}

/** LOW_RATING: completed with an overall rating AT MOST `lowRatingMax` ("≤ 2": 2.0 fires, 2.25 does not). */
export function ruleLowRating(e: EngagementFacts, _now: number, t: RiskThresholds): Finding | null {
  if (e.status !== "completed" || e.overallRating === null) return null;
  if (e.overallRating > t.lowRatingMax) return null;
  return finding("LOW_RATING", e.id, { overallRating: e.overallRating, thresholdRating: t.lowRatingMax });
}

/**
 * VENDOR_STATUS: an active engagement whose vendor is no longer vetted now — suspended, or its vetting
 * expired (at the expiry instant, as `vendor-lifecycle.ts` reads it), or back in re-vetting after it.
 */
export function ruleVendorStatus(e: EngagementFacts, now: number, _t: RiskThresholds): Finding | null {
  if (e.status !== "active") return null;
  const vendorStatus: EffectiveVendorStatus = effectiveStatus(
    { status: e.vendorStatus, vettingExpiresAt: e.vendorVettingExpiresAt },
    now,
  );
  if (vendorStatus === "vetted") return null;
  return finding("VENDOR_STATUS", e.id, {
    vendorId: e.vendorId,
    vendorStatus,
    vettingExpiresAt: e.vendorVettingExpiresAt,
  });
}

/**
 * NO_OUTCOME: completed `noOutcomeDays` or more ago (exactly 60 × 24 h fires) and the SME has completed
 * no assessment since, so the engagement has no measured outcome (docs/product.md §9).
 */
export function ruleNoOutcome(e: EngagementFacts, now: number, t: RiskThresholds): Finding | null {
  if (e.status !== "completed" || e.completedAt === null) return null;
  if (e.assessmentsAfterCompletion > 0) return null;
  const sinceMs = now - e.completedAt;
  if (sinceMs < t.noOutcomeDays * DAY_MS) return null;
  return finding("NO_OUTCOME", e.id, {
    completedAt: e.completedAt,
    daysSinceCompletion: wholeDays(sinceMs),
    thresholdDays: t.noOutcomeDays,
  });
}

// ---------------------------------------------------------------------------------------------
// Vendor rule

/**
 * VENDOR_RISK: `vendorRiskOpenFlags` or more open flags across its engagements ("3+": 3 fires), or an
 * on-time rate UNDER `vendorRiskOnTimeShare` (exactly 50% does not fire) over at least
 * `vendorRiskMinMilestones` milestones ("4+": 4 counts).
 */
export function ruleVendorRisk(v: VendorFacts, _now: number, t: RiskThresholds): Finding | null {
  const tests: string[] = [];
  if (v.openFlagCount >= t.vendorRiskOpenFlags) tests.push("openFlags");
  const onTimeShare = v.milestonesDue > 0 ? v.milestonesOnTime / v.milestonesDue : null;
  if (onTimeShare !== null && v.milestonesDue >= t.vendorRiskMinMilestones && onTimeShare < t.vendorRiskOnTimeShare) {
    tests.push("onTime");
  }
  if (tests.length === 0) return null;
  return finding("VENDOR_RISK", v.id, {
    tests,
    openFlagCount: v.openFlagCount,
    thresholdFlags: t.vendorRiskOpenFlags,
    milestonesDue: v.milestonesDue,
    milestonesOnTime: v.milestonesOnTime,
    onTimeShare,
    thresholdShare: t.vendorRiskOnTimeShare,
    minMilestones: t.vendorRiskMinMilestones,
  });
}

// ---------------------------------------------------------------------------------------------
// Running the rules of a subject

type Rule<F> = (facts: F, now: number, t: RiskThresholds) => Finding | null;

const NEED_RULES: readonly Rule<NeedFacts>[] = [ruleSingleBid, ruleShortWindow, ruleIdenticalBids];

const ENGAGEMENT_RULES: readonly Rule<EngagementFacts>[] = [
  ruleOverBudgetAward,
  ruleRepeatAward,
  ruleMilestoneOverdue,
  ruleReviewOverdue,
  ruleRepeatedRejection,
  ruleStalled,
  ruleAmendments,
  ruleIncident,
  ruleLowRating,
  ruleVendorStatus,
  ruleNoOutcome,
];

function run<F>(rules: readonly Rule<F>[], facts: F, now: number, t: RiskThresholds): Finding[] {
  return rules.map((rule) => rule(facts, now, t)).filter((f): f is Finding => f !== null);
}

/**
 * Every need rule, and LOW_BID for each of its valid bids (a bid is judged against the other bids of
 * its need, so the need's facts are where it is evaluated). The findings' subjects are the need or
 * its bids.
 */
export function evaluateNeed(need: NeedFacts, now: number, t: RiskThresholds): Finding[] {
  const lowBids = validBids(need)
    .map((bid) => ruleLowBid(need, bid, now, t))
    .filter((f): f is Finding => f !== null);
  return [...run(NEED_RULES, need, now, t), ...lowBids];
}

export function evaluateEngagement(e: EngagementFacts, now: number, t: RiskThresholds): Finding[] {
  return run(ENGAGEMENT_RULES, e, now, t);
}

export function evaluateVendor(v: VendorFacts, now: number, t: RiskThresholds): Finding[] {
  return run([ruleVendorRisk], v, now, t);
}

// ---------------------------------------------------------------------------------------------
// Health and the re-fire policy

/**
 * An engagement's health (docs/product.md §10) from its open flags — pass the `open` and `acknowledged` ones
 * (an acknowledged flag is assigned, not settled): red with any high, amber with any medium, else green.
 */
export function engagementHealth(openFlags: readonly { severity: Severity }[]): Health {
  if (openFlags.some((f) => f.severity === "high")) return "red";
  if (openFlags.some((f) => f.severity === "medium")) return "amber";
  return "green";
}

export type PreviousFlag = {
  status: FlagStatus;
  /** the severity the flag has now (for a closed flag: when it was closed) */
  severity: Severity;
  /** when it was resolved or dismissed; null while open or acknowledged */
  resolvedAt: number | null;
  /** kept for the engine's notes; the policy deliberately does not compare it (see below) */
  evidence?: Evidence;
};

export const RAISE_DECISIONS = ["raise", "escalate", "none"] as const;
export type RaiseDecision = (typeof RAISE_DECISIONS)[number];

/**
 * What a finding does, given the latest flag for the same rule and subject (ADR 005):
 * - no flag before → `raise`;
 * - an open or acknowledged flag → `escalate` when the finding is more severe (MILESTONE_OVERDUE
 *   crossing 30 days), else `none`: never two open flags for one rule and subject, and a milder finding
 *   does not lower a flag staff are working on;
 * - a resolved or dismissed flag → `raise` when the finding is more severe than the flag was when
 *   closed, or when the condition still holds `refireCooldownDays` or more after it was closed (exactly
 *   14 days re-raises); else `none`. A closed flag with no closing time is treated as closed long ago.
 * The evidence is not compared: its numbers move every day (days overdue, days idle), and re-raising on
 * them would put the same problem back in the queue on every sweep.
 */
export function shouldRaise(
  finding: Pick<Finding, "severity">,
  previous: PreviousFlag | null,
  now: number,
  t: RiskThresholds,
): RaiseDecision {
  if (previous === null) return "raise";
  if (FLAG_STATUSES_OPEN.includes(previous.status)) {
    return isMoreSevere(finding.severity, previous.severity) ? "escalate" : "none";
  }
  if (isMoreSevere(finding.severity, previous.severity)) return "raise";
  if (previous.resolvedAt === null) return "raise";
  return now - previous.resolvedAt >= t.refireCooldownDays * DAY_MS ? "raise" : "none";
}
