import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser } from "../../db/test/factories";
import { changeBeforeNextTransaction, rowCount } from "../../db/test/transitions";
import { DAY_MS } from "~/lib/local-date";
import {
  assignIncident,
  getIncidentForStaff,
  listIncidents,
  raiseIncident,
  rateIncidentHandling,
  replyToIncident,
  resolveIncident,
} from "./incidents.server";

type U = { id: string; organisationId: string };
const as = (u: U, role: "sme" | "vendor" | "staff") => ({ id: u.id, organisationId: u.organisationId, role });

/** An engagement with an incident the SME raised through the engagement page's model. */
async function withIncident(now = Date.now()) {
  const eng = createEngagement();
  expect(
    await raiseIncident(
      as(eng.sme, "sme"),
      eng.engagementId,
      { category: "delay", description: "Nhà cung cấp trễ hẹn hai tuần" },
      now,
    ),
  ).toEqual({ ok: true });
  const row = getSqlite()
    .prepare("SELECT id FROM incidents WHERE engagement_id = ? ORDER BY created_at DESC")
    .get(eng.engagementId) as { id: string };
  return { ...eng, incidentId: row.id };
}

const incident = (id: string) =>
  getSqlite().prepare("SELECT * FROM incidents WHERE id = ?").get(id) as {
    status: string;
    assigned_to: string | null;
    resolution: string | null;
    resolved_at: number | null;
    handling_rating: number | null;
  };

const auditRows = (id: string) =>
  getSqlite()
    .prepare(
      "SELECT action, actor_id, details FROM audit_log WHERE subject_type = 'incident' AND subject_id = ? ORDER BY id",
    )
    .all(id) as { action: string; actor_id: string; details: string }[];

const timeline = (engagementId: string) =>
  (
    getSqlite().prepare("SELECT kind FROM engagement_events WHERE engagement_id = ? ORDER BY id").all(engagementId) as {
      kind: string;
    }[]
  ).map((r) => r.kind);

const notifications = (userId: string) =>
  (
    getSqlite().prepare("SELECT kind FROM notifications WHERE user_id = ? ORDER BY created_at").all(userId) as {
      kind: string;
    }[]
  ).map((r) => r.kind);

describe("assigning", () => {
  it("moves an open incident to in progress, on the timeline, in the audit log, and tells both parties", async () => {
    const { incidentId, engagementId, sme, vendor } = await withIncident();
    const staff = createUser({ role: "staff" });
    expect(await assignIncident(staff, incidentId, staff.id, "127.0.0.1")).toEqual({ ok: true });
    expect(incident(incidentId)).toMatchObject({ status: "in_progress", assigned_to: staff.id });
    expect(timeline(engagementId)).toEqual(["incident_raised", "incident_assigned"]);
    const audit = auditRows(incidentId);
    expect(audit.map((a) => a.action)).toEqual(["incident_assigned"]);
    expect(audit[0]!.actor_id).toBe(staff.id);
    expect(notifications(sme.id)).toContain("incident_in_progress");
    expect(notifications(vendor.id)).toContain("incident_in_progress");
  });

  it("re-assigns to a colleague, who is told; refuses the same person twice and anyone not active staff", async () => {
    const { incidentId, sme } = await withIncident();
    const staff = createUser({ role: "staff" });
    const colleague = createUser({ role: "admin" });
    const gone = createUser({ role: "staff", active: false });
    await assignIncident(staff, incidentId, staff.id);
    expect(await assignIncident(staff, incidentId, staff.id)).toEqual({ ok: false, error: "already_assigned" });
    expect(await assignIncident(staff, incidentId, sme.id)).toEqual({ ok: false, error: "bad_assignee" });
    expect(await assignIncident(staff, incidentId, gone.id)).toEqual({ ok: false, error: "bad_assignee" });
    expect(await assignIncident(staff, incidentId, colleague.id)).toEqual({ ok: true });
    expect(incident(incidentId)).toMatchObject({ status: "in_progress", assigned_to: colleague.id });
    expect(notifications(colleague.id)).toEqual(["incident_assigned_staff"]);
    expect(auditRows(incidentId).map((a) => a.action)).toEqual(["incident_assigned", "incident_assigned"]);
  });

  it("answers 404 for an incident that does not exist", async () => {
    const staff = createUser({ role: "staff" });
    await expect(assignIncident(staff, "nope", staff.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("resolving", () => {
  it("requires a resolution note, and writes nothing without one", async () => {
    const { incidentId } = await withIncident();
    const staff = createUser({ role: "staff" });
    await assignIncident(staff, incidentId, staff.id);
    expect(await resolveIncident(staff, incidentId, "   ")).toEqual({ ok: false, error: "note_required" });
    expect(incident(incidentId).status).toBe("in_progress");
    expect(auditRows(incidentId).map((a) => a.action)).toEqual(["incident_assigned"]);
  });

  it("resolves with the note and the time, tells the raiser and the other party", async () => {
    const { incidentId, engagementId, sme, vendor } = await withIncident();
    const staff = createUser({ role: "staff" });
    await assignIncident(staff, incidentId, staff.id);
    const now = Date.now();
    expect(await resolveIncident(staff, incidentId, "Đã gọi hai bên, thống nhất lịch mới.", null, now)).toEqual({
      ok: true,
    });
    expect(incident(incidentId)).toMatchObject({
      status: "resolved",
      resolution: "Đã gọi hai bên, thống nhất lịch mới.",
      resolved_at: now,
    });
    expect(timeline(engagementId)).toEqual(["incident_raised", "incident_assigned", "incident_resolved"]);
    const audit = auditRows(incidentId);
    expect(audit.map((a) => a.action)).toEqual(["incident_assigned", "incident_resolved"]);
    expect(JSON.parse(audit[1]!.details)).toEqual({ resolution: "Đã gọi hai bên, thống nhất lịch mới." });
    expect(notifications(sme.id)).toContain("incident_resolved_raiser");
    expect(notifications(vendor.id)).toContain("incident_resolved_party");
    expect(notifications(vendor.id)).not.toContain("incident_resolved_raiser");
  });

  it("an open incident nobody took is assigned to the resolver first, in the same step", async () => {
    const { incidentId, engagementId } = await withIncident();
    const staff = createUser({ role: "staff" });
    expect(await resolveIncident(staff, incidentId, "Đã xử lý qua điện thoại.")).toEqual({ ok: true });
    expect(incident(incidentId)).toMatchObject({ status: "resolved", assigned_to: staff.id });
    expect(timeline(engagementId)).toEqual(["incident_raised", "incident_assigned", "incident_resolved"]);
    expect(auditRows(incidentId).map((a) => a.action)).toEqual(["incident_assigned", "incident_resolved"]);
    const view = getIncidentForStaff(incidentId);
    expect(view.history.map((h) => h.kind)).toEqual(["incident_raised", "incident_assigned", "incident_resolved"]);
  });

  it("refuses illegal transitions: a resolved incident is neither resolved again nor re-assigned", async () => {
    const { incidentId } = await withIncident();
    const staff = createUser({ role: "staff" });
    await resolveIncident(staff, incidentId, "Xong.");
    expect(await resolveIncident(staff, incidentId, "Lại")).toEqual({ ok: false, error: "illegal_transition" });
    expect(await assignIncident(staff, incidentId, staff.id)).toEqual({ ok: false, error: "illegal_transition" });
    expect(incident(incidentId).resolution).toBe("Xong.");
    expect(auditRows(incidentId).map((a) => a.action)).toEqual(["incident_assigned", "incident_resolved"]);
  });
});

describe("rating the handling", () => {
  it("only the raiser, only once resolved, only once, 1 to 5", async () => {
    const { incidentId, engagementId, sme, vendor } = await withIncident();
    const staff = createUser({ role: "staff" });
    await assignIncident(staff, incidentId, staff.id);
    const smeActor = as(sme, "sme");
    expect(await rateIncidentHandling(smeActor, engagementId, incidentId, 4)).toEqual({
      ok: false,
      error: "not_resolved",
    });
    await resolveIncident(staff, incidentId, "Đã xử lý.");
    expect(await rateIncidentHandling(as(vendor, "vendor"), engagementId, incidentId, 4)).toEqual({
      ok: false,
      error: "not_raiser",
    });
    expect(await rateIncidentHandling(smeActor, engagementId, incidentId, 6)).toEqual({
      ok: false,
      error: "bad_rating",
    });
    expect(await rateIncidentHandling(smeActor, engagementId, incidentId, 4)).toEqual({ ok: true });
    expect(await rateIncidentHandling(smeActor, engagementId, incidentId, 5)).toEqual({
      ok: false,
      error: "already_rated",
    });
    expect(incident(incidentId).handling_rating).toBe(4);
    expect(notifications(staff.id)).toContain("incident_rated_staff");
    expect(getIncidentForStaff(incidentId).handlingRating).toBe(4);
    const rated = auditRows(incidentId).filter((a) => a.action === "incident_rated");
    expect(rated.map((a) => [a.actor_id, JSON.parse(a.details)])).toEqual([[sme.id, { rating: 4 }]]);
  });

  it("answers 404 when the incident is not the engagement's", async () => {
    const { incidentId, sme } = await withIncident();
    const other = createEngagement();
    await expect(rateIncidentHandling(as(sme, "sme"), other.engagementId, incidentId, 3)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("the triage list", () => {
  it("filters by status, category and assignee; open work oldest first", async () => {
    const base = Date.now() - 10 * DAY_MS;
    const older = await withIncident(base);
    const newer = await withIncident(base + DAY_MS);
    const staff = createUser({ role: "staff" });
    const ids = (rows: { id: string }[]) =>
      rows.map((r) => r.id).filter((id) => [older.incidentId, newer.incidentId].includes(id));

    expect(ids(listIncidents({ status: "active", assignee: "anyone" }, staff.id, 1).rows)).toEqual([
      older.incidentId,
      newer.incidentId,
    ]);
    await assignIncident(staff, newer.incidentId, staff.id);
    expect(ids(listIncidents({ status: "active", assignee: "mine" }, staff.id).rows)).toEqual([newer.incidentId]);
    expect(ids(listIncidents({ status: "active", assignee: "unassigned" }, staff.id).rows)).toEqual([older.incidentId]);
    expect(ids(listIncidents({ status: "open", assignee: "anyone" }, staff.id).rows)).toEqual([older.incidentId]);
    expect(ids(listIncidents({ status: "active", category: "payment", assignee: "anyone" }, staff.id).rows)).toEqual(
      [],
    );
    await resolveIncident(staff, older.incidentId, "Xong.");
    expect(ids(listIncidents({ status: "resolved", assignee: "anyone" }, staff.id).rows)).toEqual([older.incidentId]);
    expect(ids(listIncidents({ status: "active", assignee: "anyone" }, staff.id).rows)).toEqual([newer.incidentId]);
    const row = listIncidents({ status: "active", assignee: "mine" }, staff.id).rows[0]!;
    expect(row).toMatchObject({ category: "delay", status: "in_progress", assigneeId: staff.id });
    expect(row.needTitle).toBeTruthy();
    expect(row.smeName).toBeTruthy();
  });

  it("is served by the status index", () => {
    const plan = getSqlite()
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE status IN ('open', 'in_progress') ORDER BY created_at LIMIT 20",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toMatch(/USING INDEX incidents_status_created_idx/);
  });
});

const sideEffects = () => ({
  audit: rowCount("audit_log"),
  notifications: rowCount("notifications"),
  outbox: rowCount("outbox"),
  events: (getSqlite().prepare("SELECT count(*) AS n FROM engagement_events").get() as { n: number }).n,
});

describe("an incident transition when someone else acted first", () => {
  it("refuses an assignment as stale when a colleague took the incident meanwhile, writing nothing", async () => {
    const { incidentId } = await withIncident();
    const staff = createUser({ role: "staff" });
    const colleague = createUser({ role: "staff" });
    const before = sideEffects();
    changeBeforeNextTransaction(
      "UPDATE incidents SET status = 'in_progress', assigned_to = ? WHERE id = ?",
      colleague.id,
      incidentId,
    );
    expect(await assignIncident(staff, incidentId, staff.id)).toEqual({ ok: false, error: "stale" });
    expect(incident(incidentId)).toMatchObject({ status: "in_progress", assigned_to: colleague.id });
    expect(sideEffects()).toEqual(before);
  });

  it.each(["open", "in_progress"] as const)(
    "refuses to resolve an incident (%s) as stale when a colleague resolved it meanwhile, writing nothing",
    async (status) => {
      const { incidentId } = await withIncident();
      const staff = createUser({ role: "staff" });
      if (status === "in_progress") await assignIncident(staff, incidentId, staff.id);
      const before = sideEffects();
      changeBeforeNextTransaction(
        "UPDATE incidents SET status = 'resolved', resolution = 'Đã xong', resolved_at = 1 WHERE id = ?",
        incidentId,
      );
      expect(await resolveIncident(staff, incidentId, "Tôi cũng xử lý")).toEqual({ ok: false, error: "stale" });
      expect(incident(incidentId).resolution).toBe("Đã xong");
      expect(sideEffects()).toEqual(before);
    },
  );

  it("refuses a rating as stale when the raiser rated in another tab meanwhile, writing nothing", async () => {
    const { incidentId, engagementId, sme } = await withIncident();
    const staff = createUser({ role: "staff" });
    await resolveIncident(staff, incidentId, "Đã xử lý.");
    const before = sideEffects();
    changeBeforeNextTransaction("UPDATE incidents SET handling_rating = 2 WHERE id = ?", incidentId);
    expect(await rateIncidentHandling(as(sme, "sme"), engagementId, incidentId, 5)).toEqual({
      ok: false,
      error: "stale",
    });
    expect(incident(incidentId).handling_rating).toBe(2);
    expect(sideEffects()).toEqual(before);
  });
});

describe("who may handle incidents", () => {
  it("refuses an SME or a vendor assigning or resolving (403), writing nothing", async () => {
    const { incidentId, sme, vendor } = await withIncident();
    const before = sideEffects();
    for (const outsider of [as(sme, "sme"), as(vendor, "vendor")]) {
      await expect(assignIncident(outsider, incidentId, outsider.id)).rejects.toMatchObject({ status: 403 });
      await expect(resolveIncident(outsider, incidentId, "Tự xử lý")).rejects.toMatchObject({ status: 403 });
    }
    expect(incident(incidentId).status).toBe("open");
    expect(sideEffects()).toEqual(before);
  });
});

describe("answering an incident", () => {
  it("lets the vendor answer an incident the SME raised: timeline, audit, the SME and every staff member told", async () => {
    const { incidentId, engagementId, sme, vendor } = await withIncident();
    const staff = createUser({ role: "staff" });
    expect(
      await replyToIncident(
        as(vendor, "vendor"),
        engagementId,
        incidentId,
        "  Chúng tôi sẽ bàn giao trong tuần này.  ",
      ),
    ).toEqual({ ok: true });
    expect(timeline(engagementId)).toEqual(["incident_raised", "incident_replied"]);
    const event = getSqlite()
      .prepare(
        "SELECT body, params, actor_id FROM engagement_events WHERE engagement_id = ? AND kind = 'incident_replied'",
      )
      .get(engagementId) as { body: string; params: string; actor_id: string };
    expect(event.body).toBe("Chúng tôi sẽ bàn giao trong tuần này.");
    expect(JSON.parse(event.params)).toMatchObject({ incident: incidentId, category: "delay" });
    expect(event.actor_id).toBe(vendor.id);
    expect(auditRows(incidentId).map((a) => a.action)).toEqual(["incident_replied"]);
    expect(notifications(sme.id)).toContain("incident_replied_party");
    expect(notifications(staff.id)).toContain("incident_replied_staff");
    expect(notifications(vendor.id)).not.toContain("incident_replied_party");
    // Staff read the answer in the incident's history.
    const history = getIncidentForStaff(incidentId).history;
    expect(history.map((h) => h.kind)).toEqual(["incident_raised", "incident_replied"]);
    expect(history[1]!.body).toBe("Chúng tôi sẽ bàn giao trong tuần này.");
  });

  it("tells only the staff member handling it once the incident is assigned", async () => {
    const { incidentId, engagementId, vendor } = await withIncident();
    const handler = createUser({ role: "staff" });
    const colleague = createUser({ role: "staff" });
    expect(await assignIncident(handler, incidentId, handler.id)).toEqual({ ok: true });
    expect(await replyToIncident(as(vendor, "vendor"), engagementId, incidentId, "Đã khắc phục")).toEqual({ ok: true });
    expect(notifications(handler.id)).toContain("incident_replied_staff");
    expect(notifications(colleague.id)).not.toContain("incident_replied_staff");
  });

  it("refuses the raiser's own side, staff, an empty answer and a resolved incident, writing nothing", async () => {
    const { incidentId, engagementId, sme, vendor } = await withIncident();
    const staff = createUser({ role: "staff" });
    expect(await replyToIncident(as(sme, "sme"), engagementId, incidentId, "x")).toEqual({
      ok: false,
      error: "wrong_side",
    });
    expect(await replyToIncident(as(staff, "staff"), engagementId, incidentId, "x")).toEqual({
      ok: false,
      error: "wrong_side",
    });
    expect(await replyToIncident(as(vendor, "vendor"), engagementId, incidentId, "   ")).toEqual({
      ok: false,
      error: "note_required",
    });
    expect(await resolveIncident(staff, incidentId, "Đã thống nhất lịch mới")).toEqual({ ok: true });
    expect(await replyToIncident(as(vendor, "vendor"), engagementId, incidentId, "muộn")).toEqual({
      ok: false,
      error: "illegal_transition",
    });
    expect(timeline(engagementId)).not.toContain("incident_replied");
  });

  it("hides the incident from a stranger (404)", async () => {
    const { incidentId, engagementId } = await withIncident();
    const stranger = createUser({ role: "vendor" });
    await expect(replyToIncident(as(stranger, "vendor"), engagementId, incidentId, "x")).rejects.toBeInstanceOf(
      Response,
    );
  });
});
