import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-date";
import { engagementProgress, nextSteps, type NextStepFacts } from "./engagement-progress";

const now = Date.UTC(2026, 11, 1, 3);
const m = (
  id: string,
  amount: number,
  status: "pending" | "submitted" | "accepted" | "changes_requested",
  dueAt: number,
  submittedAt: number | null = null,
) => ({
  id,
  title: `Mốc ${id}`,
  amount,
  dueAt,
  status,
  submittedAt,
});

const plan = [
  m("1", 20_000_000, "accepted", now - 10 * DAY_MS, now - 12 * DAY_MS),
  m("2", 16_000_000, "submitted", now + 13 * DAY_MS, now - 4 * DAY_MS),
  m("3", 16_000_000, "pending", now + 30 * DAY_MS),
];

describe("engagementProgress", () => {
  it("counts accepted milestones and their amounts, and the next due date", () => {
    expect(engagementProgress(plan)).toEqual({
      accepted: 1,
      count: 3,
      acceptedAmount: 20_000_000,
      totalAmount: 52_000_000,
      nextDueAt: now + 13 * DAY_MS,
    });
  });

  it("has no next date once every milestone is accepted", () => {
    expect(engagementProgress([plan[0]!]).nextDueAt).toBeNull();
  });
});

describe("nextSteps", () => {
  const facts: NextStepFacts = {
    status: "active",
    milestones: plan,
    incidents: [],
    amendmentsToDecide: 0,
    reviewed: false,
    reviewReplied: false,
    smeRated: false,
    now,
  };

  it("asks the SME to review a submitted milestone within its days left, the vendor to submit the next", () => {
    expect(nextSteps("sme", facts)).toEqual([{ kind: "review_milestone", milestone: "Mốc 2", daysLeft: 10 }]);
    expect(nextSteps("vendor", facts)).toEqual([
      { kind: "submit_milestone", milestone: "Mốc 3", dueAt: now + 30 * DAY_MS, overdue: false },
    ]);
  });

  it("puts an unanswered incident raised against a party first, and only for that party", () => {
    const withIncident = {
      ...facts,
      incidents: [{ id: "i1", category: "delay", raisedBySide: "sme" as const, answered: false }],
    };
    expect(nextSteps("vendor", withIncident)[0]).toEqual({
      kind: "answer_incident",
      incidentId: "i1",
      category: "delay",
    });
    expect(nextSteps("sme", withIncident).map((s) => s.kind)).toEqual(["review_milestone"]);
    const answered = {
      ...facts,
      incidents: [{ id: "i1", category: "delay", raisedBySide: "sme" as const, answered: true }],
    };
    expect(nextSteps("vendor", answered).map((s) => s.kind)).toEqual(["submit_milestone"]);
  });

  it("says an overdue milestone is overdue, and what the other party waits for", () => {
    const late = { ...facts, milestones: [m("1", 10, "changes_requested", now - DAY_MS)] };
    expect(nextSteps("vendor", late)).toEqual([
      { kind: "submit_milestone", milestone: "Mốc 1", dueAt: now - DAY_MS, overdue: true },
    ]);
    expect(nextSteps("sme", late)).toEqual([{ kind: "wait_for_vendor", milestone: "Mốc 1", dueAt: now - DAY_MS }]);
    const waiting = { ...facts, milestones: [m("1", 10, "submitted", now, now - 2 * DAY_MS)] };
    expect(nextSteps("vendor", waiting)).toEqual([{ kind: "wait_for_sme", milestone: "Mốc 1", daysLeft: 12 }]);
  });

  it("after completion asks the SME for its review, and the vendor to reply and rate the SME", () => {
    const done = { ...facts, status: "completed" as const, milestones: [m("1", 10, "accepted", now, now)] };
    expect(nextSteps("sme", done)).toEqual([{ kind: "write_review" }]);
    expect(nextSteps("vendor", done)).toEqual([{ kind: "rate_sme" }]);
    expect(nextSteps("vendor", { ...done, reviewed: true, smeRated: true })).toEqual([{ kind: "reply_review" }]);
    expect(nextSteps("sme", { ...done, reviewed: true })).toEqual([]);
  });

  it("lists amendments waiting for a decision", () => {
    expect(nextSteps("sme", { ...facts, amendmentsToDecide: 1 }).map((s) => s.kind)).toEqual([
      "review_milestone",
      "decide_amendment",
    ]);
  });
});
