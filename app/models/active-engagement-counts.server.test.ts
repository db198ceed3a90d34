import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { DAY_MS as DAY } from "~/lib/local-date";
import { activeCountsFromScratch, storedActiveCounts, type ActiveCount } from "./active-engagement-counts.server";
import { awardBid, getOwnBid, submitBid } from "./bids.server";
import { activeEngagementsBySector } from "./dashboard.server";
import { as } from "./engagement-test-kit";
import { listEngagementsForStaff, terminateEngagement } from "./engagements.server";
import { actOnFlag } from "./flag-queue.server";
import { reevaluate, sweep, type SweepSlice } from "./flags.server";
import { decideMilestone, submitMilestone } from "./milestones.server";

const sorted = (rows: ActiveCount[]) =>
  rows.filter((r) => r.n > 0).sort((a, b) => a.sector.localeCompare(b.sector) || a.rank - b.rank);

/** The stored counts, checked equal to the counts from the engagements themselves. */
function maintained() {
  const stored = sorted(storedActiveCounts());
  expect(stored).toEqual(sorted(activeCountsFromScratch()));
  return stored;
}

const sectorOf = (engagementId: string) =>
  (
    getSqlite()
      .prepare("SELECT n.sector FROM engagements e JOIN needs n ON n.id = e.need_id WHERE e.id = ?")
      .get(engagementId) as { sector: ActiveCount["sector"] }
  ).sector;
const countOf = (sector: string, rank: number) =>
  maintained().find((r) => r.sector === sector && r.rank === rank)?.n ?? 0;

describe("active engagements by sector and health, kept by the engagements' triggers", () => {
  it("follow an award, a health change, a dismissed flag, completion and termination", async () => {
    maintained();
    // The award, through the compare page's model call.
    const { needId, owner } = createOpenNeed();
    const vendor = createUser({ role: "vendor" });
    setVendorStanding(vendor.organisationId, "vetted");
    await submitBid(as(vendor, "vendor"), needId, {
      total: 80_000_000,
      durationDays: 40,
      approach: "Hai giai đoạn",
      validityDays: 60,
      milestones: [{ title: "Cài đặt", dueOffsetDays: 20, amount: 80_000_000 }],
    });
    getSqlite()
      .prepare("UPDATE needs SET deadline = ? WHERE id = ?")
      .run(Date.now() - 1000, needId);
    const bidId = getOwnBid(needId, vendor.organisationId)!.id;
    const sector = (getSqlite().prepare("SELECT sector FROM needs WHERE id = ?").get(needId) as { sector: string })
      .sector;
    const green = countOf(sector, 0);
    const award = await awardBid(as(owner, "sme"), needId, bidId);
    expect(award).toMatchObject({ ok: true });
    expect(countOf(sector, 0)).toBe(green + 1);

    // Completed: the last milestone accepted.
    const engagementId = (award as { engagementId: string }).engagementId;
    const milestone = (
      getSqlite().prepare("SELECT id FROM engagement_milestones WHERE engagement_id = ?").get(engagementId) as {
        id: string;
      }
    ).id;
    await submitMilestone(as(vendor, "vendor"), engagementId, milestone, { note: "Xong", files: [] });
    expect(await decideMilestone(as(owner, "sme"), engagementId, milestone, "accept", null)).toMatchObject({
      ok: true,
    });
    expect(countOf(sector, 0)).toBe(green);

    // Red once the flag engine raises a high flag; green again once the flag is dismissed.
    const red = createEngagement();
    const redSector = sectorOf(red.engagementId);
    const before = { green: countOf(redSector, 0), red: countOf(redSector, 2) };
    getSqlite()
      .prepare("UPDATE engagement_milestones SET due_at = ? WHERE engagement_id = ? AND position = 0")
      .run(Date.now() - 31 * DAY, red.engagementId);
    await reevaluate({ engagementId: red.engagementId });
    expect(countOf(redSector, 2)).toBe(before.red + 1);
    expect(countOf(redSector, 0)).toBe(before.green - 1);
    const staff = createUser({ role: "staff" });
    const flagId = (
      getSqlite().prepare("SELECT id FROM flags WHERE engagement_id = ? AND status = 'open'").get(red.engagementId) as {
        id: string;
      }
    ).id;
    expect(actOnFlag(staff, flagId, "acknowledge", {}, null)).toEqual({ ok: true });
    expect(actOnFlag(staff, flagId, "dismiss", { note: "Đã gia hạn" }, null)).toEqual({ ok: true });
    expect(countOf(redSector, 2)).toBe(before.red);

    // Terminated by staff.
    expect(await terminateEngagement(as(staff, "staff"), red.engagementId, "Vi phạm", "ip")).toEqual({ ok: true });
    expect(countOf(redSector, 0)).toBe(before.green - 1);
  });

  it("are the dashboard's chart, equal to the staff list's totals", () => {
    const { engagementId } = createEngagement();
    const sector = sectorOf(engagementId);
    const row = activeEngagementsBySector().find((r) => r.sector === sector)!;
    for (const health of ["red", "amber", "green"] as const)
      expect(row[health]).toBe(listEngagementsForStaff({ status: "active", sector, health }, 1).total);
  });

  it("are repaired by the sweep when they drifted, in one slice of their own", async () => {
    createEngagement();
    const correct = maintained();
    getSqlite().prepare("UPDATE active_engagement_counts SET engagements = engagements + 5").run();
    getSqlite()
      .prepare(
        "DELETE FROM active_engagement_counts WHERE rowid IN (SELECT rowid FROM active_engagement_counts LIMIT 1)",
      )
      .run();
    expect(sorted(storedActiveCounts())).not.toEqual(correct);
    const slices: SweepSlice[] = [];
    const result = await sweep(Date.now(), { onSlice: (s) => slices.push(s) });
    expect(result.countsRepaired).toBeGreaterThan(0);
    expect(slices.filter((s) => s.step === "active_counts")).toEqual([{ step: "active_counts", size: 1 }]);
    expect(maintained()).toEqual(correct);
    expect((await sweep()).countsRepaired).toBe(0);
  });
});
