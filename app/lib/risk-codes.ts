/**
 * The risk-flag catalogue's names (docs/product.md §10): severities, subjects, statuses, healths and
 * the rule codes. A module of their own so that pages listing or filtering flags do not carry the
 * rules' threshold schema (zod) into the browser; app/lib/risk-rules.ts re-exports them.
 */

export const SEVERITIES = ["low", "medium", "high"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SUBJECT_TYPES = ["need", "bid", "engagement", "vendor"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** The risk-flag lifecycle of docs/product.md §5; `open` and `acknowledged` are both "open" for §10. */
export const FLAG_STATUSES = ["open", "acknowledged", "resolved", "dismissed"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** The statuses in which a flag still needs someone's attention. */
export const FLAG_STATUSES_OPEN: readonly FlagStatus[] = ["open", "acknowledged"];

export const HEALTHS = ["green", "amber", "red"] as const;
export type Health = (typeof HEALTHS)[number];

export const RULE_CODES = [
  "SINGLE_BID",
  "SHORT_WINDOW",
  "LOW_BID",
  "IDENTICAL_BIDS",
  "OVER_BUDGET_AWARD",
  "REPEAT_AWARD",
  "MILESTONE_OVERDUE",
  "REVIEW_OVERDUE",
  "REPEATED_REJECTION",
  "STALLED",
  "AMENDMENTS",
  "INCIDENT",
  "LOW_RATING",
  "VENDOR_STATUS",
  "NO_OUTCOME",
  "VENDOR_RISK",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
