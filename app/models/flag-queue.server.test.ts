import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { changeBeforeNextTransaction, rowCount, thrownBy } from "../../db/test/transitions";
import { DAY_MS } from "~/lib/local-date";
import { actOnFlag, listFlags, type FlagFilters } from "./flag-queue.server";
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

describe("the flags list", () => {
  it("shows, for every combination of filters, the flags a plain reading of the table gives, in its order", async () => {
    const staff = createUser({ role: "staff" });
    const colleague = createUser({ role: "staff" });
    const ids = [await openFlag(10), await openFlag(31), await openFlag(12), await openFlag(40), await openFlag(11)];
    expect(actOnFlag(staff, ids[0]!, "acknowledge", {}, "ip")).toEqual({ ok: true });
    expect(actOnFlag(staff, ids[1]!, "acknowledge", { assigneeId: colleague.id }, "ip")).toEqual({ ok: true });
    expect(actOnFlag(colleague, ids[1]!, "resolve", { note: "Đã bàn giao" }, "ip")).toEqual({ ok: true });
    type Row = {
      id: string;
      status: string;
      severity: string;
      code: string;
      sector: string | null;
      vendorId: string | null;
      assignedTo: string | null;
      raisedAt: number;
    };
    const all = getSqlite()
      .prepare(
        "SELECT id, status, severity, code, sector, vendor_id AS vendorId, assigned_to AS assignedTo, raised_at AS raisedAt FROM flags",
      )
      .all() as Row[];
    const rank = (s: string) => (s === "high" ? 0 : s === "medium" ? 1 : 2);
    const someVendor = all.find((f) => f.vendorId)!.vendorId!;
    const someSector = (all.find((f) => f.sector)?.sector ?? undefined) as FlagFilters["sector"];
    const cases: { filters: FlagFilters; keep: (f: Row) => boolean }[] = [
      { filters: { status: "active" }, keep: (f) => f.status === "open" || f.status === "acknowledged" },
      { filters: { status: "resolved" }, keep: (f) => f.status === "resolved" },
      { filters: { status: "open", severity: "high" }, keep: (f) => f.status === "open" && f.severity === "high" },
      {
        filters: { status: "active", code: "MILESTONE_OVERDUE" },
        keep: (f) => f.status !== "resolved" && f.status !== "dismissed" && f.code === "MILESTONE_OVERDUE",
      },
      {
        filters: { status: "active", assignee: "me" },
        keep: (f) => f.status === "acknowledged" && f.assignedTo === staff.id,
      },
      {
        filters: { status: "active", assignee: "unassigned" },
        keep: (f) => (f.status === "open" || f.status === "acknowledged") && f.assignedTo === null,
      },
      {
        filters: { status: "resolved", assignee: colleague.id },
        keep: (f) => f.status === "resolved" && f.assignedTo === colleague.id,
      },
      {
        filters: { status: "active", vendorId: someVendor },
        keep: (f) => (f.status === "open" || f.status === "acknowledged") && f.vendorId === someVendor,
      },
      {
        filters: { status: "active", sector: someSector },
        keep: (f) => (f.status === "open" || f.status === "acknowledged") && (!someSector || f.sector === someSector),
      },
    ];
    // Twice: the second time from the statements prepared the first time, with other values.
    for (const round of [1, 2]) {
      for (const { filters, keep } of cases) {
        const expected = all
          .filter(keep)
          .sort((a, b) => rank(a.severity) - rank(b.severity) || a.raisedAt - b.raisedAt || (a.id < b.id ? -1 : 1))
          .map((f) => f.id);
        const list = listFlags(filters, staff.id, 1);
        expect({ round, filters, ids: list.rows.map((r) => r.id) }).toEqual({
          round,
          filters,
          ids: expected.slice(0, 20),
        });
        expect(list.total).toBe(expected.length);
      }
    }
    expect(all.filter((f) => f.status === "acknowledged" && f.assignedTo === staff.id)).toHaveLength(1);
    expect(listFlags({ status: "resolved" }, staff.id, 2).rows).toEqual([]);
  });
});
