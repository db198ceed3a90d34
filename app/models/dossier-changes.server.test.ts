import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { completeDossier, session, vettedVendor } from "../../db/test/vendors";
import { uploadsDir } from "./attachments.server";
import { changeForStaff, decideChange, getLogoFile, saveCaseStudy, saveLogo } from "./dossier-changes.server";
import { getDossier, saveCompany, savePackage } from "./dossier.server";
import { getVendorProfile } from "./vendor-profile.server";

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
/** The first bytes of a PNG of the given size: enough for the checks, which read only the header. */
const png = (w: number, h: number) =>
  new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    73,
    72,
    68,
    82,
    ...u32be(w),
    ...u32be(h),
    8,
    6,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ]);

const CASE = {
  title: "Hóa đơn điện tử cho chuỗi 6 cửa hàng",
  sector: "retail_trade" as const,
  challenge: "Xuất hóa đơn giấy, đối chiếu cuối tháng mất ba ngày.",
  work: "Triển khai hóa đơn điện tử nối với phần mềm bán hàng.",
  result: "Đối chiếu còn nửa ngày.",
  engagementId: null,
};

function expiryOf(vendorId: string) {
  return getSqlite()
    .prepare("SELECT vetting_expires_at AS e, vetted_at AS v FROM vendor_profiles WHERE organisation_id = ?")
    .get(vendorId) as {
    e: number;
    v: number;
  };
}

describe("a vetted vendor's dossier changes", () => {
  it("keeps a vetted vendor's edits out of its public profile until staff approve them, then applies them and keeps the vetting and its expiry", async () => {
    const { vendor, staff } = await vettedVendor("Giải Pháp Số Bến Thành");
    const vendorId = vendor.organisationId;
    const before = getVendorProfile(vendorId, null);
    const vetting = expiryOf(vendorId);
    const company = {
      ...before.dossier,
      description: "Mô tả mới: kế toán, hóa đơn điện tử và bán hàng đa kênh cho cửa hàng.",
    };

    expect(saveCompany(vendorId, company)).toEqual({ ok: true, pending: true });
    expect(
      savePackage(vendorId, before.dossier.packages[0]!.id, {
        name: "Gói kế toán khởi nghiệp",
        category: "accounting",
        priceFrom: 6_000_000,
        priceTo: 12_000_000,
        unit: "per_year",
        included: "Phần mềm, đào tạo 2 buổi",
      }),
    ).toEqual({ ok: true, pending: true });
    expect(saveCaseStudy(vendorId, null, CASE)).toEqual({ ok: true, pending: true });
    expect(saveLogo(vendorId, { name: "logo.png", bytes: png(200, 100) })).toEqual({ ok: true, pending: true });

    // The public sees the approved version, whoever looks.
    const meanwhile = getVendorProfile(vendorId, null);
    expect(meanwhile.dossier.description).toBe(before.dossier.description);
    expect(meanwhile.dossier.packages[0]!.priceFrom).toBe(5_000_000);
    expect(meanwhile.caseStudies).toEqual([]);
    expect(meanwhile.logoUrl).toBeNull();
    expect(getDossier(vendorId).effectiveStatus).toBe("vetted");

    // Staff see old beside new.
    const change = changeForStaff(vendorId)!;
    expect(change.status).toBe("pending");
    expect(change.diff.company).toEqual([
      { field: "description", before: before.dossier.description, after: company.description },
    ]);
    expect(change.diff.packages.changed.map((c) => [c.before.priceFrom, c.after.priceFrom])).toEqual([
      [5_000_000, 6_000_000],
    ]);
    expect(change.diff.caseStudies.added.map((c) => c.title)).toEqual([CASE.title]);
    expect(change.diff.logo).toMatchObject({ before: null, after: { width: 200, height: 100, mime: "image/png" } });
    // The pending logo is not public yet, but staff may look at it.
    const file = path.basename(change.proposed.logo!.key);
    expect(() => getLogoFile(vendorId, file, null)).toThrow();
    expect(getLogoFile(vendorId, file, session(staff, "staff")).headers["Cache-Control"]).toBe("private, no-store");

    const later = Date.now() + 1000;
    expect(
      decideChange(session(staff, "staff"), vendorId, "approve", { version: change.version }, "127.0.0.1", later),
    ).toEqual({
      ok: true,
    });
    const after = getVendorProfile(vendorId, null);
    expect(after.dossier.description).toBe(company.description);
    expect(after.dossier.packages.map((p) => p.priceFrom)).toEqual([6_000_000]);
    expect(after.caseStudies).toMatchObject([{ title: CASE.title, verified: false }]);
    expect(after.logoUrl).toBe(`/vendors/${vendorId}/logo/${file}`);
    expect(getLogoFile(vendorId, file, null).headers["Cache-Control"]).toContain("immutable");
    expect(expiryOf(vendorId)).toEqual(vetting);
    expect(getDossier(vendorId).effectiveStatus).toBe("vetted");
    expect(changeForStaff(vendorId)).toBeNull();
  });

  it("refuses to approve a version the vendor has edited since staff opened it, and a send-back needs a note", async () => {
    const { vendor, staff } = await vettedVendor();
    const vendorId = vendor.organisationId;
    expect(saveCaseStudy(vendorId, null, CASE)).toMatchObject({ ok: true });
    const seen = changeForStaff(vendorId)!.version;
    expect(saveCaseStudy(vendorId, null, { ...CASE, title: "Bán hàng đa kênh cho tiệm bánh" })).toMatchObject({
      ok: true,
    });
    const actor = session(staff, "staff");
    expect(decideChange(actor, vendorId, "approve", { version: seen }, null)).toEqual({ ok: false, error: "stale" });
    expect(getVendorProfile(vendorId, null).caseStudies).toEqual([]);
    const now = changeForStaff(vendorId)!.version;
    expect(decideChange(actor, vendorId, "request_changes", { version: now, note: " " }, null)).toEqual({
      ok: false,
      error: "note_required",
    });
    expect(
      decideChange(actor, vendorId, "request_changes", { version: now, note: "Thêm số liệu kết quả" }, null),
    ).toEqual({ ok: true });
    expect(changeForStaff(vendorId)).toMatchObject({ status: "changes_requested", note: "Thêm số liệu kết quả" });
    // The vendor's next edit sends it back to staff.
    expect(saveCaseStudy(vendorId, null, { ...CASE, title: "Thứ ba" })).toEqual({ ok: true, pending: true });
    expect(changeForStaff(vendorId)!.status).toBe("pending");
  });

  it("puts a draft vendor's logo and case study live at once, and refuses a logo by its content", () => {
    const vendor = createUser({ role: "vendor" });
    completeDossier(vendor.organisationId);
    expect(saveLogo(vendor.organisationId, { name: "logo.png", bytes: new TextEncoder().encode("%PDF-1.4") })).toEqual({
      ok: false,
      error: "logo_type",
    });
    expect(saveLogo(vendor.organisationId, { name: "logo.png", bytes: png(300, 300) })).toEqual({ ok: true });
    expect(saveCaseStudy(vendor.organisationId, null, CASE)).toEqual({ ok: true });
    expect(saveCaseStudy(vendor.organisationId, null, { ...CASE, engagementId: "not-an-engagement" })).toEqual({
      ok: false,
      error: "engagement",
    });
    const files = fs.readdirSync(path.join(uploadsDir(), "logos", vendor.organisationId));
    expect(files).toHaveLength(1);
    // A second logo replaces the first on disk too.
    expect(saveLogo(vendor.organisationId, { name: "logo2.png", bytes: png(400, 400) })).toEqual({ ok: true });
    expect(fs.readdirSync(path.join(uploadsDir(), "logos", vendor.organisationId))).toHaveLength(1);
    expect(getDossier(vendor.organisationId).effectiveStatus).toBe("draft");
  });
});
