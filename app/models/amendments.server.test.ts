import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { DAY_MS } from "~/lib/local-date";
import { createEngagement, createUser } from "../../db/test/factories";
import { decideAmendment, proposeAmendment } from "./amendments.server";
import { as, otherConnection, sideEffects } from "./engagement-test-kit";

const proposedId = (engagementId: string) =>
  (
    getSqlite()
      .prepare("SELECT id FROM amendments WHERE engagement_id = ? AND status = 'proposed'")
      .get(engagementId) as {
      id: string;
    }
  ).id;

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
    const id = () => proposedId(engagementId);
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

    const due = Date.now() + 90 * DAY_MS;
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

  it("a proposal on a milestone accepted meanwhile answers stale and leaves no trace", async () => {
    const { engagementId, sme, milestoneIds } = createEngagement();
    const m1 = milestoneIds[0]!;
    otherConnection().prepare("UPDATE engagement_milestones SET status = 'accepted' WHERE id = ?").run(m1);
    const before = sideEffects(engagementId);
    expect(
      await proposeAmendment(as(sme, "sme"), engagementId, {
        kind: "due_date",
        milestoneId: m1,
        newDueAt: Date.now() + 30 * DAY_MS,
        reason: "Lùi lịch",
      }),
    ).toEqual({ ok: false, error: "stale" });
    expect(sideEffects(engagementId)).toEqual(before);
    expect(
      getSqlite().prepare("SELECT count(*) AS n FROM amendments WHERE engagement_id = ?").get(engagementId),
    ).toEqual({ n: 0 });
  });

  it("a decision on a proposal someone already decided answers stale and changes nothing", async () => {
    const { engagementId, sme, vendor, milestoneIds } = createEngagement();
    const m1 = milestoneIds[0]!;
    await proposeAmendment(as(vendor, "vendor"), engagementId, {
      kind: "amount",
      milestoneId: m1,
      newAmount: 70_000_000,
      reason: "Thêm",
    });
    const id = proposedId(engagementId);
    otherConnection().prepare("UPDATE amendments SET status = 'declined' WHERE id = ?").run(id);
    const before = sideEffects(engagementId);
    expect(await decideAmendment(as(sme, "sme"), engagementId, id, true)).toEqual({ ok: false, error: "stale" });
    expect(sideEffects(engagementId)).toEqual(before);
    expect(getSqlite().prepare("SELECT amount FROM engagement_milestones WHERE id = ?").get(m1)).toEqual({
      amount: 50_000_000,
    });
    expect(getSqlite().prepare("SELECT total FROM engagements WHERE id = ?").get(engagementId)).toEqual({
      total: 100_000_000,
    });
  });

  it("strangers get a 404 from proposing and deciding, and change nothing", async () => {
    const { engagementId, vendor, milestoneIds } = createEngagement();
    await proposeAmendment(as(vendor, "vendor"), engagementId, {
      kind: "amount",
      milestoneId: milestoneIds[0]!,
      newAmount: 70_000_000,
      reason: "Thêm",
    });
    const id = proposedId(engagementId);
    const before = sideEffects(engagementId);
    for (const stranger of [as(createUser({ role: "sme" }), "sme"), as(createUser({ role: "vendor" }), "vendor")]) {
      const proposal = await proposeAmendment(stranger, engagementId, {
        kind: "new_milestone",
        newTitle: "X",
        newAmount: 1_000_000,
        newDueAt: Date.now() + DAY_MS,
        reason: "X",
      }).catch((e) => e);
      expect((proposal as Response).status).toBe(404);
      const decision = await decideAmendment(stranger, engagementId, id, true).catch((e) => e);
      expect((decision as Response).status).toBe(404);
    }
    expect(sideEffects(engagementId)).toEqual(before);
    expect(getSqlite().prepare("SELECT status FROM amendments WHERE id = ?").get(id)).toEqual({ status: "proposed" });
  });
});
