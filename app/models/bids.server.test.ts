import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { drizzleFor, getSqlite, openSqlite } from "../../db/client.server";
import { createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { rejectedStatus } from "../../db/test/responses";
import { DAY_MS } from "~/lib/local-date";
import {
  awardBid,
  bidsOfNeed,
  getOwnBid,
  setShortlisted,
  submitBid,
  updateBid,
  withdrawBid,
  type BidInput,
} from "./bids.server";
import { answerQuestion, askQuestion, questionsFor } from "./questions.server";
import { needStatusNow } from "./needs.server";
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
    setVendorStanding(expired.organisationId, "vetted", Date.now() - DAY_MS);
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
    expect(milestones.map((m) => Math.round((m.due_at - engagement.awarded_at) / DAY_MS))).toEqual([20, 60]);
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

// ---------------------------------------------------------------------------------------------
// Transitions (ADR 006): refused when their precondition changed first, nothing half-written

const count = (query: string, ...args: unknown[]) =>
  (
    getSqlite()
      .prepare(query)
      .get(...args) as { n: number }
  ).n;
const notificationsOf = (userId: string) => count("SELECT count(*) AS n FROM notifications WHERE user_id = ?", userId);
const eventsOf = (needId: string) => count("SELECT count(*) AS n FROM need_events WHERE need_id = ?", needId);
const bidStatus = (bidId: string) =>
  (getSqlite().prepare("SELECT status FROM bids WHERE id = ?").get(bidId) as { status: string }).status;

describe("a bid's transition when another connection changed things first", () => {
  let other: ReturnType<typeof openSqlite> | undefined;
  afterEach(() => {
    other?.close();
    other = undefined;
    getSqlite().exec("DROP TRIGGER IF EXISTS temp.notifications_down");
  });
  const elsewhere = (query: string, ...args: unknown[]) => {
    other ??= openSqlite(getSqlite().name);
    other.prepare(query).run(...args);
  };

  async function needWithBid() {
    const { needId, owner } = createOpenNeed();
    const vendor = vettedVendor();
    await submitBid(viewer(vendor, "vendor"), needId, bid());
    const own = getOwnBid(needId, vendor.organisationId)!;
    return { needId, owner, vendor, own, ownerNotes: notificationsOf(owner.id) };
  }

  it("refuses to edit or withdraw a bid once the SME closed bidding early, and tells the SME nothing", async () => {
    const { needId, owner, vendor, ownerNotes } = await needWithBid();
    elsewhere("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?", Date.now(), needId);
    expect(await updateBid(viewer(vendor, "vendor"), needId, bid(70_000_000))).toEqual({ ok: false, error: "closed" });
    expect(await withdrawBid(viewer(vendor, "vendor"), needId)).toEqual({ ok: false, error: "closed" });
    expect(await submitBid(viewer(vettedVendor(), "vendor"), needId, bid())).toEqual({ ok: false, error: "closed" });
    expect(getOwnBid(needId, vendor.organisationId)).toMatchObject({ total: 90_000_000, status: "submitted" });
    expect(notificationsOf(owner.id)).toBe(ownerNotes);
  });

  it("refuses a shortlist change the page no longer matches as stale", async () => {
    const { needId, owner, own } = await needWithBid();
    closeBidding(needId);
    const sme = viewer(owner, "sme");
    elsewhere("UPDATE bids SET status = 'shortlisted' WHERE id = ?", own.id);
    expect(setShortlisted(sme, needId, own.id, true)).toEqual({ ok: false, error: "stale" });
    elsewhere("UPDATE bids SET status = 'submitted' WHERE id = ?", own.id);
    expect(setShortlisted(sme, needId, own.id, false)).toEqual({ ok: false, error: "stale" });
    expect(bidStatus(own.id)).toBe("submitted");
    expect(setShortlisted(sme, needId, own.id, true)).toEqual({ ok: true });
    expect(bidStatus(own.id)).toBe("shortlisted");
  });

  it("refuses to shortlist or award on a need awarded meanwhile, writing no engagement and telling no one", async () => {
    const { needId, owner, vendor, own } = await needWithBid();
    closeBidding(needId);
    const events = eventsOf(needId);
    elsewhere("UPDATE needs SET status = 'awarded' WHERE id = ?", needId);
    const sme = viewer(owner, "sme");
    expect(setShortlisted(sme, needId, own.id, true)).toEqual({ ok: false, error: "already_awarded" });
    expect(await awardBid(sme, needId, own.id)).toEqual({ ok: false, error: "already_awarded" });
    expect(count("SELECT count(*) AS n FROM engagements WHERE need_id = ?", needId)).toBe(0);
    expect(bidStatus(own.id)).toBe("submitted");
    expect(eventsOf(needId)).toBe(events);
    expect(notificationsOf(vendor.id)).toBe(0);
  });

  it("refuses to answer a question answered meanwhile as stale, keeping the first answer and telling no one", async () => {
    const { needId, owner, vendor } = await needWithBid();
    await askQuestion(viewer(vendor, "vendor"), needId, "Có cần hóa đơn điện tử không?");
    const [question] = questionsFor(needId, viewer(owner, "sme"), true);
    elsewhere(
      "UPDATE need_questions SET answer = 'Có', answered_by = ?, answered_at = ? WHERE id = ?",
      owner.id,
      Date.now(),
      question!.id,
    );
    expect(await answerQuestion(viewer(owner, "sme"), needId, question!.id, "Không")).toEqual({
      ok: false,
      error: "stale",
    });
    expect(questionsFor(needId, viewer(owner, "sme"), true)[0]!.answer).toBe("Có");
    expect(notificationsOf(vendor.id)).toBe(0);
  });

  it("refuses a question on a need closed meanwhile", async () => {
    const { needId, owner, ownerNotes } = await needWithBid();
    elsewhere("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?", Date.now(), needId);
    expect(await askQuestion(viewer(vettedVendor(), "vendor"), needId, "Còn nhận hồ sơ không?")).toEqual({
      ok: false,
      error: "closed",
    });
    expect(count("SELECT count(*) AS n FROM need_questions WHERE need_id = ?", needId)).toBe(0);
    expect(notificationsOf(owner.id)).toBe(ownerNotes);
  });

  it("rolls the award back whole (need, bids, engagement, history) when the bidders cannot be told", async () => {
    const { needId, owner, own } = await needWithBid();
    closeBidding(needId);
    const events = eventsOf(needId);
    getSqlite().exec(
      "CREATE TEMP TRIGGER notifications_down BEFORE INSERT ON main.notifications BEGIN SELECT RAISE(ABORT, 'notifications down'); END",
    );
    await expect(awardBid(viewer(owner, "sme"), needId, own.id)).rejects.toThrow("notifications down");
    expect(count("SELECT count(*) AS n FROM engagements WHERE need_id = ?", needId)).toBe(0);
    expect(bidStatus(own.id)).toBe("submitted");
    expect(needStatusNow({ id: needId, status: "open", deadline: Date.now() - 1000 })).toBe("evaluating");
    expect(eventsOf(needId)).toBe(events);
  });

  it("tells the owner of a bid, its edit and its withdrawal in the bid's own transaction", async () => {
    const { needId, owner, vendor, ownerNotes } = await needWithBid();
    expect(ownerNotes).toBe(1);
    getSqlite().exec(
      "CREATE TEMP TRIGGER notifications_down BEFORE INSERT ON main.notifications BEGIN SELECT RAISE(ABORT, 'notifications down'); END",
    );
    await expect(updateBid(viewer(vendor, "vendor"), needId, bid(70_000_000))).rejects.toThrow("notifications down");
    await expect(withdrawBid(viewer(vendor, "vendor"), needId)).rejects.toThrow("notifications down");
    expect(getOwnBid(needId, vendor.organisationId)).toMatchObject({ total: 90_000_000, status: "submitted" });
    getSqlite().exec("DROP TRIGGER temp.notifications_down");
    expect(await withdrawBid(viewer(vendor, "vendor"), needId)).toEqual({ ok: true });
    expect(notificationsOf(owner.id)).toBe(2);
  });
});
