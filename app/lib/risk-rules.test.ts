import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-date";
import {
  compareSeverity,
  engagementHealth,
  evaluateEngagement,
  evaluateNeed,
  evaluateVendor,
  isMoreSevere,
  median,
  quantile,
  RISK_RULES,
  RISK_THRESHOLDS_DEFAULT,
  RiskThresholdsSchema,
  RULE_CODES,
  ruleAmendments,
  ruleIdenticalBids,
  ruleIncident,
  ruleLowBid,
  ruleLowRating,
  ruleMilestoneOverdue,
  ruleNoOutcome,
  ruleOverBudgetAward,
  ruleRepeatAward,
  ruleRepeatedRejection,
  ruleReviewOverdue,
  rulesFor,
  ruleShortWindow,
  ruleSingleBid,
  ruleStalled,
  ruleVendorRisk,
  ruleVendorStatus,
  SEVERITIES,
  shouldRaise,
  type BidFacts,
  type EngagementFacts,
  type MilestoneFacts,
  type NeedFacts,
  type PreviousFlag,
  type Severity,
  type VendorFacts,
} from "./risk-rules";

const T = RISK_THRESHOLDS_DEFAULT;
const NOW = Date.UTC(2026, 10, 23, 3, 0);
const HOUR_MS = 60 * 60 * 1000;
const M = 1_000_000; // one million đồng

let seq = 0;
const bid = (total: number, over: Partial<BidFacts> = {}): BidFacts => {
  seq += 1;
  return { id: `bid-${seq}`, vendorId: `vendor-${seq}`, total, status: "submitted", ...over };
};

const need = (over: Partial<NeedFacts> = {}): NeedFacts => ({
  id: "need-1",
  status: "open",
  publishedAt: NOW - 10 * DAY_MS,
  deadline: NOW + 10 * DAY_MS,
  budgetMin: 10 * M,
  budgetMax: 200 * M,
  bids: [],
  ...over,
});

const milestone = (over: Partial<MilestoneFacts> = {}): MilestoneFacts => ({
  id: "ms-1",
  dueAt: NOW + 10 * DAY_MS,
  submittedAt: null,
  status: "pending",
  rejections: 0,
  ...over,
});

/** A healthy active engagement: no rule fires on it. */
const engagement = (over: Partial<EngagementFacts> = {}): EngagementFacts => ({
  id: "eng-1",
  status: "active",
  smeId: "sme-1",
  vendorId: "vendor-1",
  awardedTotal: 100 * M,
  budgetMax: 100 * M,
  awardedAt: NOW - 20 * DAY_MS,
  completedAt: null,
  lastActivityAt: NOW - DAY_MS,
  milestones: [milestone()],
  amendments: [],
  openIncidents: 0,
  overallRating: null,
  vendorStatus: "vetted",
  vendorVettingExpiresAt: NOW + 100 * DAY_MS,
  assessmentsAfterCompletion: 0,
  otherAwardsSameSmeVendor: [],
  ...over,
});

const vendor = (over: Partial<VendorFacts> = {}): VendorFacts => ({
  id: "vendor-1",
  openFlagCount: 0,
  milestonesDue: 0,
  milestonesOnTime: 0,
  ...over,
});

describe("the catalogue", () => {
  it("has the 16 rules of docs/product.md §10 with their subjects and default severities", () => {
    expect(RULE_CODES).toHaveLength(16);
    expect(Object.keys(RISK_RULES).sort()).toEqual([...RULE_CODES].sort());
    expect(RISK_RULES.SINGLE_BID).toEqual({ subjectType: "need", severity: "medium" });
    expect(RISK_RULES.LOW_BID).toEqual({ subjectType: "bid", severity: "medium" });
    expect(RISK_RULES.IDENTICAL_BIDS).toEqual({ subjectType: "need", severity: "high" });
    expect(RISK_RULES.VENDOR_STATUS).toEqual({ subjectType: "engagement", severity: "high" });
    expect(RISK_RULES.VENDOR_RISK).toEqual({ subjectType: "vendor", severity: "medium" });
    expect(rulesFor("need")).toEqual(["SINGLE_BID", "SHORT_WINDOW", "IDENTICAL_BIDS"]);
    expect(rulesFor("bid")).toEqual(["LOW_BID"]);
    expect(rulesFor("vendor")).toEqual(["VENDOR_RISK"]);
    expect(rulesFor("engagement")).toHaveLength(11);
  });

  it("orders severities low < medium < high", () => {
    expect([...SEVERITIES].sort(compareSeverity)).toEqual(["low", "medium", "high"]);
    expect((["high", "low", "medium"] as Severity[]).sort(compareSeverity)).toEqual(["low", "medium", "high"]);
    expect(compareSeverity("medium", "medium")).toBe(0);
    expect(isMoreSevere("high", "medium")).toBe(true);
    expect(isMoreSevere("medium", "medium")).toBe(false);
    expect(isMoreSevere("low", "medium")).toBe(false);
  });
});

describe("the thresholds schema", () => {
  it("accepts the defaults", () => {
    expect(RiskThresholdsSchema.safeParse(RISK_THRESHOLDS_DEFAULT)).toEqual({
      success: true,
      data: RISK_THRESHOLDS_DEFAULT,
    });
  });

  it("rejects zero and negative values of every threshold with errors.tooSmall", () => {
    for (const key of Object.keys(RISK_THRESHOLDS_DEFAULT)) {
      for (const value of [0, -1]) {
        const result = RiskThresholdsSchema.safeParse({ ...RISK_THRESHOLDS_DEFAULT, [key]: value });
        expect(result.success, `${key} = ${value}`).toBe(false);
        expect(result.error?.issues).toContainEqual(
          expect.objectContaining({ path: [key], message: "errors.tooSmall" }),
        );
      }
    }
  });

  it("wants whole days and counts, shares in range, and a number at all", () => {
    const issue = (over: Record<string, unknown>) =>
      RiskThresholdsSchema.safeParse({ ...RISK_THRESHOLDS_DEFAULT, ...over }).error?.issues[0];
    expect(issue({ stalledDays: 7.5 })).toMatchObject({ path: ["stalledDays"], message: "errors.wholeNumber" });
    expect(issue({ repeatAwardCount: 2.5 })).toMatchObject({ message: "errors.wholeNumber" });
    expect(issue({ lowBidMedianShare: 1.5 })).toMatchObject({ message: "errors.tooLarge" });
    expect(issue({ vendorRiskOnTimeShare: 1.01 })).toMatchObject({ message: "errors.tooLarge" });
    expect(issue({ lowRatingMax: 6 })).toMatchObject({ message: "errors.tooLarge" });
    expect(issue({ overBudgetShare: 0.9 })).toMatchObject({ message: "errors.tooSmall" });
    expect(issue({ lowBidQuartileMinBids: 3 })).toMatchObject({ message: "errors.tooSmall" });
    expect(issue({ noOutcomeDays: "sixty" })).toMatchObject({ message: "errors.number" });
    expect(issue({ noOutcomeDays: undefined })).toMatchObject({ message: "errors.required" });
  });

  it("wants the high overdue threshold after the medium one", () => {
    const result = RiskThresholdsSchema.safeParse({ ...RISK_THRESHOLDS_DEFAULT, milestoneOverdueHighDays: 7 });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["milestoneOverdueHighDays"], message: "errors.tooSmall" }),
    ]);
  });
});

describe("quantiles by linear interpolation (numpy.percentile's default)", () => {
  it("match numpy on known samples", () => {
    // np.percentile([1, 2, 3, 4], [25, 50, 75]) → 1.75, 2.5, 3.25
    expect([0.25, 0.5, 0.75].map((p) => quantile([1, 2, 3, 4], p))).toEqual([1.75, 2.5, 3.25]);
    // np.percentile([1, 2, 3, 4, 5], [25, 50, 75]) → 2, 3, 4
    expect([0.25, 0.5, 0.75].map((p) => quantile([1, 2, 3, 4, 5], p))).toEqual([2, 3, 4]);
    // np.percentile([3, 6, 7, 8, 8, 10, 13, 15, 16, 20], [25, 75]) → 7.25, 14.5
    const ten = [3, 6, 7, 8, 8, 10, 13, 15, 16, 20];
    expect(quantile(ten, 0.25)).toBeCloseTo(7.25, 10);
    expect(quantile(ten, 0.75)).toBeCloseTo(14.5, 10);
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 10);
  });

  it("handle the ends and a single value, and refuse no values", () => {
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([1, 9], 0)).toBe(1);
    expect(quantile([1, 9], 1)).toBe(9);
    expect(median([1, 9])).toBe(5);
    expect(median([1, 5, 9])).toBe(5);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });
});

describe("SHORT_WINDOW", () => {
  // "under 7 days": a window of exactly 7 days does not fire; 6 days 23 h does.
  it("fires under the threshold, not at it", () => {
    const published = NOW - DAY_MS;
    expect(ruleShortWindow(need({ publishedAt: published, deadline: published + 7 * DAY_MS }), NOW, T)).toBeNull();
    const f = ruleShortWindow(need({ publishedAt: published, deadline: published + 7 * DAY_MS - HOUR_MS }), NOW, T);
    expect(f).toMatchObject({
      code: "SHORT_WINDOW",
      subjectType: "need",
      subjectId: "need-1",
      severity: "low",
      evidence: { windowMs: 7 * DAY_MS - HOUR_MS, thresholdDays: 7 },
    });
  });

  it("ignores drafts", () => {
    expect(ruleShortWindow(need({ status: "draft", publishedAt: null, deadline: NOW + DAY_MS }), NOW, T)).toBeNull();
  });
});

describe("SINGLE_BID", () => {
  const one = [bid(50 * M), bid(60 * M, { status: "withdrawn" })];

  it("waits until bidding has closed", () => {
    expect(ruleSingleBid(need({ bids: one, deadline: NOW + 1 }), NOW, T)).toBeNull();
  });

  // "bidding closed": an open need whose deadline has come (now ≥ deadline, as need-status reads it),
  // or a need closed early (evaluating) or awarded; a withdrawn bid is not a valid bid.
  it("fires at the deadline, when evaluating or awarded, with exactly one valid bid", () => {
    expect(ruleSingleBid(need({ bids: one, deadline: NOW }), NOW, T)).toMatchObject({
      code: "SINGLE_BID",
      subjectId: "need-1",
      severity: "medium",
      evidence: { bidCount: 1 },
    });
    expect(ruleSingleBid(need({ bids: one, status: "evaluating" }), NOW, T)).not.toBeNull();
    expect(
      ruleSingleBid(need({ bids: [bid(50 * M, { status: "awarded" })], status: "awarded" }), NOW, T),
    ).not.toBeNull();
  });

  it("does not fire with two valid bids, none, or on a cancelled need", () => {
    expect(ruleSingleBid(need({ bids: [bid(50 * M), bid(60 * M)], status: "evaluating" }), NOW, T)).toBeNull();
    expect(ruleSingleBid(need({ bids: [], deadline: NOW - 1 }), NOW, T)).toBeNull();
    expect(ruleSingleBid(need({ bids: one, status: "cancelled" }), NOW, T)).toBeNull();
  });
});

describe("LOW_BID", () => {
  // Five bids: Q1 = the 2nd value (100M), Q3 = the 4th (120M) whatever the lowest is, so the fence
  // Q1 − 1.5·IQR = 100M − 30M = 70M is fixed while the lowest bid moves. "Below" is strict.
  const five = (lowest: number) => [bid(lowest), bid(100 * M), bid(110 * M), bid(120 * M), bid(130 * M)];

  it("quartile test (4+ bids): fires below Q1 − 1.5·IQR, not at it", () => {
    const atFence = five(70 * M);
    expect(ruleLowBid(need({ bids: atFence }), atFence[0]!, NOW, T)).toBeNull();
    const below = five(70 * M - 1);
    expect(ruleLowBid(need({ bids: below }), below[0]!, NOW, T)).toMatchObject({
      code: "LOW_BID",
      subjectType: "bid",
      subjectId: below[0]!.id,
      severity: "medium",
      evidence: {
        needId: "need-1",
        test: "quartile",
        tests: ["quartile"],
        bidTotal: 70 * M - 1,
        bidCount: 5,
        q1: 100 * M,
        q3: 120 * M,
        iqr: 20 * M,
        factor: 1.5,
        threshold: 70 * M,
      },
    });
  });

  it("quartile test applies from exactly 4 bids", () => {
    // [40, 100, 100, 100]M: Q1 = 40 + 0.75·60 = 85M, Q3 = 100M, IQR = 15M, fence = 62.5M
    const bids = [bid(40 * M), bid(100 * M), bid(100 * M), bid(100 * M)];
    expect(ruleLowBid(need({ bids }), bids[0]!, NOW, T)?.evidence).toMatchObject({
      test: "quartile",
      bidCount: 4,
      q1: 85 * M,
      threshold: 62.5 * M,
    });
  });

  // 2–3 bids: below 50% of their median; exactly 50% does not fire.
  it("median test (3 bids): fires below half the median, not at it", () => {
    const at = [bid(50 * M), bid(100 * M), bid(120 * M)];
    expect(ruleLowBid(need({ bids: at }), at[0]!, NOW, T)).toBeNull();
    const below = [bid(50 * M - 1), bid(100 * M), bid(120 * M)];
    expect(ruleLowBid(need({ bids: below }), below[0]!, NOW, T)?.evidence).toMatchObject({
      test: "median",
      bidCount: 3,
      median: 100 * M,
      medianShare: 0.5,
      threshold: 50 * M,
    });
  });

  it("median test (2 bids), the median being the mean of the two", () => {
    const at = [bid(50 * M), bid(150 * M)];
    expect(ruleLowBid(need({ bids: at }), at[0]!, NOW, T)).toBeNull();
    const below = [bid(50 * M - 1), bid(150 * M + 1)];
    expect(ruleLowBid(need({ bids: below }), below[0]!, NOW, T)?.evidence).toMatchObject({
      test: "median",
      median: 100 * M,
    });
  });

  it("counts only valid bids: three live and a withdrawn one use the median test", () => {
    const bids = [bid(40 * M), bid(100 * M), bid(100 * M), bid(100 * M, { status: "withdrawn" })];
    expect(ruleLowBid(need({ bids }), bids[0]!, NOW, T)?.evidence).toMatchObject({ test: "median", bidCount: 3 });
    expect(
      ruleLowBid(
        need({ bids: [bid(1, { status: "withdrawn" }), bid(100 * M)] }),
        bid(1, { status: "withdrawn" }),
        NOW,
        T,
      ),
    ).toBeNull();
  });

  // Below 70% of the budget's lower bound, whatever the number of bids; exactly 70% does not fire.
  it("budget test: fires below 70% of the lower bound, even for a single bid", () => {
    const at = [bid(70 * M)];
    expect(ruleLowBid(need({ budgetMin: 100 * M, bids: at }), at[0]!, NOW, T)).toBeNull();
    const below = [bid(70 * M - 1)];
    expect(ruleLowBid(need({ budgetMin: 100 * M, bids: below }), below[0]!, NOW, T)?.evidence).toMatchObject({
      test: "budget",
      tests: ["budget"],
      bidCount: 1,
      budgetMin: 100 * M,
      budgetShare: 0.7,
      threshold: 70 * M,
    });
  });

  it("compares the share exactly where the product is not exact in floating point", () => {
    // 0.7 × 11 000 000 is 7 699 999.999… in floating point; the ratio 7 700 000 / 11 000 000 is exactly 0.7.
    const at = [bid(7_700_000)];
    expect(ruleLowBid(need({ budgetMin: 11 * M, bids: at }), at[0]!, NOW, T)).toBeNull();
    const below = [bid(7_699_999)];
    expect(ruleLowBid(need({ budgetMin: 11 * M, bids: below }), below[0]!, NOW, T)).not.toBeNull();
  });

  it("names the market test first when the budget test fires too", () => {
    const bids = five(60 * M);
    expect(ruleLowBid(need({ budgetMin: 100 * M, bids }), bids[0]!, NOW, T)?.evidence).toMatchObject({
      test: "quartile",
      tests: ["quartile", "budget"],
      threshold: 70 * M,
      budgetMin: 100 * M,
    });
  });

  it("is evaluated with the need, one finding per low bid", () => {
    const bids = five(10 * M);
    const findings = evaluateNeed(need({ bids }), NOW, T);
    expect(findings).toEqual([
      expect.objectContaining({ code: "LOW_BID", subjectType: "bid", subjectId: bids[0]!.id }),
    ]);
  });
});

describe("IDENTICAL_BIDS", () => {
  it("fires when two different vendors bid the same total", () => {
    const bids = [bid(80 * M, { vendorId: "a" }), bid(80 * M, { vendorId: "b" }), bid(90 * M, { vendorId: "c" })];
    expect(ruleIdenticalBids(need({ bids }), NOW, T)).toMatchObject({
      code: "IDENTICAL_BIDS",
      subjectType: "need",
      subjectId: "need-1",
      severity: "high",
      evidence: { total: 80 * M, vendorCount: 2, bidIds: [bids[0]!.id, bids[1]!.id], identicalTotals: 1 },
    });
  });

  it("does not fire for the same vendor's bids", () => {
    const bids = [bid(80 * M, { vendorId: "a", status: "withdrawn" }), bid(80 * M, { vendorId: "a" })];
    expect(ruleIdenticalBids(need({ bids }), NOW, T)).toBeNull();
  });

  it("ignores withdrawn bids", () => {
    const bids = [bid(80 * M, { vendorId: "a" }), bid(80 * M, { vendorId: "b", status: "withdrawn" })];
    expect(ruleIdenticalBids(need({ bids }), NOW, T)).toBeNull();
  });

  it("counts awarded and not-selected bids as valid", () => {
    const bids = [
      bid(80 * M, { vendorId: "a", status: "awarded" }),
      bid(80 * M, { vendorId: "b", status: "not_selected" }),
    ];
    expect(ruleIdenticalBids(need({ bids, status: "awarded" }), NOW, T)).not.toBeNull();
  });
});

describe("OVER_BUDGET_AWARD", () => {
  // "above 120%": exactly 120% does not fire, one đồng more does.
  it("fires above 120% of the budget's upper bound, not at it", () => {
    expect(ruleOverBudgetAward(engagement({ budgetMax: 100 * M, awardedTotal: 120 * M }), NOW, T)).toBeNull();
    expect(ruleOverBudgetAward(engagement({ budgetMax: 100 * M, awardedTotal: 120 * M + 1 }), NOW, T)).toMatchObject({
      code: "OVER_BUDGET_AWARD",
      subjectType: "engagement",
      severity: "medium",
      evidence: { awardedTotal: 120 * M + 1, budgetMax: 100 * M, thresholdShare: 1.2 },
    });
  });
});

describe("REPEAT_AWARD", () => {
  // "3+ times in 12 months": this award and two earlier ones within 365 days fire; an award exactly
  // 365 days earlier is within the window, one millisecond more is not.
  const awardedAt = NOW - DAY_MS;

  it("fires at the third award within the window, not the second", () => {
    expect(
      ruleRepeatAward(engagement({ awardedAt, otherAwardsSameSmeVendor: [awardedAt - 100 * DAY_MS] }), NOW, T),
    ).toBeNull();
    const f = ruleRepeatAward(
      engagement({ awardedAt, otherAwardsSameSmeVendor: [awardedAt - 365 * DAY_MS, awardedAt - 100 * DAY_MS] }),
      NOW,
      T,
    );
    expect(f).toMatchObject({
      code: "REPEAT_AWARD",
      severity: "low",
      evidence: { awardCount: 3, firstAwardAt: awardedAt - 365 * DAY_MS, windowDays: 365, thresholdCount: 3 },
    });
  });

  it("leaves out awards older than the window and awards made after this one", () => {
    const others = [awardedAt - 365 * DAY_MS - 1, awardedAt - 100 * DAY_MS, awardedAt + DAY_MS];
    expect(ruleRepeatAward(engagement({ awardedAt, otherAwardsSameSmeVendor: others }), NOW, T)).toBeNull();
  });
});

describe("MILESTONE_OVERDUE", () => {
  // "7 days after its due date": fires at exactly 7 × 24 h past due, not a millisecond before;
  // "high after 30": exactly 30 days is high.
  const due = NOW - 40 * DAY_MS;
  const at = (ms: number) => ruleMilestoneOverdue(engagement({ milestones: [milestone({ dueAt: due })] }), due + ms, T);

  it("fires at 7 days past due, medium", () => {
    expect(at(7 * DAY_MS - 1)).toBeNull();
    expect(at(7 * DAY_MS)).toMatchObject({
      code: "MILESTONE_OVERDUE",
      severity: "medium",
      evidence: {
        milestoneId: "ms-1",
        dueAt: due,
        daysOverdue: 7,
        overdueMilestones: 1,
        thresholdDays: 7,
        highThresholdDays: 30,
      },
    });
  });

  it("becomes high at 30 days", () => {
    expect(at(30 * DAY_MS - 1)?.severity).toBe("medium");
    expect(at(30 * DAY_MS)?.severity).toBe("high");
  });

  it("gives one finding with the most overdue milestone, counting sent-back milestones too", () => {
    const f = ruleMilestoneOverdue(
      engagement({
        milestones: [
          milestone({ id: "a", dueAt: NOW - 10 * DAY_MS }),
          milestone({ id: "b", dueAt: NOW - 31 * DAY_MS, status: "changes_requested", submittedAt: NOW - 32 * DAY_MS }),
          milestone({ id: "c", dueAt: NOW - 50 * DAY_MS, status: "accepted", submittedAt: NOW - 49 * DAY_MS }),
          milestone({ id: "d", dueAt: NOW - 60 * DAY_MS, status: "submitted", submittedAt: NOW - DAY_MS }),
        ],
      }),
      NOW,
      T,
    );
    expect(f).toMatchObject({
      severity: "high",
      evidence: { milestoneId: "b", daysOverdue: 31, overdueMilestones: 2 },
    });
  });

  it("only watches active engagements", () => {
    const milestones = [milestone({ dueAt: NOW - 40 * DAY_MS })];
    expect(ruleMilestoneOverdue(engagement({ status: "terminated", milestones }), NOW, T)).toBeNull();
  });
});

describe("REVIEW_OVERDUE", () => {
  // "not decided within 14 days": at exactly 14 × 24 h after the submission the SME's days are used up.
  const submittedAt = NOW - 20 * DAY_MS;
  const e = engagement({ milestones: [milestone({ status: "submitted", submittedAt, dueAt: submittedAt })] });

  it("fires 14 days after the submission, not before", () => {
    expect(ruleReviewOverdue(e, submittedAt + 14 * DAY_MS - 1, T)).toBeNull();
    expect(ruleReviewOverdue(e, submittedAt + 14 * DAY_MS, T)).toMatchObject({
      code: "REVIEW_OVERDUE",
      severity: "low",
      evidence: { milestoneId: "ms-1", submittedAt, daysWaiting: 14, milestonesWaiting: 1, thresholdDays: 14 },
    });
  });

  it("ignores milestones not waiting for a decision", () => {
    const decided = engagement({ milestones: [milestone({ status: "accepted", submittedAt, dueAt: submittedAt })] });
    expect(ruleReviewOverdue(decided, NOW, T)).toBeNull();
  });
});

describe("REPEATED_REJECTION", () => {
  // "sent back 2+ times": the second request for changes fires.
  it("fires at two rejections, not one", () => {
    expect(ruleRepeatedRejection(engagement({ milestones: [milestone({ rejections: 1 })] }), NOW, T)).toBeNull();
    expect(
      ruleRepeatedRejection(
        engagement({ milestones: [milestone({ rejections: 1 }), milestone({ id: "b", rejections: 2 })] }),
        NOW,
        T,
      ),
    ).toMatchObject({
      code: "REPEATED_REJECTION",
      severity: "medium",
      evidence: { milestoneId: "b", rejections: 2, milestonesAffected: 1, thresholdCount: 2 },
    });
  });
});

describe("STALLED", () => {
  // "no activity for 21 days": fires at exactly 21 × 24 h of silence.
  it("fires after 21 idle days on an active engagement", () => {
    const last = NOW - 30 * DAY_MS;
    expect(ruleStalled(engagement({ lastActivityAt: last }), last + 21 * DAY_MS - 1, T)).toBeNull();
    expect(ruleStalled(engagement({ lastActivityAt: last }), last + 21 * DAY_MS, T)).toMatchObject({
      code: "STALLED",
      severity: "medium",
      evidence: { lastActivityAt: last, daysIdle: 21, thresholdDays: 21 },
    });
    expect(ruleStalled(engagement({ status: "completed", lastActivityAt: last }), NOW, T)).toBeNull();
  });
});

describe("AMENDMENTS", () => {
  const accepted = (valueDelta = 0) => ({ status: "accepted" as const, valueDelta });

  // "3+ amendments": the third accepted one fires; proposed and declined ones changed nothing.
  it("fires at three accepted amendments", () => {
    const two = [
      accepted(),
      accepted(),
      { status: "proposed" as const, valueDelta: 0 },
      { status: "declined" as const, valueDelta: 0 },
    ];
    expect(ruleAmendments(engagement({ amendments: two }), NOW, T)).toBeNull();
    expect(ruleAmendments(engagement({ amendments: [accepted(), accepted(), accepted()] }), NOW, T)).toMatchObject({
      code: "AMENDMENTS",
      evidence: { tests: ["count"], amendmentCount: 3, thresholdCount: 3 },
    });
  });

  // "more than 20%": a rise of exactly 20% does not fire, one đồng more does.
  it("fires when the value is raised by more than 20%", () => {
    expect(ruleAmendments(engagement({ awardedTotal: 100 * M, amendments: [accepted(20 * M)] }), NOW, T)).toBeNull();
    expect(
      ruleAmendments(engagement({ awardedTotal: 100 * M, amendments: [accepted(20 * M + 1)] }), NOW, T),
    ).toMatchObject({
      evidence: { tests: ["value"], valueIncrease: 20 * M + 1, awardedTotal: 100 * M, thresholdShare: 0.2 },
    });
  });

  it("nets rises and cuts, and ignores a declined rise", () => {
    const amendments = [accepted(30 * M), accepted(-15 * M), { status: "declined" as const, valueDelta: 50 * M }];
    expect(ruleAmendments(engagement({ awardedTotal: 100 * M, amendments }), NOW, T)).toBeNull();
  });
});

describe("INCIDENT", () => {
  it("fires, high, while an incident is open", () => {
    expect(ruleIncident(engagement(), NOW, T)).toBeNull();
    expect(ruleIncident(engagement({ openIncidents: 1 }), NOW, T)).toMatchObject({
      code: "INCIDENT",
      severity: "high",
      evidence: { openIncidents: 1 },
    });
  });
});

describe("LOW_RATING", () => {
  // "≤ 2": an overall rating of exactly 2.0 fires, 2.25 does not.
  it("fires on a completed engagement rated 2 or less", () => {
    const completed = { status: "completed" as const, completedAt: NOW - DAY_MS, assessmentsAfterCompletion: 1 };
    expect(ruleLowRating(engagement({ ...completed, overallRating: 2 }), NOW, T)).toMatchObject({
      code: "LOW_RATING",
      severity: "medium",
      evidence: { overallRating: 2, thresholdRating: 2 },
    });
    expect(ruleLowRating(engagement({ ...completed, overallRating: 2.25 }), NOW, T)).toBeNull();
    expect(ruleLowRating(engagement({ ...completed, overallRating: null }), NOW, T)).toBeNull();
    expect(ruleLowRating(engagement({ overallRating: 1 }), NOW, T)).toBeNull();
  });
});

describe("VENDOR_STATUS", () => {
  it("fires, high, when the vendor of an active engagement is suspended", () => {
    expect(ruleVendorStatus(engagement(), NOW, T)).toBeNull();
    expect(ruleVendorStatus(engagement({ vendorStatus: "suspended" }), NOW, T)).toMatchObject({
      code: "VENDOR_STATUS",
      severity: "high",
      evidence: { vendorId: "vendor-1", vendorStatus: "suspended" },
    });
  });

  // Vetting expires at its expiry instant (vendor-lifecycle.ts: expiresAt <= now).
  it("fires from the instant the vetting expires, and while re-vetting", () => {
    expect(ruleVendorStatus(engagement({ vendorVettingExpiresAt: NOW + 1 }), NOW, T)).toBeNull();
    expect(ruleVendorStatus(engagement({ vendorVettingExpiresAt: NOW }), NOW, T)?.evidence).toMatchObject({
      vendorStatus: "expired",
      vettingExpiresAt: NOW,
    });
    expect(
      ruleVendorStatus(engagement({ vendorStatus: "submitted", vendorVettingExpiresAt: null }), NOW, T),
    ).not.toBeNull();
  });

  it("only concerns active engagements", () => {
    expect(ruleVendorStatus(engagement({ status: "completed", vendorStatus: "suspended" }), NOW, T)).toBeNull();
  });
});

describe("NO_OUTCOME", () => {
  // "completed 60 days ago": fires at exactly 60 × 24 h after completion.
  const completedAt = NOW - 100 * DAY_MS;
  const done = (over: Partial<EngagementFacts> = {}) =>
    engagement({ status: "completed", completedAt, overallRating: 4, ...over });

  it("fires 60 days after completion without an assessment since", () => {
    expect(ruleNoOutcome(done(), completedAt + 60 * DAY_MS - 1, T)).toBeNull();
    expect(ruleNoOutcome(done(), completedAt + 60 * DAY_MS, T)).toMatchObject({
      code: "NO_OUTCOME",
      severity: "low",
      evidence: { completedAt, daysSinceCompletion: 60, thresholdDays: 60 },
    });
  });

  it("does not fire once the SME has been assessed again", () => {
    expect(ruleNoOutcome(done({ assessmentsAfterCompletion: 1 }), NOW, T)).toBeNull();
  });
});

describe("VENDOR_RISK", () => {
  // "3+ open flags": 3 fires. "under 50% over 4+ milestones": 1 of 4 fires, 2 of 4 (exactly 50%) does
  // not, and 1 of 3 is too few milestones to judge.
  it("fires at three open flags", () => {
    expect(ruleVendorRisk(vendor({ openFlagCount: 2 }), NOW, T)).toBeNull();
    expect(ruleVendorRisk(vendor({ openFlagCount: 3 }), NOW, T)).toMatchObject({
      code: "VENDOR_RISK",
      subjectType: "vendor",
      subjectId: "vendor-1",
      severity: "medium",
      evidence: { tests: ["openFlags"], openFlagCount: 3, thresholdFlags: 3 },
    });
  });

  it("fires on an on-time rate under 50% over at least 4 milestones", () => {
    expect(ruleVendorRisk(vendor({ milestonesDue: 4, milestonesOnTime: 2 }), NOW, T)).toBeNull();
    expect(ruleVendorRisk(vendor({ milestonesDue: 3, milestonesOnTime: 1 }), NOW, T)).toBeNull();
    expect(ruleVendorRisk(vendor({ milestonesDue: 4, milestonesOnTime: 1 }), NOW, T)?.evidence).toMatchObject({
      tests: ["onTime"],
      onTimeShare: 0.25,
      milestonesDue: 4,
      minMilestones: 4,
    });
  });

  it("is what evaluateVendor runs", () => {
    expect(evaluateVendor(vendor(), NOW, T)).toEqual([]);
    expect(evaluateVendor(vendor({ openFlagCount: 5 }), NOW, T).map((f) => f.code)).toEqual(["VENDOR_RISK"]);
  });
});

describe("evaluating a subject", () => {
  it("finds nothing on a healthy need or engagement", () => {
    expect(evaluateNeed(need({ bids: [bid(50 * M), bid(55 * M), bid(60 * M)] }), NOW, T)).toEqual([]);
    expect(evaluateEngagement(engagement(), NOW, T)).toEqual([]);
  });

  it("runs every engagement rule", () => {
    const e = engagement({
      awardedTotal: 130 * M,
      budgetMax: 100 * M,
      otherAwardsSameSmeVendor: [NOW - 30 * DAY_MS, NOW - 60 * DAY_MS],
      lastActivityAt: NOW - 25 * DAY_MS,
      milestones: [
        milestone({ id: "a", dueAt: NOW - 8 * DAY_MS }),
        milestone({ id: "b", status: "submitted", submittedAt: NOW - 15 * DAY_MS, rejections: 2 }),
      ],
      amendments: [
        { status: "accepted", valueDelta: 0 },
        { status: "accepted", valueDelta: 0 },
        { status: "accepted", valueDelta: 0 },
      ],
      openIncidents: 1,
      vendorStatus: "suspended",
    });
    expect(evaluateEngagement(e, NOW, T).map((f) => f.code)).toEqual([
      "OVER_BUDGET_AWARD",
      "REPEAT_AWARD",
      "MILESTONE_OVERDUE",
      "REVIEW_OVERDUE",
      "REPEATED_REJECTION",
      "STALLED",
      "AMENDMENTS",
      "INCIDENT",
      "VENDOR_STATUS",
    ]);
    const done = engagement({ status: "completed", completedAt: NOW - 60 * DAY_MS, overallRating: 1.5 });
    expect(evaluateEngagement(done, NOW, T).map((f) => f.code)).toEqual(["LOW_RATING", "NO_OUTCOME"]);
  });

  it("uses the thresholds it is given", () => {
    const e = engagement({ lastActivityAt: NOW - 10 * DAY_MS });
    expect(ruleStalled(e, NOW, T)).toBeNull();
    expect(ruleStalled(e, NOW, { ...T, stalledDays: 10 })).not.toBeNull();
  });
});

describe("engagement health", () => {
  it("is red with an open high flag, amber with a medium, else green", () => {
    expect(engagementHealth([])).toBe("green");
    expect(engagementHealth([{ severity: "low" }, { severity: "low" }])).toBe("green");
    expect(engagementHealth([{ severity: "low" }, { severity: "medium" }])).toBe("amber");
    expect(engagementHealth([{ severity: "medium" }, { severity: "high" }, { severity: "low" }])).toBe("red");
  });
});

describe("shouldRaise (ADR 005)", () => {
  const medium = { severity: "medium" as const };
  const high = { severity: "high" as const };
  const closed = (status: "resolved" | "dismissed", severity: Severity, resolvedAt: number | null): PreviousFlag => ({
    status,
    severity,
    resolvedAt,
    evidence: {},
  });

  it("raises when there was never a flag", () => {
    expect(shouldRaise(medium, null, NOW, T)).toBe("raise");
  });

  it("never opens a second flag while one is open or acknowledged", () => {
    for (const status of ["open", "acknowledged"] as const) {
      expect(shouldRaise(medium, { status, severity: "medium", resolvedAt: null }, NOW, T)).toBe("none");
      // a milder finding does not lower the flag staff are working on
      expect(shouldRaise({ severity: "low" }, { status, severity: "medium", resolvedAt: null }, NOW, T)).toBe("none");
    }
  });

  it("escalates the open flag when the finding is more severe", () => {
    expect(shouldRaise(high, { status: "open", severity: "medium", resolvedAt: null }, NOW, T)).toBe("escalate");
    expect(shouldRaise(high, { status: "acknowledged", severity: "medium", resolvedAt: null }, NOW, T)).toBe(
      "escalate",
    );
  });

  // The cool-down is 14 days from closing; at exactly 14 × 24 h the condition has held long enough.
  it("keeps a closed flag closed during the cool-down, and raises again at its end", () => {
    for (const status of ["resolved", "dismissed"] as const) {
      const previous = closed(status, "medium", NOW - 14 * DAY_MS);
      expect(shouldRaise(medium, previous, NOW - 1, T)).toBe("none");
      expect(shouldRaise(medium, previous, NOW, T)).toBe("raise");
      expect(shouldRaise({ severity: "low" }, previous, NOW - 1, T)).toBe("none");
    }
  });

  it("raises at once when the condition got worse than when the flag was closed", () => {
    expect(shouldRaise(high, closed("resolved", "medium", NOW - DAY_MS), NOW, T)).toBe("raise");
    expect(shouldRaise(high, closed("dismissed", "medium", NOW - 1), NOW, T)).toBe("raise");
  });

  it("treats a closed flag without a closing time as closed long ago", () => {
    expect(shouldRaise(medium, closed("resolved", "medium", null), NOW, T)).toBe("raise");
  });

  it("takes an overdue milestone from medium to high at 30 days without a second flag", () => {
    const due = NOW - 30 * DAY_MS;
    const e = engagement({ milestones: [milestone({ dueAt: due })] });
    const day29 = ruleMilestoneOverdue(e, NOW - DAY_MS, T)!;
    const day30 = ruleMilestoneOverdue(e, NOW, T)!;
    const open: PreviousFlag = { status: "open", severity: day29.severity, resolvedAt: null, evidence: day29.evidence };
    expect(shouldRaise(day29, open, NOW - DAY_MS, T)).toBe("none");
    expect(shouldRaise(day30, open, NOW, T)).toBe("escalate");
    // dismissed while medium, the crossing still brings it back
    expect(shouldRaise(day30, { ...open, status: "dismissed", resolvedAt: NOW - 2 * DAY_MS }, NOW, T)).toBe("raise");
  });
});
