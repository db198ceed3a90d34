import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import { thrownStatus } from "../../db/test/responses";
import { DAY_MS } from "~/lib/need-status";
import type { Role } from "~/lib/reference";
import {
  cancelNeed,
  closeNeed,
  countOpenNeedsByCategory,
  createNeed,
  getNeedForViewer,
  listOpenNeeds,
  needHistory,
  ownNeedsByState,
  publishNeed,
  updateNeed,
  type NeedInput,
} from "./needs.server";

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

function draft(owner = user(), over: Partial<NeedInput> = {}) {
  const result = createNeed(owner, input(over), { publish: false, now: NOW });
  if (!result.ok) throw new Error(result.error);
  return { owner, needId: result.needId };
}

describe("need lifecycle", () => {
  it("saves a draft, publishes it, and records both in the history", () => {
    const { owner, needId } = draft();
    expect(getNeedForViewer(needId, owner, NOW).statusNow).toBe("draft");
    expect(publishNeed(needId, owner, NOW + 1000)).toEqual({ ok: true });
    const need = getNeedForViewer(needId, owner, NOW + 2000);
    expect(need.statusNow).toBe("open");
    expect(need.publishedAt).toBe(NOW + 1000);
    expect(needHistory(needId).rows.map((e) => e.event)).toEqual(["published", "created"]);
  });

  it("refuses to publish with a deadline less than a day away, naming the deadline field", () => {
    const { owner, needId } = draft(user(), { deadline: NOW + DAY_MS - 1 });
    expect(publishNeed(needId, owner, NOW)).toEqual({ ok: false, error: "errors.deadlineTooSoon", field: "deadline" });
    expect(createNeed(owner, input({ deadline: NOW + 3600_000 }), { publish: true, now: NOW })).toMatchObject({
      ok: false,
      field: "deadline",
    });
    expect(getNeedForViewer(needId, owner, NOW).status).toBe("draft");
  });

  it("keeps every edit of an open need with before and after, and never moves the deadline earlier", () => {
    const { owner, needId } = draft();
    publishNeed(needId, owner, NOW);
    expect(
      updateNeed(needId, owner, input({ budgetMax: 150_000_000, title: "Phần mềm kế toán" }), { now: NOW + 1 }),
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
      updateNeed(
        needId,
        owner,
        input({ title: "Phần mềm kế toán", budgetMax: 150_000_000, deadline: NOW + 2 * DAY_MS }),
        {
          now: NOW + 2,
        },
      ),
    ).toEqual({ ok: false, error: "errors.deadlineEarlier", field: "deadline" });
  });

  it("closes bidding early, after which the need is evaluating and no longer editable", () => {
    const { owner, needId } = draft();
    publishNeed(needId, owner, NOW);
    expect(closeNeed(needId, owner, NOW + 10)).toEqual({ ok: true });
    expect(getNeedForViewer(needId, owner, NOW + 20).statusNow).toBe("evaluating");
    expect(updateNeed(needId, owner, input(), { now: NOW + 30 })).toMatchObject({
      ok: false,
      error: "errors.needNotAllowed",
    });
    expect(closeNeed(needId, owner, NOW + 30)).toMatchObject({ ok: false });
  });

  it("cancels only with a reason; a cancelled need cannot be published, edited, closed or cancelled again", () => {
    const { owner, needId } = draft();
    publishNeed(needId, owner, NOW);
    expect(cancelNeed(needId, owner, "   ", NOW + 1)).toEqual({
      ok: false,
      error: "errors.required",
      field: "cancelReason",
    });
    expect(cancelNeed(needId, owner, "Đã tìm được giải pháp nội bộ", NOW + 2)).toEqual({ ok: true });
    const need = getNeedForViewer(needId, owner, NOW + 3);
    expect(need.statusNow).toBe("cancelled");
    expect(need.cancelReason).toBe("Đã tìm được giải pháp nội bộ");
    expect(publishNeed(needId, owner, NOW + 4)).toMatchObject({ ok: false, error: "errors.needNotAllowed" });
    expect(updateNeed(needId, owner, input(), { now: NOW + 4 })).toMatchObject({ ok: false });
    expect(closeNeed(needId, owner, NOW + 4)).toMatchObject({ ok: false });
    expect(cancelNeed(needId, owner, "again", NOW + 4)).toMatchObject({ ok: false });
    expect(needHistory(needId).rows[0]).toMatchObject({ event: "cancelled", note: "Đã tìm được giải pháp nội bộ" });
  });

  it("reads an open need past its deadline as expired (no bids yet) with no job having run", () => {
    const { owner, needId } = draft(user(), { deadline: NOW + 2 * DAY_MS });
    publishNeed(needId, owner, NOW);
    const later = NOW + 3 * DAY_MS;
    expect(getNeedForViewer(needId, owner, later).statusNow).toBe("expired");
    expect(getNeedForViewer(needId, owner, later).status).toBe("open");
    expect(publishNeed(needId, owner, later)).toMatchObject({ ok: false });
    expect(updateNeed(needId, owner, input(), { now: later })).toMatchObject({ ok: false });
    expect(listOpenNeeds({ q: "", sort: "newest" }, 1, later).rows.map((r) => r.id)).not.toContain(needId);
  });
});

describe("who sees a need", () => {
  it("is a 404 for another SME's draft, for vendors on drafts, and for staff on drafts", () => {
    const { needId } = draft();
    for (const viewer of [user("sme"), user("vendor"), user("staff")]) {
      expect(thrownStatus(() => getNeedForViewer(needId, viewer, NOW))).toBe(404);
    }
  });

  it("lets vendors and staff see an open need, staff a cancelled one, and only owners edit", () => {
    const { owner, needId } = draft();
    publishNeed(needId, owner, NOW);
    const vendor = user("vendor");
    expect(getNeedForViewer(needId, vendor, NOW)).toMatchObject({ isOwner: false, canReadHistory: false });
    expect(getNeedForViewer(needId, user("staff"), NOW)).toMatchObject({ canReadHistory: true });
    expect(thrownStatus(() => updateNeed(needId, vendor, input(), { now: NOW }))).toBe(404);
    expect(thrownStatus(() => updateNeed(needId, user("sme"), input(), { now: NOW }))).toBe(404);
    cancelNeed(needId, owner, "Hết ngân sách", NOW);
    expect(thrownStatus(() => getNeedForViewer(needId, vendor, NOW))).toBe(404);
    expect(getNeedForViewer(needId, user("staff"), NOW).statusNow).toBe("cancelled");
  });
});

describe("the needs board", () => {
  it("finds open needs ignoring case and diacritics, filters, sorts, and counts by category", () => {
    const owner = user();
    const a = draft(owner, {
      title: "Hệ thống CRM cho chuỗi cà phê Phúc Thịnh",
      category: "crm",
      budgetMax: 300_000_000,
    });
    const b = draft(owner, {
      title: "Website bán hàng cho nhà sách Đông Á",
      category: "ecommerce",
      deadline: NOW + 5 * DAY_MS,
    });
    const c = draft(owner, { title: "CRM chưa đăng", category: "crm" });
    publishNeed(a.needId, owner, NOW);
    publishNeed(b.needId, owner, NOW + 1);
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

  it("groups an SME's own needs by their state now", () => {
    const owner = user();
    draft(owner);
    const open = draft(owner);
    publishNeed(open.needId, owner, NOW);
    const cancelled = draft(owner);
    cancelNeed(cancelled.needId, owner, "Không còn cần", NOW);
    const groups = ownNeedsByState(owner.organisationId, NOW + 1);
    expect(groups.map((g) => [g.status, g.count])).toEqual([
      ["open", 1],
      ["draft", 1],
      ["cancelled", 1],
    ]);
  });
});
