/**
 * Who may do what, by role: the one place that says it. Admins hold every staff permission, so
 * `hasRole(user, "staff")` is true for an admin too. Routes guard with `requireRole(request, "staff")`
 * (app/utils/auth.server.ts), models re-check with `assertRole`, components and loaders ask `hasRole`,
 * and a query that looks for the people who hold staff permissions filters on `STAFF_ROLES`.
 */
import type { Role } from "./reference";

/** The roles that hold staff permissions: staff, and admins. */
export const STAFF_ROLES = ["staff", "admin"] as const satisfies readonly Role[];

/** True when the user holds one of the roles (an admin holds "staff" too); false for no user. */
export function hasRole(user: { role: Role } | null | undefined, ...roles: Role[]): boolean {
  if (!user) return false;
  return roles.includes(user.role) || (user.role === "admin" && roles.includes("staff"));
}
