/**
 * Staff and admin pages refuse everyone else with 403 (they know these pages exist: the header
 * links to none of them, but the URLs are public). Each loader and action is called with a real
 * session; an action refused changes nothing.
 */
import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import * as adminSettings from "~/routes/admin.settings";
import * as adminUser from "~/routes/admin.users.$userId";
import * as adminUsers from "~/routes/admin.users._index";
import * as adminNewUser from "~/routes/admin.users.new";
import * as staffAudit from "~/routes/staff.audit";
import * as staffEngagements from "~/routes/staff.engagements._index";
import * as staffFlag from "~/routes/staff.flags.$flagId";
import * as staffFlags from "~/routes/staff.flags._index";
import * as staffHome from "~/routes/staff._index";
import * as staffIncident from "~/routes/staff.incidents.$incidentId";
import * as staffIncidents from "~/routes/staff.incidents._index";
import * as staffVendor from "~/routes/staff.vendors.$vendorId";
import * as staffVendors from "~/routes/staff.vendors._index";
import { request, run } from "./routes";

type Route = { loader?: unknown; action?: unknown };
type Handler = Parameters<typeof run>[0];

/** Every staff or admin page, with the params its URL needs. */
const STAFF_PAGES: [string, Route, Record<string, string>][] = [
  ["/staff", staffHome, {}],
  ["/staff/vendors", staffVendors, {}],
  ["/staff/vendors/:vendorId", staffVendor, { vendorId: "x" }],
  ["/staff/flags", staffFlags, {}],
  ["/staff/flags/:flagId", staffFlag, { flagId: "1" }],
  ["/staff/engagements", staffEngagements, {}],
  ["/staff/incidents", staffIncidents, {}],
  ["/staff/incidents/:incidentId", staffIncident, { incidentId: "x" }],
];
const ADMIN_PAGES: [string, Route, Record<string, string>][] = [
  ["/staff/audit", staffAudit, {}],
  ["/admin/users", adminUsers, {}],
  ["/admin/users/new", adminNewUser, {}],
  ["/admin/users/:userId", adminUser, { userId: "x" }],
  ["/admin/settings", adminSettings, {}],
];

const path = (pattern: string, params: Record<string, string>) =>
  pattern.replace(/:(\w+)/g, (_, name: string) => params[name]!);

/** Rows an action could have written, to show that a refused one wrote none. */
const footprint = () =>
  getSqlite()
    .prepare(
      `SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM users) + (SELECT count(*) FROM settings)
        + (SELECT count(*) FROM vetting_events) + (SELECT count(*) FROM notifications) AS n`,
    )
    .pluck()
    .get();

describe("staff pages", () => {
  for (const role of ["sme", "vendor"] as const) {
    it(`are 403 for a signed-in ${role}, loaders and actions alike, and a refused action writes nothing`, async () => {
      const user = createUser({ role });
      const before = footprint();
      for (const [pattern, route, params] of [...STAFF_PAGES, ...ADMIN_PAGES]) {
        const url = path(pattern, params);
        const loaded = await run(route.loader as Handler, await request(url, { userId: user.id }), params);
        expect(loaded.status, `GET ${url}`).toBe(403);
        if (route.action) {
          const posted = await run(
            route.action as Handler,
            await request(url, { userId: user.id, form: { intent: "approve", decision: "approve", note: "x" } }),
            params,
          );
          expect(posted.status, `POST ${url}`).toBe(403);
        }
      }
      expect(footprint()).toBe(before);
    });
  }

  it("send a visitor to sign in, coming back to the page", async () => {
    const loaded = await run(staffFlags.loader as Handler, await request("/staff/flags?severity=high"));
    expect(loaded.status).toBe(302);
    expect(loaded.location).toBe(`/login?redirectTo=${encodeURIComponent("/staff/flags?severity=high")}`);
  });

  it("open for staff, but the admin's pages stay 403 for staff", async () => {
    const staff = createUser({ role: "staff" });
    for (const [pattern, route] of STAFF_PAGES.filter(([p]) => !p.includes(":"))) {
      expect((await run(route.loader as Handler, await request(pattern, { userId: staff.id }))).status, pattern).toBe(
        200,
      );
    }
    for (const [pattern, route, params] of ADMIN_PAGES) {
      const url = path(pattern, params);
      expect((await run(route.loader as Handler, await request(url, { userId: staff.id }), params)).status, url).toBe(
        403,
      );
    }
  });

  it("open for an admin, staff pages included", async () => {
    const admin = createUser({ role: "admin" });
    for (const [pattern, route] of [...STAFF_PAGES, ...ADMIN_PAGES].filter(([p]) => !p.includes(":"))) {
      expect((await run(route.loader as Handler, await request(pattern, { userId: admin.id }))).status, pattern).toBe(
        200,
      );
    }
  });
});
