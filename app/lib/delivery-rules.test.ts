import { describe, expect, it } from "vitest";
import {
  allAccepted,
  isOverdue,
  milestoneTransition,
  onTimeCounts,
  overallRating,
  ratingX100,
  reviewDaysLeft,
} from "./delivery-rules";

const DAY = 86_400_000;

describe("milestone transitions", () => {
  it("the vendor submits a pending or sent-back milestone", () => {
    expect(milestoneTransition("submit", "vendor", "pending", true)).toEqual({ ok: true, to: "submitted" });
    expect(milestoneTransition("submit", "vendor", "changes_requested", true)).toEqual({ ok: true, to: "submitted" });
  });

  it("the SME accepts or sends back a submitted one", () => {
    expect(milestoneTransition("accept", "sme", "submitted", true)).toEqual({ ok: true, to: "accepted" });
    expect(milestoneTransition("request_changes", "sme", "submitted", true)).toEqual({
      ok: true,
      to: "changes_requested",
    });
  });

  it("refuses the wrong side: a vendor cannot accept its own milestone, an SME cannot submit", () => {
    expect(milestoneTransition("accept", "vendor", "submitted", true)).toEqual({ ok: false, error: "wrong_side" });
    expect(milestoneTransition("submit", "sme", "pending", true)).toEqual({ ok: false, error: "wrong_side" });
    expect(milestoneTransition("accept", "staff", "submitted", true)).toEqual({ ok: false, error: "wrong_side" });
  });

  it("refuses illegal moves and anything on a closed engagement", () => {
    expect(milestoneTransition("accept", "sme", "pending", true)).toEqual({ ok: false, error: "illegal_transition" });
    expect(milestoneTransition("submit", "vendor", "accepted", true)).toEqual({
      ok: false,
      error: "illegal_transition",
    });
    expect(milestoneTransition("submit", "vendor", "submitted", true)).toEqual({
      ok: false,
      error: "illegal_transition",
    });
    expect(milestoneTransition("submit", "vendor", "pending", false)).toEqual({
      ok: false,
      error: "engagement_closed",
    });
  });
});

describe("delivery figures", () => {
  it("counts down the SME's 14 days", () => {
    const at = Date.UTC(2026, 0, 1);
    expect(reviewDaysLeft(at, at)).toBe(14);
    expect(reviewDaysLeft(at, at + 13.5 * DAY)).toBe(1);
    expect(reviewDaysLeft(at, at + 20 * DAY)).toBe(0);
  });

  it("completes only when every milestone is accepted", () => {
    expect(allAccepted(["accepted", "accepted"])).toBe(true);
    expect(allAccepted(["accepted", "submitted"])).toBe(false);
    expect(allAccepted([])).toBe(false);
  });

  it("counts on-time delivery from first submissions and overdue ones", () => {
    const now = Date.UTC(2026, 5, 1);
    const counts = onTimeCounts(
      [
        { status: "accepted", dueAt: now - 10 * DAY, firstSubmittedAt: now - 12 * DAY },
        { status: "accepted", dueAt: now - 10 * DAY, firstSubmittedAt: now - 5 * DAY },
        { status: "pending", dueAt: now - DAY, firstSubmittedAt: null },
        { status: "pending", dueAt: now + DAY, firstSubmittedAt: null },
        { status: "submitted", dueAt: now - DAY, firstSubmittedAt: now - 2 * DAY },
      ],
      now,
    );
    expect(counts).toEqual({ due: 3, onTime: 1 });
  });

  it("averages a review's four marks", () => {
    expect(overallRating({ quality: 5, schedule: 4, value: 4, communication: 3 })).toBe(4);
  });
});

describe("one home for the delivery facts", () => {
  it("a milestone is overdue while with the vendor after its due date, not once submitted or accepted", () => {
    const now = 100 * DAY;
    expect(isOverdue({ status: "pending", dueAt: now - 1 }, now)).toBe(true);
    expect(isOverdue({ status: "changes_requested", dueAt: now - 1 }, now)).toBe(true);
    expect(isOverdue({ status: "pending", dueAt: now }, now)).toBe(false);
    expect(isOverdue({ status: "submitted", dueAt: now - DAY }, now)).toBe(false);
    expect(isOverdue({ status: "accepted", dueAt: now - DAY }, now)).toBe(false);
  });

  it("a vendor's stored rating is the mean of its reviews' overall ratings, × 100", () => {
    expect(ratingX100([])).toBeNull();
    expect(ratingX100([4.5])).toBe(450);
    expect(ratingX100([4.5, 2.25])).toBe(338);
  });
});
