import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import type { SessionUser } from "~/utils/auth.server";
import {
  addReference,
  decide,
  declareConflict,
  getDossier,
  getPublicProfile,
  listDirectory,
  saveCompany,
  savePackage,
  submitDossier,
} from "./vendors.server";
import { CHECKLIST_ITEMS, type Checklist } from "~/lib/vendor-options";

const DAY = 86_400_000;

function session(u: { id: string; email: string; organisationId: string }, role: SessionUser["role"]): SessionUser {
  return { ...u, name: "Test", role, lang: "vi", mustChangePassword: false };
}

const fullChecklist = Object.fromEntries(CHECKLIST_ITEMS.map((i) => [i, { checked: true, note: "ok" }])) as Checklist;

function completeDossier(vendorId: string, name = "Phần mềm Kế Toán Đồng Tâm") {
  getSqlite().prepare("UPDATE organisations SET legal_name = ? WHERE id = ?").run(`Công ty ${name}`, vendorId);
  expect(
    saveCompany(vendorId, {
      description: "Chúng tôi cung cấp phần mềm kế toán và hóa đơn điện tử cho doanh nghiệp nhỏ.",
      yearFounded: 2014,
      website: "https://dongtam.example.vn",
      teamSize: 30,
      street: "25 Nguyễn Huệ",
      ward: "Phường Sài Gòn",
      city: "TP. Hồ Chí Minh",
      contactName: "Lê Văn Đạt",
      contactEmail: "dat@dongtam.example.vn",
      contactPhone: "0909000111",
      categories: ["accounting", "e_invoice"],
      sectors: ["retail_trade"],
      certifications: ["ISO 9001"],
    }),
  ).toEqual({ ok: true });
  for (const client of ["Công ty A", "Công ty B"]) {
    addReference(vendorId, {
      clientName: client,
      contactName: "Chị Hoa",
      contactPhone: "0909111222",
      project: "Kế toán",
    });
  }
  savePackage(vendorId, null, {
    name: "Gói kế toán khởi nghiệp",
    category: "accounting",
    priceFrom: 5_000_000,
    priceTo: 12_000_000,
    unit: "per_year",
    included: "Phần mềm, đào tạo 2 buổi",
  });
}

async function vettedVendor(name?: string) {
  const vendor = createUser({ role: "vendor" });
  const staff = createUser({ role: "staff" });
  completeDossier(vendor.organisationId, name);
  expect(await submitDossier(session(vendor, "vendor"), "127.0.0.1")).toEqual({ ok: true });
  expect(
    await decide(session(staff, "staff"), vendor.organisationId, "approve", { checklist: fullChecklist }, "127.0.0.1"),
  ).toEqual({
    ok: true,
  });
  return { vendor, staff };
}

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
    expect(dossier.vettingExpiresAt! - dossier.vettedAt!).toBeGreaterThanOrEqual(365 * DAY);

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

describe("directory", () => {
  it("finds a vetted vendor by words typed without diacritics, and drops it when suspended", async () => {
    const { vendor, staff } = await vettedVendor("Giải Pháp Đồng Tâm Số");
    const id = vendor.organisationId;
    expect(listDirectory({ q: "dong tam so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toContain(id);
    expect(listDirectory({ q: "KE TOAN khoi nghiep", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toContain(id);
    expect(
      listDirectory({ category: "accounting", sort: "newest", page: 1, priceMax: 5_000_000 }).rows.map((r) => r.id),
    ).toContain(id);
    expect(
      listDirectory({ category: "accounting", sort: "newest", page: 1, priceMax: 4_999_999 }).rows.map((r) => r.id),
    ).not.toContain(id);
    expect(listDirectory({ sector: "healthcare", q: "dong tam so", sort: "newest", page: 1 }).rows).toEqual([]);

    expect(await decide(session(staff, "staff"), id, "suspend", { note: "Khiếu nại chưa giải quyết" }, "ip")).toEqual({
      ok: true,
    });
    expect(listDirectory({ q: "dong tam so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).not.toContain(id);
    expect(() => getPublicProfile(id, null)).toThrow();
    expect(getPublicProfile(id, { role: "staff", organisationId: "x" }).vetted).toBe(false);

    expect(await decide(session(staff, "staff"), id, "reinstate", {}, "ip")).toEqual({ ok: true });
    expect(listDirectory({ q: "dong tam so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toContain(id);
  });

  it("no longer lists a vendor whose vetting expired, wherever it is read", async () => {
    const { vendor } = await vettedVendor("Hết Hạn Thẩm Định");
    const later = Date.now() + 366 * DAY;
    expect(listDirectory({ q: "het han tham dinh", sort: "newest", page: 1 }).total).toBe(1);
    expect(listDirectory({ q: "het han tham dinh", sort: "newest", page: 1 }, later).total).toBe(0);
    expect(() => getPublicProfile(vendor.organisationId, null, later)).toThrow();
    expect(getDossier(vendor.organisationId, later).effectiveStatus).toBe("expired");
    expect(getDossier(vendor.organisationId, later).editable).toBe(true);
  });
});
