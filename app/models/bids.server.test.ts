import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { drizzleFor, getSqlite } from "../../db/client.server";
import { createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { rejectedStatus } from "../../db/test/responses";
import { awardBid, bidsOfNeed, getOwnBid, submitBid, updateBid, withdrawBid, type BidInput } from "./bids.server";
import { needStatusNow } from "./needs.server";

const DAY = 86_400_000;
type U = ReturnType<typeof createUser>;
const viewer = (u: U, role: "sme" | "vendor") => ({ id: u.id, organisationId: u.organisationId, role });

const bid = (total = 90_000_000): BidInput => ({
  total,
  durationDays: 60,
  approach: "Triển khai trong 2 tháng",
  validityDays: 60,
  milestones: [
    { title: "Cài đặt", dueOffsetDays: 20, amount: total / 2 },
    { title: "Đào tạo", dueOffsetDays: 60, amount: total / 2 },
  ],
});

function vettedVendor() {
  const v = createUser({ role: "vendor" });
  setVendorStanding(v.organisationId, "vetted");
  return v;
}

/** Moves a need's deadline into the past so that bidding is closed. */
function closeBidding(needId: string) {
  getSqlite()
    .prepare("UPDATE needs SET deadline = ? WHERE id = ?")
    .run(Date.now() - 1000, needId);
}

describe("bids", () => {
  it("are refused from vendors that are not vetted, expired or suspended", async () => {
    const { needId } = createOpenNeed();
    const draft = createUser({ role: "vendor" });
    expect(await submitBid(viewer(draft, "vendor"), needId, bid())).toMatchObject({
      ok: false,
      error: "not_vetted",
      standing: "draft",
    });
    const expired = createUser({ role: "vendor" });
    setVendorStanding(expired.organisationId, "vetted", Date.now() - DAY);
    expect(await submitBid(viewer(expired, "vendor"), needId, bid())).toMatchObject({
      ok: false,
      error: "not_vetted",
      standing: "expired",
    });
    const suspended = createUser({ role: "vendor" });
    setVendorStanding(suspended.organisationId, "suspended");
    expect(await submitBid(viewer(suspended, "vendor"), needId, bid())).toMatchObject({
      ok: false,
      error: "not_vetted",
      standing: "suspended",
    });
  });

  it("allow one live bid per vendor per need, enforced by the database too", async () => {
    const { needId } = createOpenNeed();
    const v = vettedVendor();
    expect(await submitBid(viewer(v, "vendor"), needId, bid())).toMatchObject({ ok: true });
    expect(await submitBid(viewer(v, "vendor"), needId, bid(80_000_000))).toEqual({ ok: false, error: "already_bid" });
    expect(() =>
      getSqlite()
        .prepare(
          "INSERT INTO bids (id, need_id, vendor_id, submitted_by, status, total, duration_days, approach, validity_days, created_at, updated_at) VALUES ('x', ?, ?, ?, 'submitted', 1, 1, 'a', 30, 1, 1)",
        )
        .run(needId, v.organisationId, v.id),
    ).toThrow(/UNIQUE/);
    // After withdrawing, a new bid is allowed.
    expect(await withdrawBid(viewer(v, "vendor"), needId)).toEqual({ ok: true });
    expect(await submitBid(viewer(v, "vendor"), needId, bid(85_000_000))).toMatchObject({ ok: true });
    expect(getOwnBid(needId, v.organisationId)?.total).toBe(85_000_000);
  });

  it("refuse a plan whose milestones do not add up to the total", async () => {
    const { needId } = createOpenNeed();
    const v = vettedVendor();
    const wrong = { ...bid(), milestones: [{ title: "Tất cả", dueOffsetDays: 30, amount: 89_999_999 }] };
    expect(await submitBid(viewer(v, "vendor"), needId, wrong)).toMatchObject({ ok: false, error: "plan" });
    expect(getOwnBid(needId, v.organisationId)).toBeNull();
  });

  it("change nothing after the deadline: no new bid, no edit, no withdrawal", async () => {
    const { needId } = createOpenNeed();
    const early = vettedVendor();
    await submitBid(viewer(early, "vendor"), needId, bid());
    closeBidding(needId);
    const late = vettedVendor();
    expect(await submitBid(viewer(late, "vendor"), needId, bid())).toEqual({ ok: false, error: "closed" });
    expect(await updateBid(viewer(early, "vendor"), needId, bid(70_000_000))).toEqual({ ok: false, error: "closed" });
    expect(await withdrawBid(viewer(early, "vendor"), needId)).toEqual({ ok: false, error: "closed" });
    expect(getOwnBid(needId, early.organisationId)?.total).toBe(90_000_000);
  });

  it("make a past-deadline need evaluating rather than expired", async () => {
    const { needId } = createOpenNeed();
    await submitBid(viewer(vettedVendor(), "vendor"), needId, bid());
    closeBidding(needId);
    expect(needStatusNow({ id: needId, status: "open", deadline: Date.now() - 1000 })).toBe("evaluating");
  });
});

describe("the award", () => {
  async function needWithTwoBids() {
    const { needId, owner } = createOpenNeed();
    const a = vettedVendor();
    const b = vettedVendor();
    await submitBid(viewer(a, "vendor"), needId, bid(90_000_000));
    await submitBid(viewer(b, "vendor"), needId, bid(80_000_000));
    const [bidA, bidB] = [getOwnBid(needId, a.organisationId)!, getOwnBid(needId, b.organisationId)!];
    return { needId, owner, bidA, bidB };
  }

  it("waits until bidding has closed", async () => {
    const { needId, owner, bidA } = await needWithTwoBids();
    expect(await awardBid(viewer(owner, "sme"), needId, bidA.id)).toEqual({ ok: false, error: "not_evaluating" });
  });

  it("is one transaction: need awarded, the bid awarded, the others not selected, an engagement with dated milestones", async () => {
    const { needId, owner, bidA, bidB } = await needWithTwoBids();
    closeBidding(needId);
    const before = Date.now();
    const result = await awardBid(viewer(owner, "sme"), needId, bidA.id);
    expect(result).toMatchObject({ ok: true });
    const statuses = Object.fromEntries(bidsOfNeed(needId).map((b) => [b.id, b.status]));
    expect(statuses).toEqual({ [bidA.id]: "awarded", [bidB.id]: "not_selected" });
    const sqlite = getSqlite();
    expect(sqlite.prepare("SELECT status FROM needs WHERE id = ?").get(needId)).toEqual({ status: "awarded" });
    const engagement = sqlite.prepare("SELECT * FROM engagements WHERE need_id = ?").get(needId) as {
      id: string;
      total: number;
      awarded_at: number;
    };
    expect(engagement.total).toBe(90_000_000);
    const milestones = sqlite
      .prepare("SELECT due_at, amount FROM engagement_milestones WHERE engagement_id = ? ORDER BY position")
      .all(engagement.id) as { due_at: number; amount: number }[];
    expect(milestones.map((m) => Math.round((m.due_at - engagement.awarded_at) / DAY))).toEqual([20, 60]);
    expect(engagement.awarded_at).toBeGreaterThanOrEqual(before);
  });

  it("run twice at the same moment on different bids yields one engagement and one refusal", async () => {
    const { needId, owner, bidA, bidB } = await needWithTwoBids();
    closeBidding(needId);
    const results = await Promise.all([
      awardBid(viewer(owner, "sme"), needId, bidA.id),
      awardBid(viewer(owner, "sme"), needId, bidB.id),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "already_awarded" }]);
    expect(getSqlite().prepare("SELECT count(*) AS n FROM engagements WHERE need_id = ?").get(needId)).toEqual({
      n: 1,
    });
  });

  it("from another connection to the same file, the second award is refused too", async () => {
    const { needId, owner, bidA, bidB } = await needWithTwoBids();
    closeBidding(needId);
    const other = new Database(getSqlite().name);
    other.pragma("busy_timeout = 5000");
    try {
      const first = await awardBid(viewer(owner, "sme"), needId, bidB.id, Date.now(), drizzleFor(other));
      expect(first).toMatchObject({ ok: true });
      expect(await awardBid(viewer(owner, "sme"), needId, bidA.id)).toEqual({ ok: false, error: "already_awarded" });
    } finally {
      other.close();
    }
    expect(getSqlite().prepare("SELECT count(*) AS n FROM engagements WHERE need_id = ?").get(needId)).toEqual({
      n: 1,
    });
  });

  it("cannot be made by anyone but the owner", async () => {
    const { needId, bidA } = await needWithTwoBids();
    closeBidding(needId);
    const stranger = createUser({ role: "sme" });
    expect(await rejectedStatus(awardBid(viewer(stranger, "sme"), needId, bidA.id))).toBe(404);
  });
});
