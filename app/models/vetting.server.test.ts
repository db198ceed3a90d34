import { describe, expect, it } from "vitest";
import { DAY_MS } from "~/lib/local-date";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { changeBeforeNextTransaction, rowCount, thrownBy } from "../../db/test/transitions";
import { completeDossier, fullChecklist, session, submittedVendor, vettedVendor } from "../../db/test/vendors";
import { addReference, getDossier } from "./dossier.server";
import { decide, declareConflict, submitDossier, type StaffDecision } from "./vetting.server";

describe("vendor dossier and vetting", () => {
  it("refuses an incomplete dossier, naming every missing part", async () => {
    const vendor = createUser({ role: "vendor" });
    const result = await submitDossier(session(vendor, "vendor"), "127.0.0.1");
    expect(result).toMatchObject({ ok: false, error: "incomplete" });
    expect(result.ok === false && result.error === "incomplete" && result.missing).toEqual([
      "description",
      "yearFounded",
      "address",
      "website",
      "teamSize",
      "contact",
      "categories",
      "sectors",
      "references",
      "packages",
    ]);
  });

  it("goes draft → submitted → changes requested → submitted → vetted, locking edits while submitted", async () => {
    const vendor = createUser({ role: "vendor" });
    const staff = createUser({ role: "staff" });
    completeDossier(vendor.organisationId);
    expect(await submitDossier(session(vendor, "vendor"), "ip")).toEqual({ ok: true });
    expect(getDossier(vendor.organisationId).editable).toBe(false);
    expect(
      addReference(vendor.organisationId, { clientName: "X", contactName: "Y", contactPhone: "0909", project: "Z" }),
    ).toEqual({
      ok: false,
      error: "not_editable",
    });
    expect(
      await decide(session(staff, "staff"), vendor.organisationId, "request_changes", { note: " " }, "ip"),
    ).toEqual({
      ok: false,
      error: "note_required",
    });
    expect(
      await decide(
        session(staff, "staff"),
        vendor.organisationId,
        "request_changes",
        { note: "Thiếu chứng chỉ" },
        "ip",
      ),
    ).toEqual({ ok: true });
    expect(getDossier(vendor.organisationId).editable).toBe(true);
    expect(await submitDossier(session(vendor, "vendor"), "ip")).toEqual({ ok: true });
    const partial = { ...fullChecklist, references: { checked: false, note: "" } };
    expect(
      await decide(session(staff, "staff"), vendor.organisationId, "approve", { checklist: partial }, "ip"),
    ).toEqual({
      ok: false,
      error: "checklist_incomplete",
    });
    expect(
      await decide(session(staff, "staff"), vendor.organisationId, "approve", { checklist: fullChecklist }, "ip"),
    ).toEqual({
      ok: true,
    });
    const dossier = getDossier(vendor.organisationId);
    expect(dossier.effectiveStatus).toBe("vetted");
    expect(dossier.vettingExpiresAt! - dossier.vettedAt!).toBeGreaterThanOrEqual(365 * DAY_MS);

    const notified = getSqlite()
      .prepare("SELECT kind FROM notifications WHERE user_id = ? ORDER BY created_at")
      .all(vendor.id)
      .map((r) => (r as { kind: string }).kind);
    expect(notified).toEqual(["vetting_changes_requested", "vetting_approved"]);
    const audited = getSqlite()
      .prepare("SELECT action FROM audit_log WHERE subject_id = ? AND actor_id = ? ORDER BY id")
      .all(vendor.organisationId, staff.id)
      .map((r) => (r as { action: string }).action);
    expect(audited).toEqual(["vendor_changes_requested", "vendor_approved"]);
  });

  it("refuses illegal transitions in the model", async () => {
    const vendor = createUser({ role: "vendor" });
    const staff = createUser({ role: "staff" });
    expect(
      await decide(session(staff, "staff"), vendor.organisationId, "approve", { checklist: fullChecklist }, "ip"),
    ).toMatchObject({
      ok: false,
      error: "illegal_transition",
      from: "draft",
    });
    expect(await decide(session(staff, "staff"), vendor.organisationId, "suspend", { note: "x" }, "ip")).toMatchObject({
      ok: false,
      error: "illegal_transition",
    });
    const { vendor: vetted } = await vettedVendor();
    expect(await submitDossier(session(vetted, "vendor"), "ip")).toMatchObject({
      ok: false,
      error: "illegal_transition",
    });
  });

  it("does not let a staff member with a declared conflict decide", async () => {
    const vendor = createUser({ role: "vendor" });
    const staff = createUser({ role: "staff" });
    const colleague = createUser({ role: "staff" });
    completeDossier(vendor.organisationId);
    await submitDossier(session(vendor, "vendor"), "ip");
    declareConflict(session(staff, "staff"), vendor.organisationId, "Người thân làm việc tại đây", "ip");
    expect(await decide(session(staff, "staff"), vendor.organisationId, "reject", { note: "x" }, "ip")).toEqual({
      ok: false,
      error: "conflict_of_interest",
    });
    expect(
      await decide(session(colleague, "staff"), vendor.organisationId, "reject", { note: "Không đạt" }, "ip"),
    ).toEqual({
      ok: true,
    });
  });
});

/** What a transition writes besides its row: none of it may exist when it was refused. */
const sideEffects = () => ({
  audit: rowCount("audit_log"),
  notifications: rowCount("notifications"),
  outbox: rowCount("outbox"),
  events: rowCount("vetting_events"),
});

const statusOf = (vendorId: string) =>
  (getSqlite().prepare("SELECT vendor_status AS s FROM organisations WHERE id = ?").get(vendorId) as { s: string }).s;

describe("a vetting transition when someone else changed the vendor first", () => {
  it("refuses a submission as stale when the dossier was submitted meanwhile (another tab), writing nothing", async () => {
    const vendor = createUser({ role: "vendor" });
    completeDossier(vendor.organisationId);
    const before = sideEffects();
    changeBeforeNextTransaction(
      "UPDATE organisations SET vendor_status = 'submitted' WHERE id = ?",
      vendor.organisationId,
    );
    expect(await submitDossier(session(vendor, "vendor"), "ip")).toEqual({ ok: false, error: "stale" });
    expect(sideEffects()).toEqual(before);
  });

  it("refuses a re-submission after expiry as stale when the vetting was renewed meanwhile", async () => {
    const { vendor } = await vettedVendor();
    const later = Date.now() + 400 * DAY_MS;
    expect(getDossier(vendor.organisationId, later).effectiveStatus).toBe("expired");
    const before = sideEffects();
    changeBeforeNextTransaction(
      "UPDATE vendor_profiles SET vetting_expires_at = ? WHERE organisation_id = ?",
      later + 300 * DAY_MS,
      vendor.organisationId,
    );
    expect(await submitDossier(session(vendor, "vendor"), "ip", later)).toEqual({ ok: false, error: "stale" });
    expect(sideEffects()).toEqual(before);
    expect(statusOf(vendor.organisationId)).toBe("vetted");
  });

  const decisions: { decision: StaffDecision; from: "submitted" | "vetted" | "suspended"; other: string }[] = [
    { decision: "approve", from: "submitted", other: "rejected" },
    { decision: "request_changes", from: "submitted", other: "vetted" },
    { decision: "reject", from: "submitted", other: "changes_requested" },
    { decision: "suspend", from: "vetted", other: "suspended" },
    { decision: "reinstate", from: "suspended", other: "vetted" },
  ];

  it.each(decisions)(
    "refuses $decision as stale when a colleague moved the vendor to $other first, writing no event, audit or notice",
    async ({ decision, from, other }) => {
      const { vendor } = await vettedVendor();
      const vendorId = vendor.organisationId;
      getSqlite().prepare("UPDATE organisations SET vendor_status = ? WHERE id = ?").run(from, vendorId);
      const staff = createUser({ role: "staff" });
      const before = sideEffects();
      changeBeforeNextTransaction("UPDATE organisations SET vendor_status = ? WHERE id = ?", other, vendorId);
      const input = { note: "Theo hồ sơ", checklist: fullChecklist };
      expect(await decide(session(staff, "staff"), vendorId, decision, input, "ip")).toEqual({
        ok: false,
        error: "stale",
      });
      expect(sideEffects()).toEqual(before);
      expect(statusOf(vendorId)).toBe(other);
    },
  );
});

describe("who may vet", () => {
  it("refuses a vendor or an SME deciding or declaring a conflict (403), writing nothing", async () => {
    const vendor = await submittedVendor();
    const before = sideEffects();
    for (const role of ["vendor", "sme"] as const) {
      const outsider = session(createUser({ role }), role);
      await expect(
        decide(outsider, vendor.organisationId, "approve", { checklist: fullChecklist }, "ip"),
      ).rejects.toMatchObject({ status: 403 });
      expect(thrownBy(() => declareConflict(outsider, vendor.organisationId, "x", "ip"))).toMatchObject({
        status: 403,
      });
    }
    expect(statusOf(vendor.organisationId)).toBe("submitted");
    expect(sideEffects()).toEqual(before);
  });

  it("lets an admin decide as staff do", async () => {
    const vendor = await submittedVendor();
    const admin = createUser({ role: "admin" });
    expect(
      await decide(session(admin, "admin"), vendor.organisationId, "approve", { checklist: fullChecklist }, "ip"),
    ).toEqual({ ok: true });
  });

  it("refuses a staff member submitting a dossier (only its vendor may)", async () => {
    const staff = createUser({ role: "staff" });
    await expect(submitDossier(session(staff, "staff"), "ip")).rejects.toMatchObject({ status: 403 });
  });
});
