import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { as, otherConnection, sideEffects } from "./engagement-test-kit";
import { engagementView } from "./engagement-view.server";
import { decideMilestone, submitMilestone } from "./milestones.server";
import { rateSme, replyToReview, submitReview } from "./reviews.server";

const review = { quality: 5, schedule: 4, value: 4, communication: 5, recommend: 9, comment: "Tốt" };

async function completed() {
  const eng = createEngagement();
  for (const m of eng.milestoneIds) {
    await submitMilestone(as(eng.vendor, "vendor"), eng.engagementId, m, { note: "xong", files: [] });
    await decideMilestone(as(eng.sme, "sme"), eng.engagementId, m, "accept", null);
  }
  return eng;
}

describe("reviews", () => {
  it("the SME reviews once, the vendor replies once and rates the SME privately", async () => {
    const { engagementId, sme, vendor } = await completed();
    expect(await submitReview(as(vendor, "vendor"), engagementId, review)).toEqual({ ok: false, error: "wrong_side" });
    expect(await submitReview(as(sme, "sme"), engagementId, review)).toEqual({ ok: true });
    expect(await submitReview(as(sme, "sme"), engagementId, review)).toEqual({ ok: false, error: "already_reviewed" });
    expect(
      getSqlite()
        .prepare("SELECT rating_avg_x100 AS r, rating_count AS n FROM vendor_profiles WHERE organisation_id = ?")
        .get(vendor.organisationId),
    ).toEqual({
      r: 450,
      n: 1,
    });
    expect(await replyToReview(as(vendor, "vendor"), engagementId, "Cảm ơn")).toEqual({ ok: true });
    expect(await replyToReview(as(vendor, "vendor"), engagementId, "Lần hai")).toEqual({
      ok: false,
      error: "already_replied",
    });
    expect(await rateSme(as(vendor, "vendor"), engagementId, 4, null)).toEqual({ ok: true });
    expect(engagementView(engagementId, as(sme, "sme")).smeRating).toBeNull();
    expect(engagementView(engagementId, as(createUser({ role: "staff" }), "staff")).smeRating?.rating).toBe(4);
  });

  it("the vendor's rating is the mean of its reviews' overall ratings", async () => {
    const first = await completed();
    await submitReview(as(first.sme, "sme"), first.engagementId, review);
    // A second engagement of the same vendor, reviewed lower.
    const second = createEngagement();
    getSqlite()
      .prepare("UPDATE engagements SET vendor_id = ? WHERE id = ?")
      .run(first.vendor.organisationId, second.engagementId);
    getSqlite().prepare("UPDATE engagements SET status = 'completed' WHERE id = ?").run(second.engagementId);
    await submitReview(as(second.sme, "sme"), second.engagementId, {
      ...review,
      quality: 2,
      schedule: 3,
      value: 2,
      communication: 2,
    });
    expect(
      getSqlite()
        .prepare("SELECT rating_avg_x100 AS r, rating_count AS n FROM vendor_profiles WHERE organisation_id = ?")
        .get(first.vendor.organisationId),
    ).toEqual({ r: Math.round(((4.5 + 2.25) / 2) * 100), n: 2 });
  });

  it("a review, reply or SME rating someone else wrote first changes nothing more", async () => {
    const { engagementId, sme, vendor } = await completed();
    const other = otherConnection();
    other
      .prepare(
        `INSERT INTO reviews (id, engagement_id, vendor_id, sme_id, quality, schedule, value, communication, recommend, comment, created_at)
         VALUES (?, ?, ?, ?, 3, 3, 3, 3, 5, 'Đồng nghiệp đã đánh giá', ?)`,
      )
      .run(crypto.randomUUID(), engagementId, vendor.organisationId, sme.organisationId, Date.now());
    let before = sideEffects(engagementId);
    expect(await submitReview(as(sme, "sme"), engagementId, review)).toEqual({ ok: false, error: "already_reviewed" });
    expect(sideEffects(engagementId)).toEqual(before);

    other
      .prepare("UPDATE reviews SET reply = 'Đã trả lời', replied_at = ? WHERE engagement_id = ?")
      .run(Date.now(), engagementId);
    before = sideEffects(engagementId);
    expect(await replyToReview(as(vendor, "vendor"), engagementId, "Cảm ơn")).toEqual({
      ok: false,
      error: "already_replied",
    });
    expect(sideEffects(engagementId)).toEqual(before);
    expect(getSqlite().prepare("SELECT reply FROM reviews WHERE engagement_id = ?").get(engagementId)).toEqual({
      reply: "Đã trả lời",
    });

    other
      .prepare(
        "INSERT INTO sme_ratings (engagement_id, sme_id, vendor_id, rating, comment, created_at) VALUES (?, ?, ?, 2, NULL, ?)",
      )
      .run(engagementId, sme.organisationId, vendor.organisationId, Date.now());
    expect(await rateSme(as(vendor, "vendor"), engagementId, 5, null)).toEqual({
      ok: false,
      error: "already_reviewed",
    });
    expect(getSqlite().prepare("SELECT rating FROM sme_ratings WHERE engagement_id = ?").get(engagementId)).toEqual({
      rating: 2,
    });
  });
});
