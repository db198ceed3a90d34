/**
 * Each need and bid transition re-reads and writes inside one immediate transaction (ADR 006), so
 * nothing another connection writes can land between its check and its write. These tests put a
 * second connection's write exactly there: the transition computes the need's state (after its
 * first read, before its write) through `effectiveNeedStatus`, wrapped here to run the
 * interference once. With check-then-write outside a transaction the interference would succeed
 * and then be silently overwritten; here it is shut out (SQLITE_BUSY with no wait) and the
 * transition's result is the state that is stored.
 */
import type Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getSqlite, openSqlite } from "../../db/client.server";
import { createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { DAY_MS } from "~/lib/local-date";
import type * as NeedStatusModule from "~/lib/need-status";
import type * as Bids from "./bids.server";
import type { BidInput } from "./bids.server";
import type * as Invitations from "./invitations.server";
import type * as Needs from "./needs.server";
import type * as Questions from "./questions.server";

// Test files share one module graph (vitest.config.ts): the models are imported afresh after the
// mock below is in place, and the graph is reset again when this file is done.
let awardBid: typeof Bids.awardBid, getOwnBid: typeof Bids.getOwnBid, setShortlisted: typeof Bids.setShortlisted;
let submitBid: typeof Bids.submitBid, updateBid: typeof Bids.updateBid, withdrawBid: typeof Bids.withdrawBid;
let answerQuestion: typeof Questions.answerQuestion, askQuestion: typeof Questions.askQuestion;
let questionsFor: typeof Questions.questionsFor, inviteVendor: typeof Invitations.inviteVendor;
let cancelNeed: typeof Needs.cancelNeed, closeNeed: typeof Needs.closeNeed, createNeed: typeof Needs.createNeed;
let getNeedForViewer: typeof Needs.getNeedForViewer, publishNeed: typeof Needs.publishNeed;
let updateNeed: typeof Needs.updateNeed;

beforeAll(async () => {
  vi.resetModules();
  ({ awardBid, getOwnBid, setShortlisted, submitBid, updateBid, withdrawBid } = await import("./bids.server"));
  ({ answerQuestion, askQuestion, questionsFor } = await import("./questions.server"));
  ({ inviteVendor } = await import("./invitations.server"));
  ({ cancelNeed, closeNeed, createNeed, getNeedForViewer, publishNeed, updateNeed } = await import("./needs.server"));
});
afterAll(() => {
  vi.doUnmock("~/lib/need-status");
  vi.resetModules();
});

const between = vi.hoisted(() => ({ interfere: null as null | (() => void) }));

vi.mock("~/lib/need-status", async (importOriginal) => {
  const actual = await importOriginal<typeof NeedStatusModule>();
  return {
    ...actual,
    effectiveNeedStatus: (need: Parameters<typeof actual.effectiveNeedStatus>[0]) => {
      const interfere = between.interfere;
      between.interfere = null;
      interfere?.();
      return actual.effectiveNeedStatus(need);
    },
  };
});

type U = ReturnType<typeof createUser>;
const as = (u: U, role: "sme" | "vendor") => ({ id: u.id, organisationId: u.organisationId, role });

const plan = (total = 90_000_000): BidInput => ({
  total,
  durationDays: 60,
  approach: "Triển khai trong 2 tháng",
  validityDays: 60,
  milestones: [{ title: "Bàn giao", dueOffsetDays: 60, amount: total }],
});

function vettedVendor() {
  const v = createUser({ role: "vendor" });
  setVendorStanding(v.organisationId, "vetted");
  return v;
}

const row = <T>(query: string, ...args: unknown[]) =>
  getSqlite()
    .prepare(query)
    .get(...args) as T;
const needStatus = (id: string) => row<{ status: string }>("SELECT status FROM needs WHERE id = ?", id).status;
const closeBidding = (needId: string) =>
  getSqlite()
    .prepare("UPDATE needs SET deadline = ? WHERE id = ?")
    .run(Date.now() - 1000, needId);

let other: Database.Database;
let refused: unknown;

/** Arms a write from the second connection to run between the transition's read and its write. */
function interfere(query: string, ...args: unknown[]) {
  refused = undefined;
  between.interfere = () => {
    try {
      other.prepare(query).run(...args);
    } catch (error) {
      refused = error;
    }
  };
}

function expectShutOut() {
  expect(between.interfere).toBeNull(); // it ran
  expect(refused).toMatchObject({ code: "SQLITE_BUSY" });
}

beforeEach(() => {
  other = openSqlite(getSqlite().name);
  other.pragma("busy_timeout = 0");
});
afterEach(() => {
  between.interfere = null;
  other.close();
});

describe("a need's transition holds the need from its read to its write", () => {
  it("edit: a cancellation from elsewhere cannot slip in", async () => {
    const { needId, owner } = createOpenNeed();
    const need = getNeedForViewer(needId, as(owner, "sme"));
    interfere("UPDATE needs SET status = 'cancelled', cancel_reason = 'x' WHERE id = ?", needId);
    const result = await updateNeed(needId, as(owner, "sme"), { ...need, budgetMax: 150_000_000 });
    expect(result).toEqual({ ok: true });
    expectShutOut();
    expect(row("SELECT status, budget_max AS max FROM needs WHERE id = ?", needId)).toEqual({
      status: "open",
      max: 150_000_000,
    });
  });

  it("publish: a cancellation from elsewhere cannot slip in", async () => {
    const owner = createUser({ role: "sme" });
    const now = Date.now();
    const created = await createNeed(
      as(owner, "sme"),
      {
        title: "Hóa đơn điện tử",
        description: "Chuyển sang hóa đơn điện tử",
        category: "e_invoice",
        sector: "retail_trade",
        budgetMin: 10_000_000,
        budgetMax: 30_000_000,
        desiredStart: now + 30 * DAY_MS,
        deadline: now + 10 * DAY_MS,
        requirements: "",
      },
      { publish: false, now },
    );
    if (!created.ok) throw new Error(created.error);
    interfere("UPDATE needs SET status = 'cancelled', cancel_reason = 'x' WHERE id = ?", created.needId);
    expect(await publishNeed(created.needId, as(owner, "sme"))).toEqual({ ok: true });
    expectShutOut();
    expect(needStatus(created.needId)).toBe("open");
  });

  it("close early: a cancellation from elsewhere cannot slip in", async () => {
    const { needId, owner } = createOpenNeed();
    interfere("UPDATE needs SET status = 'cancelled', cancel_reason = 'x' WHERE id = ?", needId);
    expect(await closeNeed(needId, as(owner, "sme"))).toEqual({ ok: true });
    expectShutOut();
    expect(needStatus(needId)).toBe("evaluating");
  });

  it("cancel: an award from elsewhere cannot slip in", async () => {
    const { needId, owner } = createOpenNeed();
    interfere("UPDATE needs SET status = 'awarded' WHERE id = ?", needId);
    expect(await cancelNeed(needId, as(owner, "sme"), "Hết ngân sách")).toEqual({ ok: true });
    expectShutOut();
    expect(needStatus(needId)).toBe("cancelled");
  });
});

describe("a bid's transition holds what it checked from its read to its write", () => {
  it("submit: an early close from elsewhere cannot slip in", async () => {
    const { needId } = createOpenNeed();
    const v = vettedVendor();
    interfere("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?", Date.now(), needId);
    expect(await submitBid(as(v, "vendor"), needId, plan())).toMatchObject({ ok: true });
    expectShutOut();
    expect(needStatus(needId)).toBe("open");
  });

  it("edit: a withdrawal from elsewhere cannot slip in and be overwritten", async () => {
    const { needId } = createOpenNeed();
    const v = vettedVendor();
    await submitBid(as(v, "vendor"), needId, plan());
    const bidId = getOwnBid(needId, v.organisationId)!.id;
    interfere("UPDATE bids SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?", Date.now(), bidId);
    expect(await updateBid(as(v, "vendor"), needId, plan(70_000_000))).toEqual({ ok: true });
    expectShutOut();
    expect(getOwnBid(needId, v.organisationId)).toMatchObject({ status: "submitted", total: 70_000_000 });
  });

  it("withdraw: an early close from elsewhere cannot slip in", async () => {
    const { needId } = createOpenNeed();
    const v = vettedVendor();
    await submitBid(as(v, "vendor"), needId, plan());
    interfere("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?", Date.now(), needId);
    expect(await withdrawBid(as(v, "vendor"), needId)).toEqual({ ok: true });
    expectShutOut();
    expect(needStatus(needId)).toBe("open");
  });

  it("shortlist and award: an award from elsewhere cannot slip in", async () => {
    const { needId, owner } = createOpenNeed();
    const [a, b] = [vettedVendor(), vettedVendor()];
    await submitBid(as(a, "vendor"), needId, plan(90_000_000));
    await submitBid(as(b, "vendor"), needId, plan(80_000_000));
    const [bidA, bidB] = [getOwnBid(needId, a.organisationId)!, getOwnBid(needId, b.organisationId)!];
    closeBidding(needId);
    interfere("UPDATE bids SET status = 'awarded' WHERE id = ?", bidB.id);
    expect(setShortlisted(as(owner, "sme"), needId, bidA.id, true)).toEqual({ ok: true });
    expectShutOut();
    interfere("UPDATE needs SET status = 'awarded' WHERE id = ?", needId);
    expect(await awardBid(as(owner, "sme"), needId, bidA.id)).toMatchObject({ ok: true });
    expectShutOut();
    expect(row("SELECT count(*) AS n FROM engagements WHERE need_id = ? AND bid_id = ?", needId, bidA.id)).toEqual({
      n: 1,
    });
    expect(getOwnBid(needId, b.organisationId)!.status).toBe("not_selected");
  });

  it("ask: an early close from elsewhere cannot slip in", async () => {
    const { needId } = createOpenNeed();
    interfere("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?", Date.now(), needId);
    expect(await askQuestion(as(vettedVendor(), "vendor"), needId, "Có cần đào tạo không?")).toEqual({ ok: true });
    expectShutOut();
  });

  it("answer: another answer from elsewhere cannot slip in and be overwritten", async () => {
    const { needId, owner } = createOpenNeed();
    await askQuestion(as(vettedVendor(), "vendor"), needId, "Có cần đào tạo không?");
    const [q] = questionsFor(needId, as(owner, "sme"), true);
    interfere("UPDATE need_questions SET answer = 'Có' WHERE id = ?", q!.id);
    expect(await answerQuestion(as(owner, "sme"), needId, q!.id, "Không, chỉ cài đặt")).toEqual({ ok: true });
    expectShutOut();
    expect(questionsFor(needId, as(owner, "sme"), true)[0]!.answer).toBe("Không, chỉ cài đặt");
  });

  it("invite: an early close from elsewhere cannot slip in", async () => {
    const { needId, owner } = createOpenNeed();
    const v = vettedVendor();
    getSqlite()
      .prepare("INSERT INTO vendor_categories (vendor_id, category) VALUES (?, 'accounting')")
      .run(v.organisationId);
    interfere("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?", Date.now(), needId);
    expect(await inviteVendor(as(owner, "sme"), needId, v.organisationId)).toEqual({ ok: true, created: true });
    expectShutOut();
  });
});
