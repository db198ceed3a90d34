import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createEngagement, createUser, setVendorStanding } from "../../db/test/factories";
import { parseFlagFilters, parseStaffEngagementFilters } from "~/lib/flag-options";
import { parseIncidentFilters } from "~/lib/incident-rules";
import { DAY_MS as DAY } from "~/lib/local-date";
import { notificationText } from "~/lib/notification-kinds";
import { parseQueueFilter } from "~/lib/vendor-options";
import { translator } from "~/utils/i18n";
import {
  dashboard,
  dashboardTiles,
  doThisFirst,
  flagFigures,
  newFlagsByWeek,
  openFlagsByRule,
  TILE_LINKS,
  type TileKey,
} from "./dashboard.server";
import { listEngagementsForStaff } from "./engagements.server";
import { actOnFlag, listFlags } from "./flag-queue.server";
import { healthOf, reevaluate, sweep } from "./flags.server";
import { listIncidents, raiseIncident } from "./incidents.server";
import { listVettingQueue } from "./vetting.server";

const sqlite = () => getSqlite();

function overdue(engagementId: string, days: number) {
  sqlite()
    .prepare("UPDATE engagement_milestones SET due_at = ? WHERE engagement_id = ? AND position = 0")
    .run(Date.now() - days * DAY, engagementId);
}

/** The total of the list a link opens, through the list's own filter parser and list function. */
function listTotal(href: string, viewerId: string) {
  const url = new URL(href, "http://local");
  const p = url.searchParams;
  if (url.pathname === "/staff/vendors") return listVettingQueue(parseQueueFilter(p), 1);
  if (url.pathname === "/staff/incidents") return listIncidents(parseIncidentFilters(p), viewerId, 1);
  if (url.pathname === "/staff/flags") return listFlags(parseFlagFilters(p), viewerId, 1);
  return listEngagementsForStaff(parseStaffEngagementFilters(p), 1);
}

async function build() {
  const staff = createUser({ role: "staff" });
  const green = [createEngagement(), createEngagement()];
  const amber = createEngagement();
  overdue(amber.engagementId, 10);
  await reevaluate({ engagementId: amber.engagementId });
  const red = createEngagement();
  overdue(red.engagementId, 31);
  await reevaluate({ engagementId: red.engagementId });
  // Red through an open incident (INCIDENT is high), raised by the SME.
  const incident = createEngagement();
  const sme = sqlite()
    .prepare("SELECT u.id, u.organisation_id AS organisationId, u.role FROM users u WHERE u.organisation_id = ?")
    .get(
      (sqlite().prepare("SELECT sme_id FROM engagements WHERE id = ?").get(incident.engagementId) as { sme_id: string })
        .sme_id,
    ) as { id: string; organisationId: string; role: "sme" };
  expect(
    await raiseIncident(sme, incident.engagementId, { category: "delay", description: "Chậm bàn giao hai tuần" }),
  ).toEqual({ ok: true });
  // A terminated engagement with a high flag is not among the active ones.
  const ended = createEngagement();
  overdue(ended.engagementId, 40);
  await reevaluate({ engagementId: ended.engagementId });
  sqlite().prepare("UPDATE engagements SET status = 'terminated' WHERE id = ?").run(ended.engagementId);
  // Two dossiers waiting, one vetted vendor.
  for (const status of ["submitted", "submitted", "vetted"] as const)
    setVendorStanding(createUser({ role: "vendor" }).organisationId, status);
  return { staff, green, amber, red, incident, ended };
}

describe("the staff dashboard", () => {
  it("shows in each tile the count of the list behind its link", async () => {
    const { staff, red, incident } = await build();
    const tiles = dashboardTiles(staff.id);
    for (const key of Object.keys(TILE_LINKS) as TileKey[]) {
      const list = listTotal(tiles[key].href, staff.id);
      expect({ key, count: tiles[key].count }).toEqual({ key, count: list.total });
      if (list.total <= 20) expect(list.rows).toHaveLength(list.total);
    }
    expect(tiles.health_red.count).toBe(2);
    expect(tiles.health_amber.count).toBe(1);
    expect(tiles.health_green.count).toBe(2);
    expect(tiles.vetting.count).toBeGreaterThanOrEqual(2);
    expect(tiles.incidents.count).toBe(1);
    expect(tiles.overdue.count).toBe(3);
    expect(tiles.flags_high.count).toBe(3);
    const reds = listEngagementsForStaff(
      parseStaffEngagementFilters(new URLSearchParams("health=red&status=active")),
      1,
    );
    expect(reds.rows.map((r) => r.id).sort()).toEqual([red.engagementId, incident.engagementId].sort());
    expect(reds.rows.every((r) => r.health === "red")).toBe(true);
  });

  it("keeps each engagement's health with its flags, and the sweep repairs a drifted one", async () => {
    const { staff, red, ended } = await build();
    expect(healthOf(red.engagementId)).toBe("red");
    const flagId = (
      sqlite().prepare("SELECT id FROM flags WHERE engagement_id = ? AND status = 'open'").get(red.engagementId) as {
        id: string;
      }
    ).id;
    expect(actOnFlag(staff, flagId, "acknowledge", {}, null)).toEqual({ ok: true });
    expect(healthOf(red.engagementId)).toBe("red");
    expect(actOnFlag(staff, flagId, "dismiss", { note: "Đã gia hạn theo phụ lục" }, null)).toEqual({ ok: true });
    expect(healthOf(red.engagementId)).toBe("green");
    // The sweep re-evaluates active engagements (which sets their health); a terminated one with an
    // open high flag is outside it, so its drift is for the repair to find.
    expect(healthOf(ended.engagementId)).toBe("red");
    sqlite().prepare("UPDATE engagements SET health_rank = 0 WHERE id = ?").run(ended.engagementId);
    sqlite().prepare("UPDATE engagements SET health_rank = 2 WHERE id = ?").run(red.engagementId);
    const result = await sweep();
    expect(result.repaired).toBe(1);
    expect(healthOf(ended.engagementId)).toBe("red");
    expect(healthOf(red.engagementId)).toBe("green");
  });

  it("draws open flags by rule, new flags per week, health by sector and the work to do first", async () => {
    const { staff } = await build();
    const d = await dashboard(staff.id);
    const open = (severity: string) =>
      (
        sqlite()
          .prepare(
            "SELECT count(*) AS n FROM flags WHERE code = 'MILESTONE_OVERDUE' AND severity = ? AND status IN ('open', 'acknowledged')",
          )
          .get(severity) as { n: number }
      ).n;
    const overdueRow = d.flagsByRule.find((r) => r.code === "MILESTONE_OVERDUE")!;
    expect(overdueRow).toMatchObject({ high: open("high"), medium: open("medium") });
    expect(overdueRow.high).toBeGreaterThan(0);
    expect(d.flagsByRule[0]!.high).toBeGreaterThan(0);
    expect(d.flagsByWeek).toHaveLength(12);
    const thisWeek = d.flagsByWeek[11]!;
    const raised = (sqlite().prepare("SELECT count(*) AS n FROM flags").get() as { n: number }).n;
    expect(thisWeek.high + thisWeek.medium + thisWeek.low).toBe(raised);
    const sector = d.bySector.find((s) => s.sector === "retail_trade")!;
    for (const health of ["red", "amber", "green"] as const)
      expect(sector[health]).toBe(
        listEngagementsForStaff({ status: "active", sector: "retail_trade", health }, 1).total,
      );
    expect(sector.red).toBeGreaterThan(0);
    const first = doThisFirst();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(8);
    expect(first.map((i) => i.since)).toEqual([...first.map((i) => i.since)].sort((a, b) => a - b));
    expect(new Set(first.map((i) => i.kind))).toEqual(new Set(["flag", "dossier", "incident"]));
  });
});

describe("the dashboard's flag figures", () => {
  it("are reused until a flag they count changes, and then equal the figures computed afresh", async () => {
    const { staff, amber } = await build();
    const now = Date.now();
    const fresh = () => ({
      flagsByRule: openFlagsByRule(),
      flagsByWeek: newFlagsByWeek(now),
      tiles: dashboardTiles(staff.id),
    });
    const kept = () => {
      const f = flagFigures(now);
      return { flagsByRule: f.flagsByRule, flagsByWeek: f.flagsByWeek, tiles: dashboardTiles(staff.id, f) };
    };
    let before = fresh();
    expect(kept()).toEqual(before);
    /** After a write: the kept figures are the fresh ones, and they moved (so the test can tell). */
    const afterWrite = (what: string) => {
      const now = fresh();
      expect({ what, figures: kept() }).toEqual({ what, figures: now });
      expect({ what, moved: JSON.stringify(now) !== JSON.stringify(before) }).toEqual({ what, moved: true });
      before = now;
    };
    const flagOf = (engagementId: string) =>
      sqlite()
        .prepare("SELECT id, status, severity FROM flags WHERE engagement_id = ? AND code = 'MILESTONE_OVERDUE'")
        .get(engagementId) as { id: string; status: string; severity: string };

    // Kept: asked again with nothing written, the same figures (not computed again).
    expect(flagFigures(now).flagsByWeek).toBe(flagFigures(now).flagsByWeek);
    expect(flagFigures(now).flagsByRule).toBe(flagFigures(now).flagsByRule);

    // Raised by the engine (medium: 10 days overdue), then escalated (high: 31 days).
    const late = createEngagement();
    overdue(late.engagementId, 10);
    await reevaluate({ engagementId: late.engagementId });
    expect(flagOf(late.engagementId)).toMatchObject({ status: "open", severity: "medium" });
    afterWrite("raised");
    overdue(late.engagementId, 31);
    await reevaluate({ engagementId: late.engagementId });
    expect(flagOf(late.engagementId).severity).toBe("high");
    afterWrite("escalated");

    // Staff act on it: acknowledged (no longer among "do this first", still open), then dismissed.
    const flagId = flagOf(late.engagementId).id;
    expect(actOnFlag(staff, flagId, "acknowledge", {}, null)).toEqual({ ok: true });
    expect(kept()).toEqual(fresh());
    before = fresh();
    expect(actOnFlag(staff, flagId, "dismiss", { note: "Đã gia hạn theo phụ lục" }, null)).toEqual({ ok: true });
    afterWrite("dismissed");

    // Another acknowledged, then resolved (the engine never closes a flag: staff do).
    const amberFlag = flagOf(amber.engagementId).id;
    expect(actOnFlag(staff, amberFlag, "acknowledge", {}, null)).toEqual({ ok: true });
    before = fresh();
    expect(actOnFlag(staff, amberFlag, "resolve", { note: "Đã bàn giao" }, null)).toEqual({ ok: true });
    afterWrite("resolved");

    // Written directly: an earlier time raised (another week), a deleted flag.
    const other = sqlite().prepare("SELECT id FROM flags WHERE status = 'open' LIMIT 1").get() as { id: string };
    sqlite()
      .prepare("UPDATE flags SET raised_at = ? WHERE id = ?")
      .run(now - 20 * DAY, other.id);
    afterWrite("raised earlier");
    sqlite().prepare("DELETE FROM flag_events WHERE flag_id = ?").run(other.id);
    sqlite().prepare("DELETE FROM flags WHERE id = ?").run(other.id);
    afterWrite("deleted");

    // A note or an assignment changes none of the figures: they are kept as they are.
    const figures = flagFigures(now).flagsByWeek;
    const mine = "/staff/flags?status=active&assignee=me";
    expect(flagFigures(now).count(mine, staff.id)).toBe(0);
    sqlite().prepare("UPDATE flags SET note = 'ghi chú', assigned_to = ?").run(staff.id);
    expect(flagFigures(now).flagsByWeek).toBe(figures);
    expect(kept()).toEqual(fresh());
    // A list filtered by who it is assigned to is counted afresh (the version did not move).
    expect(flagFigures(now).count(mine, staff.id)).toBeGreaterThan(0);

    // Weeks later, the 12 weeks are others: the figures are those of the new weeks.
    const later = now + 15 * 7 * DAY;
    expect(flagFigures(later).flagsByWeek).toEqual(newFlagsByWeek(later));
    expect(flagFigures(later).flagsByWeek).not.toEqual(figures);
  });
});

describe("staff alerts", () => {
  it("name the rule in the reader's language and the subject, and link to the flag", async () => {
    const staff = createUser({ role: "staff" });
    sqlite().prepare("UPDATE users SET lang = 'en' WHERE id = ?").run(staff.id);
    const { engagementId } = createEngagement();
    overdue(engagementId, 31);
    await reevaluate({ engagementId });
    const flagId = (
      sqlite().prepare("SELECT id FROM flags WHERE engagement_id = ?").get(engagementId) as { id: string }
    ).id;
    const names = sqlite()
      .prepare(
        `SELECT n.title AS need, s.legal_name AS sme, v.legal_name AS vendor FROM engagements e
         JOIN needs n ON n.id = e.need_id JOIN organisations s ON s.id = e.sme_id
         JOIN organisations v ON v.id = e.vendor_id WHERE e.id = ?`,
      )
      .get(engagementId) as { need: string; sme: string; vendor: string };
    const row = sqlite()
      .prepare("SELECT kind, params, link FROM notifications WHERE user_id = ? AND kind = 'flag_high'")
      .get(staff.id) as { kind: string; params: string; link: string };
    expect(row.link).toBe(`/staff/flags/${flagId}`);
    const params = JSON.parse(row.params) as Record<string, string>;
    const en = notificationText(translator("en"), row.kind, params);
    const vi = notificationText(translator("vi"), row.kind, params);
    expect(en).toBe(
      `New high-severity risk flag: Milestone overdue — engagement “${names.need}” between ${names.sme} and ${names.vendor}`,
    );
    expect(vi).toContain("Cờ rủi ro mức cao mới: Mốc bàn giao quá hạn — hợp đồng");
    expect(vi).toContain(names.vendor);
    expect(en).not.toContain("MILESTONE_OVERDUE");
    const mail = sqlite()
      .prepare('SELECT subject, text FROM outbox WHERE "to" = ? ORDER BY rowid DESC')
      .get((sqlite().prepare("SELECT email FROM users WHERE id = ?").get(staff.id) as { email: string }).email) as {
      subject: string;
      text: string;
    };
    expect(mail.subject).toBe(en);
    expect(mail.text).toContain(`/staff/flags/${flagId}`);
  });

  it("about an incident name its category and parties, and link to the incident", async () => {
    const staff = createUser({ role: "staff" });
    const { engagementId } = createEngagement();
    const sme = sqlite()
      .prepare(
        "SELECT u.id, u.organisation_id AS organisationId, u.role FROM users u JOIN engagements e ON e.sme_id = u.organisation_id WHERE e.id = ?",
      )
      .get(engagementId) as { id: string; organisationId: string; role: "sme" };
    await raiseIncident(sme, engagementId, { category: "payment", description: "Chưa thanh toán đợt 1" });
    const incidentId = (
      sqlite().prepare("SELECT id FROM incidents WHERE engagement_id = ?").get(engagementId) as { id: string }
    ).id;
    const row = sqlite()
      .prepare("SELECT kind, params, link FROM notifications WHERE user_id = ? AND kind = 'incident_raised_staff'")
      .get(staff.id) as { kind: string; params: string; link: string };
    expect(row.link).toBe(`/staff/incidents/${incidentId}`);
    const params = JSON.parse(row.params) as Record<string, string>;
    expect(notificationText(translator("en"), row.kind, params)).toMatch(/^A new incident to handle \(Payment\): “/);
    expect(notificationText(translator("vi"), row.kind, params)).toContain(params.vendor!);
    expect(notificationText(translator("vi"), row.kind, params)).not.toContain("payment");
  });
});
