/** Test accounts with names that cannot appear anywhere by accident, for "what leaks" tests. */
import { getSqlite } from "../../db/client.server";
import { createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";

export type Person = ReturnType<typeof createUser> & { name: string; organisation: string };

/** A user whose own name and organisation name are unique markers. */
export function person(role: "sme" | "vendor" | "staff" | "admin", marker: string): Person {
  const user = createUser({ role });
  const name = `Người ${marker}`;
  const organisation = `Tổ chức ${marker}`;
  getSqlite().prepare("UPDATE users SET name = ? WHERE id = ?").run(name, user.id);
  getSqlite().prepare("UPDATE organisations SET legal_name = ? WHERE id = ?").run(organisation, user.organisationId);
  return { ...user, name, organisation };
}

export function vettedVendor(marker: string): Person {
  const vendor = person("vendor", marker);
  setVendorStanding(vendor.organisationId, "vetted");
  return vendor;
}

/** An open need of a new SME, bidding open for ten more days. */
export function openNeed(marker = "Chủ nhu cầu") {
  const owner = person("sme", marker);
  const { needId } = createOpenNeed(10, owner);
  return { needId, owner };
}

export const asViewer = (p: { id: string; organisationId: string }, role: "sme" | "vendor" | "staff" | "admin") => ({
  id: p.id,
  organisationId: p.organisationId,
  role,
});
