import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { as, otherConnection, sideEffects } from "./engagement-test-kit";
import { engagementView } from "./engagement-view.server";
import { decideMilestone, submitMilestone } from "./milestones.server";
import { submitReview } from "./reviews.server";

const PDF = { name: "bien-ban.pdf", bytes: new TextEncoder().encode("%PDF-1.4 test") };
const review = { quality: 5, schedule: 4, value: 4, communication: 5, recommend: 9, comment: "Tốt" };
const milestone = (id: string) =>
  getSqlite()
    .prepare("SELECT status, rejections, first_submitted_at, submitted_at FROM engagement_milestones WHERE id = ?")
    .get(id) as { status: string; rejections: number; first_submitted_at: number; submitted_at: number };
const uploadedFiles = (engagementId: string) => {
  const dir = path.join(process.env.UPLOADS_DIR!, engagementId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

beforeAll(() => {
  process.env.UPLOADS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "kns-uploads-"));
});

describe("milestones", () => {
  it("the vendor submits, not the SME; the SME decides, not the vendor", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    const [m1] = milestoneIds as [string, string];
    expect(await submitMilestone(as(sme, "sme"), engagementId, m1, { note: "x", files: [] })).toEqual({
      ok: false,
      error: "wrong_side",
    });
    expect(await submitMilestone(as(vendor, "vendor"), engagementId, m1, { note: "Đã cài đặt", files: [PDF] })).toEqual(
      { ok: true },
    );
    expect(await decideMilestone(as(vendor, "vendor"), engagementId, m1, "accept", null)).toEqual({
      ok: false,
      error: "wrong_side",
    });
    expect(await submitMilestone(as(vendor, "vendor"), engagementId, m1, { note: "again", files: [] })).toEqual({
      ok: false,
      error: "illegal_transition",
    });
    expect(await decideMilestone(as(sme, "sme"), engagementId, m1, "request_changes", "Thiếu hướng dẫn")).toMatchObject(
      { ok: true },
    );
    expect(await decideMilestone(as(sme, "sme"), engagementId, m1, "accept", null)).toEqual({
      ok: false,
      error: "illegal_transition",
    });
    expect(await submitMilestone(as(vendor, "vendor"), engagementId, m1, { note: "Bổ sung", files: [] })).toEqual({
      ok: true,
    });
    const row = milestone(m1);
    expect(row.status).toBe("submitted");
    expect(row.rejections).toBe(1);
    expect(row.first_submitted_at).toBeLessThanOrEqual(row.submitted_at);
  });

  it("refuses a file whose content is not an allowed type, and writes nothing", async () => {
    const { engagementId, vendor, milestoneIds } = createEngagement();
    const fake = { name: "hoa-don.pdf", bytes: new TextEncoder().encode("MZ this is an executable") };
    expect(
      await submitMilestone(as(vendor, "vendor"), engagementId, milestoneIds[0]!, { note: "x", files: [fake] }),
    ).toEqual({
      ok: false,
      error: "file_type",
    });
    expect(
      getSqlite().prepare("SELECT count(*) AS n FROM milestone_submissions WHERE engagement_id = ?").get(engagementId),
    ).toEqual({ n: 0 });
    expect(uploadedFiles(engagementId)).toEqual([]);
  });

  it("completes the engagement when every milestone is accepted, tells both parties, and only then opens the review", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    for (const m of milestoneIds) {
      expect(await submitReview(as(sme, "sme"), engagementId, review)).toEqual({ ok: false, error: "not_completed" });
      await submitMilestone(as(vendor, "vendor"), engagementId, m, { note: "xong", files: [] });
      const decided = await decideMilestone(as(sme, "sme"), engagementId, m, "accept", null);
      expect(decided).toEqual({ ok: true, completed: m === milestoneIds.at(-1) });
    }
    expect(getSqlite().prepare("SELECT status FROM engagements WHERE id = ?").get(engagementId)).toEqual({
      status: "completed",
    });
    const kinds = (userId: string) =>
      (getSqlite().prepare("SELECT kind FROM notifications WHERE user_id = ?").all(userId) as { kind: string }[]).map(
        (r) => r.kind,
      );
    expect(kinds(sme.id)).toContain("engagement_completed_sme");
    expect(kinds(vendor.id)).toContain("engagement_completed_vendor");
    expect(engagementView(engagementId, as(sme, "sme")).timeline.map((e) => e.kind)).toContain("completed");
  });

  it("tells the other party in the same transaction as the submission", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    await submitMilestone(as(vendor, "vendor"), engagementId, milestoneIds[0]!, { note: "xong", files: [] });
    expect(
      getSqlite().prepare("SELECT kind FROM notifications WHERE user_id = ?").all(sme.id) as { kind: string }[],
    ).toEqual([{ kind: "milestone_submitted" }]);
  });
});

describe("milestones when someone else changed them first", () => {
  it("a submission the page showed as pending, already submitted by a colleague, answers stale and leaves no trace", async () => {
    const { engagementId, vendor, milestoneIds } = createEngagement();
    const m1 = milestoneIds[0]!;
    otherConnection()
      .prepare("UPDATE engagement_milestones SET status = 'submitted', submitted_at = ? WHERE id = ?")
      .run(Date.now(), m1);
    const before = sideEffects(engagementId);
    expect(
      await submitMilestone(as(vendor, "vendor"), engagementId, m1, { note: "x", files: [PDF], seen: "pending" }),
    ).toEqual({ ok: false, error: "stale" });
    expect(sideEffects(engagementId)).toEqual(before);
    expect(
      getSqlite().prepare("SELECT count(*) AS n FROM milestone_submissions WHERE engagement_id = ?").get(engagementId),
    ).toEqual({ n: 0 });
    expect(
      getSqlite().prepare("SELECT count(*) AS n FROM attachments WHERE engagement_id = ?").get(engagementId),
    ).toEqual({ n: 0 });
    // The file written before the transaction is removed with it.
    expect(uploadedFiles(engagementId)).toEqual([]);
  });

  it("a decision on a submission another user of the SME already decided answers stale", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    const m1 = milestoneIds[0]!;
    await submitMilestone(as(vendor, "vendor"), engagementId, m1, { note: "xong", files: [] });
    otherConnection().prepare("UPDATE engagement_milestones SET status = 'accepted' WHERE id = ?").run(m1);
    const before = sideEffects(engagementId);
    expect(
      await decideMilestone(as(sme, "sme"), engagementId, m1, "request_changes", "Thiếu", Date.now(), "submitted"),
    ).toEqual({ ok: false, error: "stale" });
    expect(sideEffects(engagementId)).toEqual(before);
    expect(milestone(m1)).toMatchObject({ status: "accepted", rejections: 0 });
  });

  it("when the completion's compare-and-set matches no row, the acceptance rolls back with it", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    const [m1, m2] = milestoneIds as [string, string];
    for (const m of [m1, m2]) await submitMilestone(as(vendor, "vendor"), engagementId, m, { note: "x", files: [] });
    await decideMilestone(as(sme, "sme"), engagementId, m1, "accept", null);
    // The completion's compare-and-set finds no active row (a trigger on this connection skips the write).
    getSqlite().exec(`CREATE TEMP TRIGGER hold_engagement BEFORE UPDATE OF status ON engagements
      WHEN NEW.status = 'completed' BEGIN SELECT RAISE(IGNORE); END`);
    try {
      const before = sideEffects(engagementId);
      expect(await decideMilestone(as(sme, "sme"), engagementId, m2, "accept", null)).toEqual({
        ok: false,
        error: "stale",
      });
      expect(sideEffects(engagementId)).toEqual(before);
      expect(milestone(m2).status).toBe("submitted");
    } finally {
      getSqlite().exec("DROP TRIGGER hold_engagement");
    }
  });
});

describe("strangers", () => {
  it("get a 404 from every milestone transition and change nothing", async () => {
    const { engagementId, milestoneIds } = createEngagement();
    const m1 = milestoneIds[0]!;
    const strangers = [as(createUser({ role: "sme" }), "sme"), as(createUser({ role: "vendor" }), "vendor")];
    const before = sideEffects(engagementId);
    for (const stranger of strangers) {
      const refusal = await submitMilestone(stranger, engagementId, m1, { note: "x", files: [PDF] }).catch((e) => e);
      expect(refusal).toBeInstanceOf(Response);
      expect((refusal as Response).status).toBe(404);
      const decision = await decideMilestone(stranger, engagementId, m1, "accept", null).catch((e) => e);
      expect((decision as Response).status).toBe(404);
    }
    expect(sideEffects(engagementId)).toEqual(before);
    expect(milestone(m1).status).toBe("pending");
    expect(uploadedFiles(engagementId)).toEqual([]);
  });
});
