import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createOpenNeed, createUser } from "../../db/test/factories";
import { smeTasks } from "~/lib/sme-tasks";
import { raiseIncident } from "./incidents.server";
import { smeTaskFacts } from "./sme-home.server";

function bidOn(needId: string, total: number) {
  const vendor = createUser({ role: "vendor" });
  getSqlite()
    .prepare(
      "INSERT INTO bids (id, need_id, vendor_id, submitted_by, status, total, duration_days, approach, validity_days, created_at, updated_at) VALUES (?, ?, ?, ?, 'submitted', ?, 30, 'a', 30, ?, ?)",
    )
    .run(crypto.randomUUID(), needId, vendor.organisationId, vendor.id, total, Date.now(), Date.now());
}

describe("smeTaskFacts", () => {
  it("finds the SME's closed need with its live bids, a submitted milestone and an open incident, and nobody else's", async () => {
    const { needId, owner } = createOpenNeed(-1);
    bidOn(needId, 40_000_000);
    bidOn(needId, 45_000_000);
    const stillOpen = createOpenNeed(5, owner);
    bidOn(stillOpen.needId, 1);
    const facts = smeTaskFacts(owner.organisationId);
    expect(facts.needsToDecide).toEqual([expect.objectContaining({ needId, bidCount: 2 })]);
    expect(facts.lastAssessmentAt).toBeNull();

    const eng = createEngagement();
    getSqlite()
      .prepare("UPDATE engagement_milestones SET status = 'submitted', submitted_at = ? WHERE id = ?")
      .run(Date.now(), eng.milestoneIds[0]);
    await raiseIncident(
      { id: eng.vendor.id, organisationId: eng.vendor.organisationId, role: "vendor" },
      eng.engagementId,
      { category: "payment", description: "Chưa thanh toán" },
    );
    const theirs = smeTaskFacts(eng.sme.organisationId);
    expect(theirs.submittedMilestones).toEqual([
      expect.objectContaining({ engagementId: eng.engagementId, milestone: "Mốc 1" }),
    ]);
    expect(theirs.openIncidents).toEqual([expect.objectContaining({ category: "payment", raisedByUs: false })]);
    expect(smeTasks(theirs, Date.now()).map((t) => t.kind)).toEqual(["review_milestone", "incident"]);
    expect(smeTaskFacts(owner.organisationId).submittedMilestones).toEqual([]);
  });

  it("lists a completed engagement as not reviewed until the review exists", () => {
    const eng = createEngagement();
    getSqlite()
      .prepare("UPDATE engagements SET status = 'completed', completed_at = ? WHERE id = ?")
      .run(Date.now(), eng.engagementId);
    const facts = smeTaskFacts(eng.sme.organisationId);
    expect(facts.completedEngagements).toEqual([
      expect.objectContaining({ engagementId: eng.engagementId, reviewed: false }),
    ]);
    expect(smeTasks(facts, Date.now()).map((t) => t.kind)).toEqual(["write_review", "retake_assessment"]);
  });
});
