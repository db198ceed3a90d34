import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { as, otherConnection, sideEffects } from "./engagement-test-kit";
import { engagementView } from "./engagement-view.server";
import { listBidsOfVendor, listEngagementsForOrganisation, sideOf, terminateEngagement } from "./engagements.server";
import { getOrganisation } from "./users.server";

const status = (id: string) =>
  (getSqlite().prepare("SELECT status FROM engagements WHERE id = ?").get(id) as { status: string }).status;
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
};

describe("sideOf: the one ownership rule", () => {
  it("gives each party its side, staff and admins oversight, and anyone else a 404", () => {
    const { engagementId, sme, vendor } = createEngagement();
    const e = { smeId: sme.organisationId, vendorId: vendor.organisationId };
    expect(sideOf(e, as(sme, "sme"))).toBe("sme");
    expect(sideOf(e, as(vendor, "vendor"))).toBe("vendor");
    expect(sideOf(e, as(createUser({ role: "staff" }), "staff"))).toBe("staff");
    expect(sideOf(e, as(createUser({ role: "admin" }), "admin"))).toBe("staff");
    // The organisation alone is not enough: the role must be that party's.
    expect((thrown(() => sideOf(e, as(sme, "vendor"))) as Response).status).toBe(404);
    for (const stranger of [as(createUser({ role: "sme" }), "sme"), as(createUser({ role: "vendor" }), "vendor")]) {
      expect((thrown(() => sideOf(e, stranger)) as Response).status).toBe(404);
      expect((thrown(() => engagementView(engagementId, stranger)) as Response).status).toBe(404);
    }
  });
});

describe("termination", () => {
  it("staff end an active engagement: the timeline, the audit entry and both parties told, together", async () => {
    const { engagementId, sme, vendor } = createEngagement();
    const staff = createUser({ role: "staff" });
    expect(await terminateEngagement(as(sme, "sme"), engagementId, "x", "127.0.0.1")).toEqual({
      ok: false,
      error: "wrong_side",
    });
    expect(await terminateEngagement(as(staff, "staff"), engagementId, "Vi phạm hợp đồng", "127.0.0.1")).toEqual({
      ok: true,
    });
    expect(status(engagementId)).toBe("terminated");
    expect(
      getSqlite()
        .prepare("SELECT action, actor_id AS actorId, ip FROM audit_log WHERE subject_id = ?")
        .all(engagementId),
    ).toEqual([{ action: "engagement_terminated", actorId: staff.id, ip: "127.0.0.1" }]);
    for (const party of [sme, vendor]) {
      expect(getSqlite().prepare("SELECT kind FROM notifications WHERE user_id = ?").all(party.id)).toEqual([
        { kind: "engagement_terminated" },
      ]);
    }
  });

  it("an engagement completed meanwhile answers stale: no audit entry, no notification", async () => {
    const { engagementId } = createEngagement();
    const staff = createUser({ role: "staff" });
    otherConnection()
      .prepare("UPDATE engagements SET status = 'completed', completed_at = ? WHERE id = ?")
      .run(Date.now(), engagementId);
    const before = sideEffects(engagementId);
    expect(await terminateEngagement(as(staff, "staff"), engagementId, "Quá hạn", "127.0.0.1")).toEqual({
      ok: false,
      error: "stale",
    });
    expect(sideEffects(engagementId)).toEqual({ ...before, audit: 0, notifications: 0 });
    expect(status(engagementId)).toBe("completed");
  });

  it("a transition that fails after writing its audit entry rolls the entry back with everything else", async () => {
    const { engagementId } = createEngagement();
    const staff = createUser({ role: "staff" });
    // The notifications, written after the audit entry, fail (as a full disk or a broken row would).
    getSqlite().exec(`CREATE TEMP TRIGGER refuse_notifications BEFORE INSERT ON notifications
      BEGIN SELECT RAISE(ABORT, 'notifications refused'); END`);
    try {
      const before = sideEffects(engagementId);
      await expect(terminateEngagement(as(staff, "staff"), engagementId, "Vi phạm", "127.0.0.1")).rejects.toThrow(
        "notifications refused",
      );
      expect(sideEffects(engagementId)).toEqual(before);
      expect(before.audit).toBe(0);
      expect(status(engagementId)).toBe("active");
    } finally {
      getSqlite().exec("DROP TRIGGER refuse_notifications");
    }
  });
});

describe("an organisation's engagements and a vendor's bids, for its home", () => {
  it("lists each organisation's own, as either party, newest first, one organisation after another", () => {
    const a = createEngagement({ total: 10_000_000 });
    const b = createEngagement({ total: 20_000_000 });
    const row = (id: string) =>
      getSqlite().prepare("SELECT sme_id AS sme, vendor_id AS vendor FROM engagements WHERE id = ?").get(id) as {
        sme: string;
        vendor: string;
      };
    const [ra, rb] = [row(a.engagementId), row(b.engagementId)];
    // The second engagement's SME is also the first's vendor's client: two engagements for it.
    getSqlite()
      .prepare("UPDATE engagements SET sme_id = ?, awarded_at = awarded_at + 1000 WHERE id = ?")
      .run(ra.sme, b.engagementId);
    expect(listEngagementsForOrganisation(ra.sme).rows.map((r) => r.id)).toEqual([b.engagementId, a.engagementId]);
    expect(listEngagementsForOrganisation(ra.sme)).toMatchObject({ total: 2, pageCount: 1 });
    expect(listEngagementsForOrganisation(ra.vendor).rows.map((r) => r.id)).toEqual([a.engagementId]);
    expect(listEngagementsForOrganisation(rb.vendor).rows).toMatchObject([{ id: b.engagementId, total: 20_000_000 }]);
    expect(listEngagementsForOrganisation(rb.sme)).toMatchObject({ rows: [], total: 0 });
    expect(listEngagementsForOrganisation(ra.sme, 2).rows).toEqual([]);
    expect(listBidsOfVendor(ra.vendor).map((r) => r.status)).toEqual(["awarded"]);
    expect(listBidsOfVendor(rb.vendor, 0)).toEqual([]);
    expect(getOrganisation(rb.vendor)?.id).toBe(rb.vendor);
    expect(getOrganisation("nobody")).toBeUndefined();
  });
});
