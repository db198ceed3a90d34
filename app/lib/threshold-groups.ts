/**
 * The risk thresholds as the admin's settings page groups them: by the rule they change
 * (docs/product.md §10), each with the way its number is shown and typed.
 */
import type { RiskThresholds } from "./risk-rules";

/** days and counts: whole numbers; decimal: "1,5"; percent: a share shown as "50 %". */
export type ThresholdKind = "whole" | "decimal" | "percent";

export type ThresholdKey = keyof RiskThresholds;

export const THRESHOLD_GROUPS: readonly { rule: string; keys: readonly ThresholdKey[] }[] = [
  { rule: "SHORT_WINDOW", keys: ["shortWindowDays"] },
  { rule: "LOW_BID", keys: ["lowBidBudgetShare", "lowBidMedianShare", "lowBidIqrFactor", "lowBidQuartileMinBids"] },
  { rule: "OVER_BUDGET_AWARD", keys: ["overBudgetShare"] },
  { rule: "REPEAT_AWARD", keys: ["repeatAwardCount", "repeatAwardWindowDays"] },
  { rule: "MILESTONE_OVERDUE", keys: ["milestoneOverdueDays", "milestoneOverdueHighDays"] },
  { rule: "REVIEW_OVERDUE", keys: ["reviewOverdueDays"] },
  { rule: "REPEATED_REJECTION", keys: ["repeatedRejections"] },
  { rule: "STALLED", keys: ["stalledDays"] },
  { rule: "AMENDMENTS", keys: ["amendmentsCount", "amendmentValueIncrease"] },
  { rule: "LOW_RATING", keys: ["lowRatingMax"] },
  { rule: "NO_OUTCOME", keys: ["noOutcomeDays"] },
  { rule: "VENDOR_RISK", keys: ["vendorRiskOpenFlags", "vendorRiskOnTimeShare", "vendorRiskMinMilestones"] },
  { rule: "ALL", keys: ["refireCooldownDays"] },
];

export const THRESHOLD_KINDS: Readonly<Record<ThresholdKey, ThresholdKind>> = {
  shortWindowDays: "whole",
  lowBidIqrFactor: "decimal",
  lowBidMedianShare: "percent",
  lowBidBudgetShare: "percent",
  lowBidQuartileMinBids: "whole",
  overBudgetShare: "percent",
  repeatAwardCount: "whole",
  repeatAwardWindowDays: "whole",
  milestoneOverdueDays: "whole",
  milestoneOverdueHighDays: "whole",
  reviewOverdueDays: "whole",
  repeatedRejections: "whole",
  stalledDays: "whole",
  amendmentsCount: "whole",
  amendmentValueIncrease: "percent",
  lowRatingMax: "decimal",
  noOutcomeDays: "whole",
  vendorRiskOpenFlags: "whole",
  vendorRiskOnTimeShare: "percent",
  vendorRiskMinMilestones: "whole",
  refireCooldownDays: "whole",
};
