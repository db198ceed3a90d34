import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-date";
import { nextStepWhenIdle, smeTasks, type SmeTaskFacts } from "./sme-tasks";

const now = Date.UTC(2026, 10, 29, 3);
const none: SmeTaskFacts = {
  needsToDecide: [],
  submittedMilestones: [],
  openIncidents: [],
  completedEngagements: [],
  lastAssessmentAt: now - 100 * DAY_MS,
};

describe("smeTasks", () => {
  it("has nothing to do for an SME with nothing waiting, and then suggests the next step", () => {
    expect(smeTasks(none, now)).toEqual([]);
    expect(nextStepWhenIdle(none)).toBe("post_need");
    expect(nextStepWhenIdle({ lastAssessmentAt: null })).toBe("take_assessment");
  });

  it("lists a need whose bids wait to be compared, with their count and since when", () => {
    const tasks = smeTasks(
      { ...none, needsToDecide: [{ needId: "n1", title: "Phần mềm kế toán", bidCount: 5, since: now - 2 * DAY_MS }] },
      now,
    );
    expect(tasks).toEqual([
      { kind: "compare_bids", needId: "n1", title: "Phần mềm kế toán", count: 5, since: now - 2 * DAY_MS },
    ]);
  });

  it("skips a need without bids", () => {
    expect(smeTasks({ ...none, needsToDecide: [{ needId: "n1", title: "x", bidCount: 0, since: now }] }, now)).toEqual(
      [],
    );
  });

  it("counts the days left of the 14-day review window of a submitted milestone", () => {
    const [task] = smeTasks(
      {
        ...none,
        submittedMilestones: [
          { engagementId: "e1", needTitle: "ERP", milestone: "Khảo sát", submittedAt: now - 4 * DAY_MS },
        ],
      },
      now,
    );
    expect(task).toMatchObject({ kind: "review_milestone", milestone: "Khảo sát", daysLeft: 10 });
  });

  it("puts a review about to run out first, then bids, reviews, incidents, reviews to write and the retake", () => {
    const tasks = smeTasks(
      {
        needsToDecide: [{ needId: "n1", title: "CRM", bidCount: 3, since: now - DAY_MS }],
        submittedMilestones: [
          { engagementId: "e1", needTitle: "ERP", milestone: "Mốc 1", submittedAt: now - 2 * DAY_MS },
          { engagementId: "e2", needTitle: "Web", milestone: "Mốc 2", submittedAt: now - 12 * DAY_MS },
        ],
        openIncidents: [{ engagementId: "e1", needTitle: "ERP", category: "delay", createdAt: now, raisedByUs: true }],
        completedEngagements: [
          {
            engagementId: "e3",
            needTitle: "Kế toán",
            vendorName: "ABC",
            completedAt: now - 5 * DAY_MS,
            reviewed: false,
          },
        ],
        lastAssessmentAt: now - 200 * DAY_MS,
      },
      now,
    );
    expect(tasks.map((t) => t.kind)).toEqual([
      "review_milestone",
      "compare_bids",
      "review_milestone",
      "incident",
      "write_review",
      "retake_assessment",
    ]);
    expect(tasks[0]).toMatchObject({ milestone: "Mốc 2", daysLeft: 2 });
  });

  it("shows a review whose window has passed as 0 days left, at the top", () => {
    const [task] = smeTasks(
      {
        ...none,
        needsToDecide: [{ needId: "n1", title: "CRM", bidCount: 1, since: now - 30 * DAY_MS }],
        submittedMilestones: [{ engagementId: "e1", needTitle: "ERP", milestone: "M", submittedAt: now - 20 * DAY_MS }],
      },
      now,
    );
    expect(task).toMatchObject({ kind: "review_milestone", daysLeft: 0 });
  });

  it("lists open incidents, whoever raised them", () => {
    const tasks = smeTasks(
      {
        ...none,
        openIncidents: [
          { engagementId: "e1", needTitle: "ERP", category: "quality", createdAt: now, raisedByUs: false },
        ],
      },
      now,
    );
    expect(tasks).toEqual([
      { kind: "incident", engagementId: "e1", needTitle: "ERP", category: "quality", since: now, raisedByUs: false },
    ]);
  });

  it("asks for a review only while the completed engagement has none", () => {
    const engagement = { engagementId: "e1", needTitle: "ERP", vendorName: "ABC", completedAt: now - DAY_MS };
    const facts = { ...none, lastAssessmentAt: now };
    expect(smeTasks({ ...facts, completedEngagements: [{ ...engagement, reviewed: false }] }, now)).toEqual([
      { kind: "write_review", engagementId: "e1", needTitle: "ERP", vendorName: "ABC", since: now - DAY_MS },
    ]);
    expect(smeTasks({ ...facts, completedEngagements: [{ ...engagement, reviewed: true }] }, now)).toEqual([]);
  });

  it("asks once to retake the assessment after the latest completed engagement, not when taken since", () => {
    const completed = [
      { engagementId: "e1", needTitle: "Cũ", vendorName: "A", completedAt: now - 50 * DAY_MS, reviewed: true },
      { engagementId: "e2", needTitle: "Mới", vendorName: "B", completedAt: now - 10 * DAY_MS, reviewed: true },
    ];
    expect(smeTasks({ ...none, completedEngagements: completed, lastAssessmentAt: now - 30 * DAY_MS }, now)).toEqual([
      { kind: "retake_assessment", needTitle: "Mới", since: now - 10 * DAY_MS },
    ]);
    expect(smeTasks({ ...none, completedEngagements: completed, lastAssessmentAt: null }, now)).toHaveLength(1);
    expect(smeTasks({ ...none, completedEngagements: completed, lastAssessmentAt: now - DAY_MS }, now)).toEqual([]);
  });
});
