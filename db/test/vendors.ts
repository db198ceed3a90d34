/** Vendors for model tests, made through the app's own dossier and vetting functions. */
import { expect } from "vitest";
import { getSqlite } from "../client.server";
import { createUser } from "./factories";
import type { SessionUser } from "../../app/utils/auth.server";
import { CHECKLIST_ITEMS, type Checklist } from "../../app/lib/vendor-options";
import { addReference, saveCompany, savePackage } from "../../app/models/dossier.server";
import { decide, submitDossier } from "../../app/models/vetting.server";

export function session(
  u: { id: string; email: string; organisationId: string },
  role: SessionUser["role"],
): SessionUser {
  return { ...u, name: "Test", role, lang: "vi", mustChangePassword: false };
}

export const fullChecklist = Object.fromEntries(
  CHECKLIST_ITEMS.map((i) => [i, { checked: true, note: "ok" }]),
) as Checklist;

/** Fills every part of a vendor's dossier, so that it can be submitted. */
export function completeDossier(vendorId: string, name = "Phần mềm Kế Toán Đồng Tâm") {
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

/** A vendor with a complete dossier, submitted. */
export async function submittedVendor(name?: string) {
  const vendor = createUser({ role: "vendor" });
  completeDossier(vendor.organisationId, name);
  expect(await submitDossier(session(vendor, "vendor"), "127.0.0.1")).toEqual({ ok: true });
  return vendor;
}

/** A vendor approved by a staff member. */
export async function vettedVendor(name?: string) {
  const vendor = await submittedVendor(name);
  const staff = createUser({ role: "staff" });
  expect(
    await decide(session(staff, "staff"), vendor.organisationId, "approve", { checklist: fullChecklist }, "127.0.0.1"),
  ).toEqual({ ok: true });
  return { vendor, staff };
}
