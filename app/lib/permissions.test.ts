import { describe, expect, it } from "vitest";
import { hasRole, STAFF_ROLES } from "./permissions";
import { ROLES } from "./reference";

describe("permissions", () => {
  it("lets an admin do what staff do, and nobody else", () => {
    expect(ROLES.filter((role) => hasRole({ role }, "staff"))).toEqual([...STAFF_ROLES]);
  });

  it("keeps admin-only, SME-only and vendor-only work to those roles", () => {
    expect(ROLES.filter((role) => hasRole({ role }, "admin"))).toEqual(["admin"]);
    expect(ROLES.filter((role) => hasRole({ role }, "sme"))).toEqual(["sme"]);
    expect(ROLES.filter((role) => hasRole({ role }, "vendor"))).toEqual(["vendor"]);
    expect(hasRole({ role: "vendor" }, "sme", "vendor")).toBe(true);
  });

  it("gives no permission to someone signed out", () => {
    expect(hasRole(null, "staff")).toBe(false);
    expect(hasRole(undefined, "sme")).toBe(false);
  });
});
