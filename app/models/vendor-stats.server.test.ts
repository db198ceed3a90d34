import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { DAY_MS as DAY } from "~/lib/local-date";
import { decideAmendment, proposeAmendment } from "./amendments.server";
import { awardBid, getOwnBid, submitBid } from "./bids.server";
import { as } from "./engagement-test-kit";
import { terminateEngagement, trackRecords } from "./engagements.server";
import { actOnFlag } from "./flag-queue.server";
import { reevaluate, sweep } from "./flags.server";
import { decideMilestone, submitMilestone } from "./milestones.server";
import { submitReview } from "./reviews.server";
import {
  computedVendorStats,
  rebuildVendorStats,
  storedVendorStats,
  trackRecordsNow,
  type VendorStats,
} from "./vendor-stats.server";

const figures = ({ refreshedAt: _at, completedBySector, ...rest }: VendorStats) => ({
  ...rest,
  completedBySector: JSON.parse(completedBySector) as Record<string, number>,
});

/** The stored row, checked equal to the row computed from the vendor's whole history at the same moment. */
function maintained(vendorId: string) {
  const stored = storedVendorStats([vendorId]).get(vendorId);
  expect(stored, "a row for the vendor").toBeDefined();
  const [fresh] = computedVendorStats([vendorId], stored!.refreshedAt);
  expect(figures(stored!)).toEqual(figures(fresh!));
  expect(sectorCompletions(vendorId), "vendor_sector_completions").toEqual(
    Object.fromEntries(Object.entries(figures(fresh!).completedBySector).filter(([, n]) => n > 0)),
  );
  return figures(stored!);
}

/** The vendor's rows of vendor_sector_completions (kept by triggers on vendor_stats), as sector → count. */
const sectorCompletions = (vendorId: string) =>
  Object.fromEntries(
    (
      getSqlite()
        .prepare("SELECT sector, completed FROM vendor_sector_completions WHERE vendor_id = ?")
        .all(vendorId) as { sector: string; completed: number }[]
    ).map((r) => [r.sector, r.completed]),
  );

const sectorOf = (needId: string) =>
  (getSqlite().prepare("SELECT sector FROM needs WHERE id = ?").get(needId) as { sector: string }).sector;

describe("a vendor's maintained track record", () => {
  it("is awarded, delivered, completed and reviewed: after each event it equals the figures from scratch", async () => {
    // The award, through the compare page's model call.
    const { needId, owner } = createOpenNeed();
    const vendor = createUser({ role: "vendor" });
    setVendorStanding(vendor.organisationId, "vetted");
    const v = { id: vendor.id, organisationId: vendor.organisationId, role: "vendor" as const };
    await submitBid(v, needId, {
      total: 80_000_000,
      durationDays: 40,
      approach: "Hai giai đoạn",
      validityDays: 60,
      milestones: [
        { title: "Cài đặt", dueOffsetDays: 20, amount: 40_000_000 },
        { title: "Đào tạo", dueOffsetDays: 40, amount: 40_000_000 },
      ],
    });
    getSqlite()
      .prepare("UPDATE needs SET deadline = ? WHERE id = ?")
      .run(Date.now() - 1000, needId);
    const bidId = getOwnBid(needId, vendor.organisationId)!.id;
    const award = await awardBid({ id: owner.id, organisationId: owner.organisationId, role: "sme" }, needId, bidId);
    expect(award).toMatchObject({ ok: true });
    expect(maintained(vendor.organisationId)).toMatchObject({ activeEngagements: 1, milestonesDue: 0 });

    // Delivery: each milestone submitted, then accepted; the last acceptance completes the engagement.
    const engagementId = (award as { engagementId: string }).engagementId;
    const milestones = getSqlite()
      .prepare("SELECT id FROM engagement_milestones WHERE engagement_id = ? ORDER BY position")
      .all(engagementId) as { id: string }[];
    const sme = { id: owner.id, organisationId: owner.organisationId };
    for (const m of milestones) {
      expect(await submitMilestone(as(vendor, "vendor"), engagementId, m.id, { note: "Xong", files: [] })).toEqual({
        ok: true,
      });
      maintained(vendor.organisationId);
      expect(await decideMilestone(as(sme, "sme"), engagementId, m.id, "accept", null)).toMatchObject({ ok: true });
      maintained(vendor.organisationId);
    }
    expect(maintained(vendor.organisationId)).toMatchObject({
      activeEngagements: 0,
      completedEngagements: 1,
      completedBySector: { [sectorOf(needId)]: 1 },
      milestonesDue: 2,
      milestonesOnTime: 2,
      nextDueAt: null,
    });

    // The SME's review.
    const review = { quality: 5, schedule: 4, value: 3, communication: 5, recommend: 9, comment: "Tốt" };
    expect(await submitReview(as(sme, "sme"), engagementId, review)).toEqual({ ok: true });
    expect(maintained(vendor.organisationId)).toMatchObject({
      reviewCount: 1,
      qualitySum: 5,
      scheduleSum: 4,
      valueSum: 3,
      communicationSum: 5,
      recommendSum: 9,
    });
  });

  it("follows an accepted amendment's new due date and a termination", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    const staff = createUser({ role: "staff" });
    const past = Date.now() - 2 * DAY;
    await proposeAmendment(as(vendor, "vendor"), engagementId, {
      kind: "due_date",
      milestoneId: milestoneIds[0]!,
      newDueAt: past,
      reason: "Lùi lịch",
    });
    const amendmentId = (
      getSqlite().prepare("SELECT id FROM amendments WHERE engagement_id = ?").get(engagementId) as { id: string }
    ).id;
    expect(await decideAmendment(as(sme, "sme"), engagementId, amendmentId, true)).toEqual({ ok: true });
    // The re-dated milestone is now past due and never submitted: due, not on time.
    expect(maintained(vendor.organisationId)).toMatchObject({ milestonesDue: 1, milestonesOnTime: 0 });
    expect(await terminateEngagement(as(staff, "staff"), engagementId, "Vi phạm", "ip")).toEqual({ ok: true });
    expect(maintained(vendor.organisationId)).toMatchObject({ activeEngagements: 0, completedEngagements: 0 });
  });

  it("counts a milestone falling due once the sweep passes its due date", async () => {
    const { vendor } = createEngagement(); // milestones due in 30 and 60 days, never submitted
    const before = maintained(vendor.organisationId);
    expect(before).toMatchObject({ milestonesDue: 0 });
    const later = Date.now() + 31 * DAY;
    const result = await sweep(later);
    expect(result.statsRefreshed).toBeGreaterThanOrEqual(1);
    const after = storedVendorStats([vendor.organisationId]).get(vendor.organisationId)!;
    expect(after.refreshedAt).toBe(later);
    expect(figures(after)).toEqual(figures(computedVendorStats([vendor.organisationId], later)[0]!));
    expect(after.milestonesDue).toBe(1);
    expect(after.nextDueAt).toBe(before.nextDueAt! + 30 * DAY);
  });

  it("is repaired by the sweep when it drifted, and rebuilt from scratch in bulk", async () => {
    const { vendor } = createEngagement();
    const correct = maintained(vendor.organisationId);
    getSqlite()
      .prepare(
        "UPDATE vendor_stats SET active_engagements = 7, completed_by_sector = '{\"retail\":3}' WHERE vendor_id = ?",
      )
      .run(vendor.organisationId);
    getSqlite().prepare("DELETE FROM vendor_stats WHERE vendor_id <> ?").run(vendor.organisationId);
    const result = await sweep();
    expect(result.statsRepaired).toBeGreaterThanOrEqual(1);
    expect(maintained(vendor.organisationId)).toEqual(correct);

    getSqlite().prepare("DELETE FROM vendor_stats").run();
    expect(getSqlite().prepare("SELECT count(*) AS n FROM vendor_sector_completions").get()).toEqual({ n: 0 });
    const vendors = (
      getSqlite().prepare("SELECT count(*) AS n FROM organisations WHERE kind = 'vendor'").get() as {
        n: number;
      }
    ).n;
    expect(rebuildVendorStats()).toBe(vendors);
    expect(maintained(vendor.organisationId)).toEqual(correct);
  });
});

describe("a page's track records (the directory, compare)", () => {
  it("equal the records from history: the row while time has not changed it, recomputed once a milestone fell due", () => {
    const { vendor } = createEngagement();
    const id = vendor.organisationId;
    const now = Date.now();
    expect(trackRecordsNow([id], now)).toEqual(trackRecords([id], now));

    // The stored row is what is read while it is exact (a tampered figure shows through)…
    getSqlite().prepare("UPDATE vendor_stats SET completed_engagements = 7 WHERE vendor_id = ?").run(id);
    expect(trackRecordsNow([id], now).get(id)?.completed).toBe(7);
    getSqlite().prepare("UPDATE vendor_stats SET completed_engagements = 0 WHERE vendor_id = ?").run(id);

    // …and not once the first milestone (due in 30 days, never submitted) has fallen due.
    const later = now + 31 * DAY;
    expect(trackRecordsNow([id], later)).toEqual(trackRecords([id], later));
    expect(trackRecordsNow([id], later).get(id)).toMatchObject({ due: 1, onTime: 0 });
    // Nor before the row was written.
    expect(trackRecordsNow([id], now - DAY)).toEqual(trackRecords([id], now - DAY));

    // A vendor without a row: its history, which is empty.
    const fresh = createUser({ role: "vendor" }).organisationId;
    getSqlite().prepare("DELETE FROM vendor_stats WHERE vendor_id = ?").run(fresh);
    expect(trackRecordsNow([fresh, id], now)).toEqual(trackRecords([fresh, id], now));
  });
});

describe("an engagement's maintained health rank", () => {
  const rankFromFlags = (engagementId: string) =>
    (
      getSqlite()
        .prepare(
          `SELECT coalesce(max(CASE severity WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END), 0) AS r
           FROM flags WHERE engagement_id = ? AND subject_type = 'engagement' AND status IN ('open', 'acknowledged')`,
        )
        .get(engagementId) as { r: number }
    ).r;
  const stored = (engagementId: string) =>
    (getSqlite().prepare("SELECT health_rank AS r FROM engagements WHERE id = ?").get(engagementId) as { r: number }).r;

  it("equals the rank from its open flags after a flag opens and after it is dismissed", async () => {
    const { engagementId } = createEngagement();
    const staff = createUser({ role: "staff" });
    getSqlite()
      .prepare("UPDATE engagement_milestones SET due_at = ? WHERE engagement_id = ? AND position = 0")
      .run(Date.now() - 31 * DAY, engagementId);
    await reevaluate({ engagementId });
    expect(stored(engagementId)).toBe(2);
    expect(stored(engagementId)).toBe(rankFromFlags(engagementId));
    const flagId = (
      getSqlite().prepare("SELECT id FROM flags WHERE engagement_id = ? AND status = 'open'").get(engagementId) as {
        id: string;
      }
    ).id;
    expect(actOnFlag(staff, flagId, "acknowledge", {}, null)).toEqual({ ok: true });
    expect(actOnFlag(staff, flagId, "dismiss", { note: "Đã gia hạn" }, null)).toEqual({ ok: true });
    expect(stored(engagementId)).toBe(0);
    expect(stored(engagementId)).toBe(rankFromFlags(engagementId));
  });
});
