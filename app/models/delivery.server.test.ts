import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import {
  decideAmendment,
  decideMilestone,
  deliveryView,
  getAttachmentForViewer,
  proposeAmendment,
  rateSme,
  replyToReview,
  submitMilestone,
  submitReview,
} from "./delivery.server";
import { saveSetting, settingVersion, SUPPORT_RATES_KEY } from "./settings.server";
import { SUPPORT_RATES_DEFAULT } from "~/lib/support-estimate";

const DAY = 86_400_000;
type U = { id: string; organisationId: string };
const as = (u: U, role: "sme" | "vendor" | "staff") => ({ id: u.id, organisationId: u.organisationId, role });
const PDF = { name: "bien-ban.pdf", bytes: new TextEncoder().encode("%PDF-1.4 test") };
const review = { quality: 5, schedule: 4, value: 4, communication: 5, recommend: 9, comment: "Tốt" };

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
    const row = getSqlite()
      .prepare("SELECT status, rejections, first_submitted_at, submitted_at FROM engagement_milestones WHERE id = ?")
      .get(m1) as {
      status: string;
      rejections: number;
      first_submitted_at: number;
      submitted_at: number;
    };
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
  });

  it("serves an attachment to the parties and staff only", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    await submitMilestone(as(vendor, "vendor"), engagementId, milestoneIds[0]!, { note: "x", files: [PDF] });
    const view = deliveryView(engagementId, as(sme, "sme"));
    const fileId = view.files[0]!.id;
    expect(getAttachmentForViewer(engagementId, fileId, as(sme, "sme")).mimeType).toBe("application/pdf");
    const staff = createUser({ role: "staff" });
    expect(getAttachmentForViewer(engagementId, fileId, as(staff, "staff")).fileName).toBe("bien-ban.pdf");
    const stranger = createUser({ role: "vendor" });
    expect(() => getAttachmentForViewer(engagementId, fileId, as(stranger, "vendor"))).toThrow();
  });

  it("completes the engagement when every milestone is accepted, and only then opens the review", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    for (const m of milestoneIds) {
      expect(await submitReview(as(sme, "sme"), engagementId, review)).toEqual({ ok: false, error: "not_completed" });
      await submitMilestone(as(vendor, "vendor"), engagementId, m, { note: "xong", files: [] });
      await decideMilestone(as(sme, "sme"), engagementId, m, "accept", null);
    }
    expect(getSqlite().prepare("SELECT status FROM engagements WHERE id = ?").get(engagementId)).toEqual({
      status: "completed",
    });
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
    expect(rateSme(as(vendor, "vendor"), engagementId, 4, null)).toEqual({ ok: true });
    expect(deliveryView(engagementId, as(sme, "sme")).smeRating).toBeNull();
    expect(deliveryView(engagementId, as(createUser({ role: "staff" }), "staff")).smeRating?.rating).toBe(4);
  });
});

describe("amendments", () => {
  it("are accepted by the other party only, and only accepted ones change the plan", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    const m1 = milestoneIds[0]!;
    await proposeAmendment(as(vendor, "vendor"), engagementId, {
      kind: "amount",
      milestoneId: m1,
      newAmount: 60_000_000,
      reason: "Thêm hạng mục",
    });
    const id = () =>
      (
        getSqlite()
          .prepare("SELECT id FROM amendments WHERE engagement_id = ? AND status = 'proposed'")
          .get(engagementId) as { id: string }
      ).id;
    expect(await decideAmendment(as(vendor, "vendor"), engagementId, id(), true)).toEqual({
      ok: false,
      error: "own_amendment",
    });
    expect(await decideAmendment(as(sme, "sme"), engagementId, id(), false)).toEqual({ ok: true });
    expect(getSqlite().prepare("SELECT amount FROM engagement_milestones WHERE id = ?").get(m1)).toEqual({
      amount: 50_000_000,
    });

    await proposeAmendment(as(vendor, "vendor"), engagementId, {
      kind: "amount",
      milestoneId: m1,
      newAmount: 60_000_000,
      reason: "Lần 2",
    });
    expect(await decideAmendment(as(sme, "sme"), engagementId, id(), true)).toEqual({ ok: true });
    expect(getSqlite().prepare("SELECT amount FROM engagement_milestones WHERE id = ?").get(m1)).toEqual({
      amount: 60_000_000,
    });
    expect(getSqlite().prepare("SELECT total FROM engagements WHERE id = ?").get(engagementId)).toEqual({
      total: 110_000_000,
    });

    const due = Date.now() + 90 * DAY;
    await proposeAmendment(as(sme, "sme"), engagementId, {
      kind: "new_milestone",
      newTitle: "Bảo trì",
      newAmount: 5_000_000,
      newDueAt: due,
      reason: "Cần thêm",
    });
    expect(await decideAmendment(as(vendor, "vendor"), engagementId, id(), true)).toEqual({ ok: true });
    expect(
      getSqlite().prepare("SELECT count(*) AS n FROM engagement_milestones WHERE engagement_id = ?").get(engagementId),
    ).toEqual({ n: 3 });
    expect(
      getSqlite().prepare("SELECT count(*) AS n FROM amendments WHERE engagement_id = ?").get(engagementId),
    ).toEqual({ n: 3 });
  });
});

describe("support estimate on the engagement", () => {
  it("follows the SME's size class, the kind of category and the admin's rates", () => {
    const solution = createEngagement({ sizeClass: "micro", category: "accounting", total: 100_000_000 });
    expect(deliveryView(solution.engagementId, as(solution.sme, "sme")).support.estimate).toMatchObject({
      kind: "solution",
      amount: 20_000_000,
      capped: true,
    });
    const consulting = createEngagement({ sizeClass: "medium", category: "dx_consulting", total: 100_000_000 });
    expect(deliveryView(consulting.engagementId, as(consulting.sme, "sme")).support.estimate).toMatchObject({
      kind: "consulting",
      amount: 30_000_000,
      capped: false,
    });
    const admin = createUser({ role: "admin" });
    saveSetting(
      { id: admin.id, role: "admin" },
      SUPPORT_RATES_KEY,
      {
        ...SUPPORT_RATES_DEFAULT,
        medium: { ...SUPPORT_RATES_DEFAULT.medium, consulting: { rate: 0.4, cap: 150_000_000 } },
      },
      settingVersion(SUPPORT_RATES_KEY),
      "ip",
    );
    expect(deliveryView(consulting.engagementId, as(consulting.sme, "sme")).support.estimate).toMatchObject({
      amount: 40_000_000,
    });
  });
});
