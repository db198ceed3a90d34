import { afterEach, describe, expect, it } from "vitest";
import { getSqlite, openSqlite } from "../../db/client.server";
import { createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { DAY_MS } from "~/lib/local-date";
import { thrownStatus, rejectedStatus } from "../../db/test/responses";
import type { Role } from "~/lib/reference";
import {
  cancelNeed,
  closeNeed,
  createNeed,
  getNeedForViewer,
  needHistory,
  publishNeed,
  updateNeed,
  type NeedInput,
} from "./needs.server";
import { countOpenNeedsByCategory, listOpenNeeds, ownNeedsByState } from "./need-board.server";
import type { NeedFilters } from "~/lib/need-filters";
import { submitBid } from "./bids.server";
import { askQuestion } from "./questions.server";

const NOW = Date.UTC(2026, 10, 23, 3, 0);

function user(role: Role = "sme") {
  const u = createUser({ role });
  return { id: u.id, organisationId: u.organisationId, role };
}

const input = (over: Partial<NeedInput> = {}): NeedInput => ({
  title: "Phần mềm kế toán cho xưởng bánh Đồng Tâm",
  description: "Chúng tôi cần thay sổ sách giấy bằng phần mềm kế toán có hóa đơn điện tử.",
  category: "accounting",
  sector: "food_beverage",
  budgetMin: 50_000_000,
  budgetMax: 120_000_000,
  desiredStart: NOW + 30 * DAY_MS,
  deadline: NOW + 14 * DAY_MS,
  requirements: "Hỗ trợ tại chỗ ở TP.HCM",
  ...over,
});

async function draft(owner = user(), over: Partial<NeedInput> = {}) {
  const result = await createNeed(owner, input(over), { publish: false, now: NOW });
  if (!result.ok) throw new Error(result.error);
  return { owner, needId: result.needId };
}

describe("need lifecycle", () => {
  it("saves a draft, publishes it, and records both in the history", async () => {
    const { owner, needId } = await draft();
    expect(getNeedForViewer(needId, owner, NOW).statusNow).toBe("draft");
    expect(await publishNeed(needId, owner, NOW + 1000)).toEqual({ ok: true });
    const need = getNeedForViewer(needId, owner, NOW + 2000);
    expect(need.statusNow).toBe("open");
    expect(need.publishedAt).toBe(NOW + 1000);
    expect(needHistory(needId).rows.map((e) => e.event)).toEqual(["published", "created"]);
  });

  it("refuses to publish with a deadline less than a day away, naming the deadline field", async () => {
    const { owner, needId } = await draft(user(), { deadline: NOW + DAY_MS - 1 });
    expect(await publishNeed(needId, owner, NOW)).toEqual({
      ok: false,
      error: "errors.deadlineTooSoon",
      field: "deadline",
    });
    expect(await createNeed(owner, input({ deadline: NOW + 3600_000 }), { publish: true, now: NOW })).toMatchObject({
      ok: false,
      field: "deadline",
    });
    expect(getNeedForViewer(needId, owner, NOW).status).toBe("draft");
  });

  it("keeps every edit of an open need with before and after, and never moves the deadline earlier", async () => {
    const { owner, needId } = await draft();
    await publishNeed(needId, owner, NOW);
    expect(
      await updateNeed(needId, owner, input({ budgetMax: 150_000_000, title: "Phần mềm kế toán" }), { now: NOW + 1 }),
    ).toEqual({
      ok: true,
    });
    const edit = needHistory(needId).rows[0]!;
    expect(edit.event).toBe("edited");
    expect(edit.changes).toEqual({
      title: ["Phần mềm kế toán cho xưởng bánh Đồng Tâm", "Phần mềm kế toán"],
      budgetMax: [120_000_000, 150_000_000],
    });
    expect(
      await updateNeed(
        needId,
        owner,
        input({ title: "Phần mềm kế toán", budgetMax: 150_000_000, deadline: NOW + 2 * DAY_MS }),
        {
          now: NOW + 2,
        },
      ),
    ).toEqual({ ok: false, error: "errors.deadlineEarlier", field: "deadline" });
  });

  it("closes bidding early, after which the need is evaluating and no longer editable", async () => {
    const { owner, needId } = await draft();
    await publishNeed(needId, owner, NOW);
    expect(await closeNeed(needId, owner, NOW + 10)).toEqual({ ok: true });
    expect(getNeedForViewer(needId, owner, NOW + 20).statusNow).toBe("evaluating");
    // The edit form was shown while the need was open: it changed first, and the edit says so.
    expect(await updateNeed(needId, owner, input(), { now: NOW + 30 })).toEqual({ ok: false, error: "stale" });
    expect(await closeNeed(needId, owner, NOW + 30)).toMatchObject({ ok: false });
  });

  it("cancels only with a reason; a cancelled need cannot be published, edited, closed or cancelled again", async () => {
    const { owner, needId } = await draft();
    await publishNeed(needId, owner, NOW);
    expect(await cancelNeed(needId, owner, "   ", NOW + 1)).toEqual({
      ok: false,
      error: "errors.required",
      field: "cancelReason",
    });
    expect(await cancelNeed(needId, owner, "Đã tìm được giải pháp nội bộ", NOW + 2)).toEqual({ ok: true });
    const need = getNeedForViewer(needId, owner, NOW + 3);
    expect(need.statusNow).toBe("cancelled");
    expect(need.cancelReason).toBe("Đã tìm được giải pháp nội bộ");
    expect(await publishNeed(needId, owner, NOW + 4)).toEqual({ ok: false, error: "stale" });
    expect(await updateNeed(needId, owner, input(), { now: NOW + 4 })).toMatchObject({ ok: false });
    expect(await closeNeed(needId, owner, NOW + 4)).toMatchObject({ ok: false });
    expect(await cancelNeed(needId, owner, "again", NOW + 4)).toMatchObject({ ok: false });
    expect(needHistory(needId).rows[0]).toMatchObject({ event: "cancelled", note: "Đã tìm được giải pháp nội bộ" });
  });

  it("reads an open need past its deadline as expired (no bids yet) with no job having run", async () => {
    const { owner, needId } = await draft(user(), { deadline: NOW + 2 * DAY_MS });
    await publishNeed(needId, owner, NOW);
    const later = NOW + 3 * DAY_MS;
    expect(getNeedForViewer(needId, owner, later).statusNow).toBe("expired");
    expect(getNeedForViewer(needId, owner, later).status).toBe("open");
    expect(await publishNeed(needId, owner, later)).toMatchObject({ ok: false });
    // Expired by the clock, not by anyone's change: the need's state says why.
    expect(await updateNeed(needId, owner, input(), { now: later })).toEqual({
      ok: false,
      error: "errors.needNotAllowed",
    });
    expect(listOpenNeeds({ q: "", sort: "newest" }, 1, later).rows.map((r) => r.id)).not.toContain(needId);
  });
});

describe("who sees a need", () => {
  it("is a 404 for another SME's draft, for vendors on drafts, and for staff on drafts", async () => {
    const { needId } = await draft();
    for (const viewer of [user("sme"), user("vendor"), user("staff")]) {
      expect(thrownStatus(() => getNeedForViewer(needId, viewer, NOW))).toBe(404);
    }
  });

  it("lets vendors and staff see an open need, staff a cancelled one, and only owners edit", async () => {
    const { owner, needId } = await draft();
    await publishNeed(needId, owner, NOW);
    const vendor = user("vendor");
    expect(getNeedForViewer(needId, vendor, NOW)).toMatchObject({ isOwner: false, canReadHistory: false });
    expect(getNeedForViewer(needId, user("staff"), NOW)).toMatchObject({ canReadHistory: true });
    expect(await rejectedStatus(updateNeed(needId, vendor, input(), { now: NOW }))).toBe(404);
    expect(await rejectedStatus(updateNeed(needId, user("sme"), input(), { now: NOW }))).toBe(404);
    await cancelNeed(needId, owner, "Hết ngân sách", NOW);
    expect(thrownStatus(() => getNeedForViewer(needId, vendor, NOW))).toBe(404);
    expect(getNeedForViewer(needId, user("staff"), NOW).statusNow).toBe("cancelled");
  });
});

describe("the needs board", () => {
  it("finds open needs ignoring case and diacritics, filters, sorts, and counts by category", async () => {
    const owner = user();
    const a = await draft(owner, {
      title: "Hệ thống CRM cho chuỗi cà phê Phúc Thịnh",
      category: "crm",
      budgetMax: 300_000_000,
    });
    const b = await draft(owner, {
      title: "Website bán hàng cho nhà sách Đông Á",
      category: "ecommerce",
      deadline: NOW + 5 * DAY_MS,
    });
    const c = await draft(owner, { title: "CRM chưa đăng", category: "crm" });
    await publishNeed(a.needId, owner, NOW);
    await publishNeed(b.needId, owner, NOW + 1);
    const ids = (filters: Parameters<typeof listOpenNeeds>[0]) =>
      listOpenNeeds(filters, 1, NOW + 2).rows.map((r) => r.id);

    expect(ids({ q: "phuc thinh", sort: "newest" })).toEqual([a.needId]);
    expect(ids({ q: "DONG A", sort: "newest" })).toEqual([b.needId]);
    expect(ids({ q: "crm", sort: "newest" })).toEqual([a.needId]); // the draft stays off the board
    expect(ids({ q: "", category: "ecommerce", sort: "newest" })).toContain(b.needId);
    expect(ids({ q: "", category: "ecommerce", sort: "newest" })).not.toContain(a.needId);
    expect(ids({ q: "", budget: "200m-1b", sort: "newest" })).toContain(a.needId);
    expect(ids({ q: "", budget: "200m-1b", sort: "newest" })).not.toContain(b.needId);
    expect(ids({ q: "", closes: 7, sort: "newest" })).toContain(b.needId);
    expect(ids({ q: "", closes: 7, sort: "newest" })).not.toContain(a.needId);
    const byDeadline = ids({ q: "", sort: "deadline" });
    expect(byDeadline.indexOf(b.needId)).toBeLessThan(byDeadline.indexOf(a.needId));
    expect(ids({ q: "", sort: "newest" })).not.toContain(c.needId);

    const counts = countOpenNeedsByCategory(NOW + 2);
    expect(counts.byCategory.find((r) => r.category === "crm")?.n).toBeGreaterThanOrEqual(1);
    expect(counts.total).toBe(counts.byCategory.reduce((s, r) => s + r.n, 0));
  });

  it("groups an SME's own needs by their state now", async () => {
    const owner = user();
    await draft(owner);
    const open = await draft(owner);
    await publishNeed(open.needId, owner, NOW);
    const cancelled = await draft(owner);
    await cancelNeed(cancelled.needId, owner, "Không còn cần", NOW);
    const groups = ownNeedsByState(owner.organisationId, NOW + 1);
    expect(groups.map((g) => [g.status, g.count])).toEqual([
      ["open", 1],
      ["draft", 1],
      ["cancelled", 1],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Transitions (ADR 006): refused when the need changed first, bidders told in the same transaction

const count = (query: string, ...args: unknown[]) =>
  (
    getSqlite()
      .prepare(query)
      .get(...args) as { n: number }
  ).n;
const eventsOf = (needId: string) => count("SELECT count(*) AS n FROM need_events WHERE need_id = ?", needId);
const kindsFor = (userId: string) =>
  (
    getSqlite().prepare("SELECT kind FROM notifications WHERE user_id = ? ORDER BY created_at").all(userId) as {
      kind: string;
    }[]
  ).map((r) => r.kind);
const mailsTo = (email: string) => count('SELECT count(*) AS n FROM outbox WHERE "to" = ?', email);
const storedStatus = (needId: string) =>
  (getSqlite().prepare("SELECT status FROM needs WHERE id = ?").get(needId) as { status: string }).status;

/** A second connection to the same database file: another request or process. */
function otherConnection() {
  const other = openSqlite(getSqlite().name);
  return {
    run: (query: string, ...args: unknown[]) => other.prepare(query).run(...args),
    close: () => other.close(),
  };
}

/** An open need (deadline in ten days) with one vendor that bid and one that asked a question. */
async function needWithBidderAndAsker() {
  const { needId, owner: o } = createOpenNeed();
  const owner = { id: o.id, organisationId: o.organisationId, role: "sme" as const };
  const bidder = createUser({ role: "vendor" });
  setVendorStanding(bidder.organisationId, "vetted");
  const asker = createUser({ role: "vendor" });
  const result = await submitBid({ ...bidder, role: "vendor" }, needId, {
    total: 80_000_000,
    durationDays: 30,
    approach: "Cài đặt và đào tạo",
    validityDays: 60,
    milestones: [{ title: "Bàn giao", dueOffsetDays: 30, amount: 80_000_000 }],
  });
  if (!result.ok) throw new Error(result.error);
  await askQuestion({ ...asker, role: "vendor" }, needId, "Có cần hỗ trợ tại chỗ không?");
  const need = getNeedForViewer(needId, owner);
  return { needId, owner, bidder, asker, need };
}

const editOf = (need: ReturnType<typeof getNeedForViewer>, over: Partial<NeedInput> = {}): NeedInput => ({
  title: need.title,
  description: need.description,
  category: need.category,
  sector: need.sector,
  budgetMin: need.budgetMin,
  budgetMax: need.budgetMax,
  desiredStart: need.desiredStart,
  deadline: need.deadline,
  requirements: need.requirements,
  ...over,
});

describe("a need's transition when another connection changed the need first", () => {
  let other: ReturnType<typeof otherConnection>;
  afterEach(() => other?.close());

  it("refuses the edit of an open need closed meanwhile as stale, and tells no vendor", async () => {
    const { needId, owner, bidder, need } = await needWithBidderAndAsker();
    const events = eventsOf(needId);
    other = otherConnection();
    other.run("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?", Date.now(), needId);
    expect(await updateNeed(needId, owner, editOf(need, { budgetMax: 200_000_000 }))).toEqual({
      ok: false,
      error: "stale",
    });
    expect(getNeedForViewer(needId, owner).budgetMax).toBe(need.budgetMax);
    expect(eventsOf(needId)).toBe(events);
    expect(kindsFor(bidder.id)).toEqual([]);
  });

  it("refuses to publish a draft published meanwhile, leaving one publication in the history", async () => {
    const { owner, needId } = await draft();
    other = otherConnection();
    other.run("UPDATE needs SET status = 'open', published_at = ? WHERE id = ?", NOW, needId);
    other.run(
      "INSERT INTO need_events (need_id, actor_id, event, at) VALUES (?, ?, 'published', ?)",
      needId,
      owner.id,
      NOW,
    );
    expect(await publishNeed(needId, owner, NOW + 1)).toEqual({ ok: false, error: "stale" });
    expect(await updateNeed(needId, owner, input(), { publish: true, now: NOW + 1 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(needHistory(needId).rows.map((e) => e.event)).toEqual(["published", "created"]);
  });

  it("refuses to close bidding on a need cancelled meanwhile, and tells no bidder", async () => {
    const { needId, owner, bidder } = await needWithBidderAndAsker();
    const events = eventsOf(needId);
    other = otherConnection();
    other.run("UPDATE needs SET status = 'cancelled', cancel_reason = 'x' WHERE id = ?", needId);
    expect(await closeNeed(needId, owner)).toEqual({ ok: false, error: "stale" });
    expect(storedStatus(needId)).toBe("cancelled");
    expect(eventsOf(needId)).toBe(events);
    expect(kindsFor(bidder.id)).toEqual([]);
  });

  it("refuses to cancel a need awarded meanwhile, and tells no bidder", async () => {
    const { needId, owner, bidder } = await needWithBidderAndAsker();
    const events = eventsOf(needId);
    other = otherConnection();
    other.run("UPDATE needs SET status = 'awarded' WHERE id = ?", needId);
    expect(await cancelNeed(needId, owner, "Không cần nữa")).toEqual({ ok: false, error: "stale" });
    expect(storedStatus(needId)).toBe("awarded");
    expect(eventsOf(needId)).toBe(events);
    expect(kindsFor(bidder.id)).toEqual([]);
  });

  it("tells the clock's refusal apart: a need past its deadline is not editable, and that is not stale", async () => {
    const { needId, owner, need } = await needWithBidderAndAsker();
    other = otherConnection();
    other.run("UPDATE needs SET deadline = ? WHERE id = ?", Date.now() - 1000, needId);
    expect(await closeNeed(needId, owner)).toEqual({ ok: false, error: "errors.needNotAllowed" });
    expect(await updateNeed(needId, owner, editOf(need))).toEqual({ ok: false, error: "errors.needNotAllowed" });
  });
});

describe("vendors hear of a need's edit, early close and cancellation in the same transaction", () => {
  afterEach(() => getSqlite().exec("DROP TRIGGER IF EXISTS temp.notifications_down"));

  it("tells bidders and askers of an edit, in-app and by mail, when the edit commits", async () => {
    const { needId, owner, bidder, asker, need } = await needWithBidderAndAsker();
    expect(await updateNeed(needId, owner, editOf(need, { budgetMax: 150_000_000 }))).toEqual({ ok: true });
    expect(kindsFor(bidder.id)).toEqual(["need_edited"]);
    expect(kindsFor(asker.id)).toEqual(["need_edited"]);
    expect(mailsTo(bidder.email)).toBe(1);
    // Saving without a change records nothing and tells no one.
    expect(await updateNeed(needId, owner, editOf(need, { budgetMax: 150_000_000 }))).toEqual({ ok: true });
    expect(kindsFor(bidder.id)).toEqual(["need_edited"]);
  });

  it("tells bidders (not askers) of an early close and of a cancellation, with its reason", async () => {
    const closed = await needWithBidderAndAsker();
    expect(await closeNeed(closed.needId, closed.owner)).toEqual({ ok: true });
    expect(kindsFor(closed.bidder.id)).toEqual(["need_closed_early"]);
    expect(kindsFor(closed.asker.id)).toEqual([]);

    const cancelled = await needWithBidderAndAsker();
    expect(await cancelNeed(cancelled.needId, cancelled.owner, "  Đã có giải pháp nội bộ  ")).toEqual({ ok: true });
    const row = getSqlite()
      .prepare("SELECT kind, params FROM notifications WHERE user_id = ?")
      .get(cancelled.bidder.id) as { kind: string; params: string };
    expect(row.kind).toBe("need_cancelled");
    expect(JSON.parse(row.params)).toEqual({ need: cancelled.need.title, reason: "Đã có giải pháp nội bộ" });
    expect(kindsFor(cancelled.asker.id)).toEqual([]);
  });

  it("rolls the close, the edit and the cancellation back whole when their notifications cannot be written", async () => {
    const { needId, owner, bidder, need } = await needWithBidderAndAsker();
    const events = eventsOf(needId);
    getSqlite().exec(
      "CREATE TEMP TRIGGER notifications_down BEFORE INSERT ON main.notifications BEGIN SELECT RAISE(ABORT, 'notifications down'); END",
    );
    await expect(closeNeed(needId, owner)).rejects.toThrow("notifications down");
    await expect(updateNeed(needId, owner, editOf(need, { title: "Tiêu đề mới" }))).rejects.toThrow(
      "notifications down",
    );
    await expect(cancelNeed(needId, owner, "Hết ngân sách")).rejects.toThrow("notifications down");
    expect(storedStatus(needId)).toBe("open");
    expect(getNeedForViewer(needId, owner).title).toBe(need.title);
    expect(eventsOf(needId)).toBe(events);
    expect(mailsTo(bidder.email)).toBe(0);
  });
});

describe("the board's search", () => {
  it("counts every match on each page, past the last page too, and only the matches", async () => {
    const owner = user();
    for (let i = 0; i < 23; i++) {
      const made = await createNeed(owner, input({ title: `Bảo trì máy chủ kho lạnh số ${i}` }), {
        publish: true,
        now: NOW,
      });
      if (!made.ok) throw new Error(made.error);
    }
    await createNeed(owner, input(), { publish: true, now: NOW });
    const search = (page: number, q = "may chu kho lanh") => listOpenNeeds({ q, sort: "newest" }, page, NOW + 1000);
    expect(search(1)).toMatchObject({ total: 23, pageCount: 2 });
    expect(search(1).rows).toHaveLength(20);
    expect(search(2)).toMatchObject({ total: 23, pageCount: 2 });
    expect(search(2).rows).toHaveLength(3);
    expect(search(2).rows[0]).not.toHaveProperty("matches");
    expect(search(3)).toMatchObject({ total: 23, pageCount: 2, rows: [] });
    expect(search(1, "khong co dau ca")).toMatchObject({ total: 0, rows: [] });
  });
});

describe("the board's filters", () => {
  it("lists, for each combination of filters and sort, what a plain reading of the open needs gives", async () => {
    const owner = user();
    const made: string[] = [];
    const variants: Partial<NeedInput>[] = [
      {
        category: "accounting",
        sector: "tourism",
        budgetMin: 10_000_000,
        budgetMax: 40_000_000,
        deadline: NOW + 2 * DAY_MS,
      },
      {
        category: "accounting",
        sector: "food_beverage",
        budgetMin: 60_000_000,
        budgetMax: 150_000_000,
        deadline: NOW + 6 * DAY_MS,
      },
      {
        category: "ecommerce",
        sector: "tourism",
        budgetMin: 300_000_000,
        budgetMax: 900_000_000,
        deadline: NOW + 20 * DAY_MS,
      },
      {
        category: "ecommerce",
        sector: "manufacturing",
        budgetMin: 1_200_000_000,
        budgetMax: 2_000_000_000,
        deadline: NOW + 9 * DAY_MS,
      },
    ];
    for (let i = 0; i < 12; i++) {
      const result = await createNeed(owner, input({ ...variants[i % 4], title: `Nhu cầu lọc số ${i}` }), {
        publish: true,
        now: NOW + i,
      });
      if (!result.ok) throw new Error(result.error);
      made.push(result.needId);
    }
    const at = NOW + 1000;
    type Row = {
      id: string;
      category: string;
      sector: string;
      budgetMin: number;
      budgetMax: number;
      deadline: number;
      publishedAt: number;
    };
    const open = getSqlite()
      .prepare(
        "SELECT id, category, sector, budget_min AS budgetMin, budget_max AS budgetMax, deadline, published_at AS publishedAt FROM needs WHERE status = 'open' AND deadline > ?",
      )
      .all(at) as Row[];
    const cases: { filters: NeedFilters; keep: (n: Row) => boolean }[] = [
      { filters: { q: "", sort: "newest", category: "accounting" }, keep: (n) => n.category === "accounting" },
      { filters: { q: "", sort: "newest", category: "ecommerce" }, keep: (n) => n.category === "ecommerce" },
      { filters: { q: "", sort: "deadline", sector: "tourism" }, keep: (n) => n.sector === "tourism" },
      { filters: { q: "", sort: "deadline", sector: "manufacturing" }, keep: (n) => n.sector === "manufacturing" },
      {
        filters: { q: "", sort: "budget", budget: "under50m" },
        keep: (n) => n.budgetMax >= 0 && n.budgetMin < 50_000_000,
      },
      { filters: { q: "", sort: "budget", budget: "over1b" }, keep: (n) => n.budgetMax >= 1_000_000_000 },
      { filters: { q: "", sort: "newest", closes: 3 }, keep: (n) => n.deadline <= at + 3 * DAY_MS },
      { filters: { q: "", sort: "newest", closes: 7 }, keep: (n) => n.deadline <= at + 7 * DAY_MS },
      {
        filters: { q: "", sort: "deadline", category: "ecommerce", sector: "tourism", closes: 30 },
        keep: (n) => n.category === "ecommerce" && n.sector === "tourism" && n.deadline <= at + 30 * DAY_MS,
      },
    ];
    const order: Record<NeedFilters["sort"], (a: Row, b: Row) => number> = {
      newest: (a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : 1),
      deadline: (a, b) => a.deadline - b.deadline || (a.id < b.id ? -1 : 1),
      budget: (a, b) => b.budgetMax - a.budgetMax || (a.id < b.id ? -1 : 1),
    };
    for (const { filters, keep } of cases) {
      const expected = open
        .filter(keep)
        .sort(order[filters.sort])
        .map((n) => n.id);
      const board = listOpenNeeds(filters, 1, at);
      expect({ filters, ids: board.rows.map((r) => r.id) }).toEqual({ filters, ids: expected.slice(0, 20) });
      expect({ filters, total: board.total }).toEqual({ filters, total: expected.length });
    }
    expect(made.every((id) => open.some((n) => n.id === id))).toBe(true);
  });
});
