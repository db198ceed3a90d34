import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { changeBeforeNextTransaction, rowCount, thrownBy } from "../../db/test/transitions";
import { DAY_MS } from "~/lib/local-date";
import { actOnFlag } from "./flag-queue.server";
import { reevaluate } from "./flags.server";

function overdue(engagementId: string, days: number) {
  getSqlite()
    .prepare("UPDATE engagement_milestones SET due_at = ? WHERE engagement_id = ? AND position = 0")
    .run(Date.now() - days * DAY_MS, engagementId);
}

/** An open MILESTONE_OVERDUE flag on a new engagement. */
async function openFlag(days = 10) {
  const { engagementId } = createEngagement();
  overdue(engagementId, days);
  await reevaluate({ engagementId });
  return (getSqlite().prepare("SELECT id FROM flags WHERE engagement_id = ?").get(engagementId) as { id: string }).id;
}

const flagRow = (id: string) =>
  getSqlite().prepare("SELECT status, assigned_to AS assignedTo FROM flags WHERE id = ?").get(id) as {
    status: string;
    assignedTo: string | null;
  };

const sideEffects = () => ({ audit: rowCount("audit_log"), events: rowCount("flag_events") });

describe("staff actions on a flag", () => {
  it("write the flag's history and the audit log in one go, and an admin may act as staff", async () => {
    const id = await openFlag();
    const admin = createUser({ role: "admin" });
    const colleague = createUser({ role: "staff" });
    expect(actOnFlag(admin, id, "acknowledge", { assigneeId: colleague.id }, "ip")).toEqual({ ok: true });
    expect(flagRow(id)).toEqual({ status: "acknowledged", assignedTo: colleague.id });
    expect(actOnFlag(colleague, id, "dismiss", { note: "Đã có lịch bàn giao mới" }, "ip")).toEqual({ ok: true });
    const audited = getSqlite()
      .prepare("SELECT action FROM audit_log WHERE subject_type = 'flag' AND subject_id = ? ORDER BY id")
      .all(id)
      .map((r) => (r as { action: string }).action);
    expect(audited).toEqual(["flag_acknowledged", "flag_dismissed"]);
  });

  it("refuses to assign a flag to someone who is not active staff", async () => {
    const id = await openFlag();
    const staff = createUser({ role: "staff" });
    const sme = createUser({ role: "sme" });
    const before = sideEffects();
    expect(actOnFlag(staff, id, "acknowledge", { assigneeId: sme.id }, "ip")).toEqual({
      ok: false,
      error: "not_staff",
    });
    expect(sideEffects()).toEqual(before);
  });

  it("refuses an acknowledgement as stale when a colleague took the flag first, writing nothing", async () => {
    const id = await openFlag();
    const staff = createUser({ role: "staff" });
    const colleague = createUser({ role: "staff" });
    const before = sideEffects();
    changeBeforeNextTransaction(
      "UPDATE flags SET status = 'acknowledged', assigned_to = ? WHERE id = ?",
      colleague.id,
      id,
    );
    expect(actOnFlag(staff, id, "acknowledge", {}, "ip")).toEqual({ ok: false, error: "stale" });
    expect(flagRow(id)).toEqual({ status: "acknowledged", assignedTo: colleague.id });
    expect(sideEffects()).toEqual(before);
  });

  it.each(["resolve", "dismiss"] as const)(
    "refuses to %s as stale when a colleague closed the flag first, writing nothing",
    async (action) => {
      const id = await openFlag();
      const staff = createUser({ role: "staff" });
      expect(actOnFlag(staff, id, "acknowledge", {}, "ip")).toEqual({ ok: true });
      const before = sideEffects();
      changeBeforeNextTransaction("UPDATE flags SET status = 'dismissed', resolved_at = 1 WHERE id = ?", id);
      expect(actOnFlag(staff, id, action, { note: "Đã xử lý" }, "ip")).toEqual({ ok: false, error: "stale" });
      expect(flagRow(id).status).toBe("dismissed");
      expect(sideEffects()).toEqual(before);
    },
  );

  it("refuses an SME or a vendor (403), writing nothing", async () => {
    const id = await openFlag();
    const before = sideEffects();
    for (const role of ["sme", "vendor"] as const) {
      expect(thrownBy(() => actOnFlag(createUser({ role }), id, "acknowledge", {}, "ip"))).toMatchObject({
        status: 403,
      });
    }
    expect(flagRow(id).status).toBe("open");
    expect(sideEffects()).toEqual(before);
  });

  it("alerts active staff about a new high flag in the engine's own transaction", async () => {
    const staff = createUser({ role: "staff" });
    await openFlag(40);
    const kinds = getSqlite()
      .prepare("SELECT kind FROM notifications WHERE user_id = ?")
      .all(staff.id)
      .map((r) => (r as { kind: string }).kind);
    expect(kinds).toContain("flag_high");
  });
});
