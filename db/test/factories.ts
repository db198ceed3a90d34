/** Test data made directly in the database, with a cheap password hash. */
import crypto from "node:crypto";
import { getDb, schema } from "../client.server";
import { searchText } from "../../app/lib/search-text";
import type { Role } from "../../app/lib/reference";

let counter = 0;

export function createOrganisation(kind: "sme" | "vendor" | "staff" = "sme") {
  const id = crypto.randomUUID();
  counter += 1;
  getDb()
    .insert(schema.organisations)
    .values({ id, kind, legalName: `Test Org ${counter}`, vendorStatus: kind === "vendor" ? "draft" : null })
    .run();
  return id;
}

export function createUser(opts: { role?: Role; email?: string; passwordHash?: string; active?: boolean } = {}) {
  const role = opts.role ?? "sme";
  const organisationId = createOrganisation(role === "sme" ? "sme" : role === "vendor" ? "vendor" : "staff");
  const id = crypto.randomUUID();
  counter += 1;
  const email = opts.email ?? `user${counter}-${id.slice(0, 6)}@test.vn`;
  getDb()
    .insert(schema.users)
    .values({
      id,
      email,
      name: `User ${counter}`,
      passwordHash: opts.passwordHash ?? "x",
      role,
      organisationId,
      active: opts.active ?? true,
      emailVerifiedAt: Date.now(),
      searchText: searchText(email),
    })
    .run();
  return { id, email, organisationId };
}
