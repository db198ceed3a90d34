/**
 * Every list query of the models, with representative parameters, is served by an index
 * (STYLE.md habit 6, ADR 012): no full scan of a large table, and no temporary B-tree for an ORDER
 * BY that an index could serve. The SQL is captured as the models run it (each statement prepared
 * on the connection is recorded with its parameters), then `EXPLAIN QUERY PLAN` is asked of each,
 * so a new query in a listed function is checked without touching this file.
 *
 * An exception names the query and says why the plan is right (`allowed` below).
 */
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "../../db/client.server";
import { createEngagement, createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { listAudit } from "./audit.server";
import { listCompletedAssessments } from "./assessments.server";
import {
  countOpenNeedsByCategory,
  listOpenNeeds,
  listOwnNeeds,
  ownNeedsByState,
  vendorMarksOnNeeds,
} from "./need-board.server";
import { listDirectory } from "./directory.server";
import {
  countEngagementsForStaff,
  listBidsOfVendor,
  listEngagementsForOrganisation,
  listEngagementsForStaff,
} from "./engagements.server";
import { listFlags } from "./flag-queue.server";
import { listIncidents } from "./incidents.server";
import { invitationsOfVendor } from "./invitations.server";
import {
  fitScoresForVendor,
  marketStats,
  matchesForVendors,
  matchScoresForVendors,
  rankVendorsForNeed,
  recommendedNeedsForVendor,
  topVendorsForCategories,
} from "./matching.server";
import { getNeedForViewer } from "./needs.server";
import { listNotifications } from "./notifications.server";
import { listOutbox } from "./outbox.server";
import { listUsers } from "./staff-accounts.server";
import { listVettingQueue, vendorStatusCounts } from "./vetting.server";
import {
  activeEngagementsBySector,
  dashboardTiles,
  doThisFirst,
  newFlagsByWeek,
  openFlagsByRule,
} from "./dashboard.server";
import { bidsOfNeed } from "./bids.server";
import { bidderFacts } from "./compare.server";
import { trackRecordsNow } from "./vendor-stats.server";

/** Tables that grow with the city: a scan of one of these is a page that slows as data grows. */
const LARGE = new Set([
  "needs",
  "bids",
  "bid_milestones",
  "engagements",
  "engagement_milestones",
  "organisations",
  "users",
  "vendor_profiles",
  "flags",
  "flag_events",
  "audit_log",
  "notifications",
  "reviews",
  "need_events",
  "engagement_events",
  "outbox",
  "assessments",
  "incidents",
  "vendor_stats",
  "vendor_sector_completions",
]);

/** Plans that are right although they look like a finding: the query's name, the line, why. */
const allowed: { query: RegExp; detail: RegExp; why: string }[] = [
  {
    query: /needs_fts MATCH/,
    detail: /USE TEMP B-TREE FOR ORDER BY/,
    why: "a search sorts only the needs it matched (the index holds only findable needs, a few per term)",
  },
  {
    query: /vendors_fts MATCH/,
    detail: /USE TEMP B-TREE FOR ORDER BY/,
    why: "a directory search ranks its matches by relevance (bm25): no index can hold that order",
  },
];

/**
 * Lists whose page is sorted after an index has narrowed the rows, by name, with why that is
 * acceptable today. Bounded ones sort the rows of one subject (a need's bids, one organisation's
 * engagements); the others are reported in ADR 012 as the next indexes to add (the tie-break on
 * `id` or the second table of the sort key is what the present indexes do not hold). Only the
 * sort is excused: a scan of a large table in any of them still fails.
 */
const KNOWN_SORTS: Record<string, string> = {
  compare: "the live bids of one need: a few dozen at most",
  "engagements of an organisation": "one organisation's engagements, as either party (an OR of two indexes)",
  "staff engagements, one vendor": "one vendor's engagements",
  "flags, high, mine": "the flags assigned to one staff member",
  "flags of a vendor": "one vendor's flags",
  "flags active":
    "the page's 20 flags sorted again once joined to their names; with the statistics of a real queue the page is the first rows of flags_queue_idx",
  "flags open": "as above",
  "flags resolved": "as above; resolved flags grow with time (ADR 012)",
  incidents: "open and in-progress incidents: a short queue",
  "vetting queue submitted": "vendors awaiting vetting: a short queue",
  "vetting queue vetted": "sorted by submission or registration, across two tables (ADR 012)",
  "do this first": "the dossiers awaiting vetting, sorted by submission across two tables: a short queue",
  users: "the admin's user list: (created_at, id) index listed in ADR 012",
  outbox: "the admin's mail list: listed in ADR 012",
  "directory by relevance, one category":
    "one category's listed vendors, from its index (a walk of the newest-first index with a lookup per vendor read more at full scale)",
  "directory by rating, one category": "as above",
  "directory by newest, one category": "as above",
  "directory search by relevance": "ranked by bm25 over the matches",
  "directory search by rating": "sorts the matches only",
  "directory search by newest": "sorts the matches only",
  "directory search by relevance, one category": "ranked by bm25 over the matches in the category",
  "directory search by rating, one category": "sorts the matches in the category only",
  "directory search by newest, one category": "sorts the matches in the category only",
  "directory by newest, one sector, page 3": "one sector's listed vendors, from its index",
};

/** A count over a whole table reads its smallest index: inherent to a total, and about 1 ms per 30,000 rows. */
const isWholeCount = (sql: string) => /^select count\(\*\) from "\w+"$/i.test(sql.trim());

type Captured = { sql: string; params: unknown[] };
let captured: Captured[] = [];
let restore: () => void = () => {};

beforeAll(() => {
  const sqlite = getSqlite();
  const prepare = sqlite.prepare.bind(sqlite);
  const record = (stmt: Database.Statement, sql: string) => {
    for (const method of ["all", "get", "iterate"] as const) {
      const original = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        if (/^\s*(select|with)\b/i.test(sql)) captured.push({ sql, params });
        return original(...params);
      };
    }
    return stmt;
  };
  sqlite.prepare = ((sql: string) => record(prepare(sql), sql)) as typeof sqlite.prepare;
  restore = () => {
    sqlite.prepare = prepare as typeof sqlite.prepare;
  };
});
afterAll(() => restore());

/** The SQL `run` executes, each statement with its plan lines. */
function plansOf(run: () => unknown) {
  captured = [];
  run();
  const sqlite = getSqlite();
  return captured.map(({ sql, params }) => ({
    sql,
    lines: (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
  }));
}

/** Table names behind the aliases a statement uses (`needs n`, `"organisations" "sme"`). */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  const keyword = /^(on|where|inner|left|join|cross|natural|using|group|order|limit|as|set|values|select)$/i;
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const [, table, alias] = m;
    map.set(table!, table!);
    if (alias && !keyword.test(alias)) map.set(alias, table!);
  }
  return map;
}

/** What in a plan is a finding: a scan of a large table, or a sort an index could have served. */
function findings(sql: string, lines: string[]): string[] {
  const names = aliases(sql);
  return lines.filter((line) => {
    if (allowed.some((a) => a.query.test(sql) && a.detail.test(line))) return false;
    const scan = /^SCAN (\w+)( USING (?:COVERING )?INDEX)?/.exec(line);
    // Walking an index in the ORDER BY's order up to the LIMIT reads one page, not the table.
    if (scan && scan[2] && /\border by\b[\s\S]*\blimit\b/i.test(sql)) return false;
    if (scan && LARGE.has(names.get(scan[1]!) ?? scan[1]!)) return true;
    return /^USE TEMP B-TREE FOR ORDER BY/.test(line);
  });
}

function expectIndexed(name: string, run: () => unknown) {
  const plans = plansOf(run);
  expect(plans.length, `${name} ran no query`).toBeGreaterThan(0);
  for (const { sql, lines: all } of plans) {
    if (isWholeCount(sql)) continue;
    const lines = name in KNOWN_SORTS ? all.filter((l) => !/^USE TEMP B-TREE FOR ORDER BY/.test(l)) : all;
    expect.soft(findings(sql, lines), `${name}\n${sql}\n${lines.join("\n")}`).toEqual([]);
  }
}

const now = Date.now();

describe("every list query is served by an index", () => {
  const world = (() => {
    let built: ReturnType<typeof build> | null = null;
    return () => (built ??= build());
  })();
  function build() {
    const vendor = createUser({ role: "vendor" });
    setVendorStanding(vendor.organisationId, "vetted");
    getSqlite()
      .prepare("INSERT OR IGNORE INTO vendor_categories (vendor_id, category) VALUES (?, 'accounting')")
      .run(vendor.organisationId);
    const { needId, owner } = createOpenNeed(10);
    const engagement = createEngagement();
    const staff = createUser({ role: "staff" });
    const admin = createUser({ role: "admin" });
    return { vendor, needId, owner, engagement, staff, admin };
  }
  const as = (u: { id: string; organisationId: string }, role: "sme" | "vendor" | "staff" | "admin") => ({
    id: u.id,
    organisationId: u.organisationId,
    role,
  });

  it("the needs board: every sort, each filter, and search", () => {
    world();
    for (const sort of ["newest", "deadline", "budget"] as const) {
      expectIndexed(`board by ${sort}`, () => listOpenNeeds({ q: "", sort }, 1, now));
      expectIndexed(`board by ${sort}, one category`, () =>
        listOpenNeeds({ q: "", sort, category: "accounting" }, 1, now),
      );
      expectIndexed(`board by ${sort}, one sector`, () =>
        listOpenNeeds({ q: "", sort, sector: "manufacturing" }, 2, now),
      );
      expectIndexed(`board search by ${sort}`, () => listOpenNeeds({ q: "ke toan phan mem", sort }, 1, now));
    }
    expectIndexed("board: budget band and closing soon", () =>
      listOpenNeeds({ q: "", sort: "newest", budget: "50m-200m", closes: 7 }, 1, now),
    );
    expectIndexed("open needs by category", () => countOpenNeedsByCategory(now));
  });

  it("an SME's needs, its engagements, a need's bids", () => {
    const { owner, needId, vendor } = world();
    expectIndexed("own needs", () => listOwnNeeds(owner.organisationId, 1, now));
    expectIndexed("own needs by state", () => ownNeedsByState(owner.organisationId, now));
    expectIndexed("a need", () => getNeedForViewer(needId, as(owner, "sme"), now));
    expectIndexed("compare", () => bidsOfNeed(needId));
    expectIndexed("compare's bidder facts", () => bidderFacts([vendor.organisationId, owner.organisationId], now));
    expectIndexed("track records of a page", () => trackRecordsNow([vendor.organisationId], now));
    expectIndexed("track records of a page, recomputed", () => trackRecordsNow([vendor.organisationId], now - 1000));
    expectIndexed("engagements of an organisation", () => listEngagementsForOrganisation(owner.organisationId, 1));
    expectIndexed("bids of a vendor", () => listBidsOfVendor(vendor.organisationId));
    expectIndexed("invitations of a vendor", () => invitationsOfVendor(vendor.organisationId, now));
    expectIndexed("assessments", () => listCompletedAssessments(owner.organisationId, 1));
  });

  it("matching: a need's vendors, compare scores, a vendor's recommended needs, market figures", () => {
    const { needId, owner, vendor } = world();
    const need = getNeedForViewer(needId, as(owner, "sme"), now);
    // Inside a transaction the figures are always read (outside, the last ones may be reused).
    expectIndexed("market figures", () => getDb().transaction(() => marketStats(now)));
    expectIndexed("vendors for a need", () => rankVendorsForNeed(need, { now }));
    expectIndexed("compare scores", () => matchScoresForVendors(need, [vendor.organisationId], now));
    expectIndexed("recommended needs", () => recommendedNeedsForVendor(vendor.organisationId, { now }));
    expectIndexed("compare's whole scores", () => matchesForVendors(need, [vendor.organisationId], now));
    expectIndexed("the board's fit scores", () => fitScoresForVendor(vendor.organisationId, [need], now));
    expectIndexed("an assessment's vendors", () => topVendorsForCategories(["accounting", "crm"], 3, now));
    expectIndexed("the board's marks", () => vendorMarksOnNeeds(vendor.organisationId, [needId]));
  });

  it("the directory", () => {
    world();
    for (const sort of ["relevance", "rating", "newest"] as const) {
      expectIndexed(`directory by ${sort}`, () => listDirectory({ sort, page: 1 }, now));
      expectIndexed(`directory by ${sort}, one category`, () =>
        listDirectory({ sort, page: 1, category: "accounting" }, now),
      );
      expectIndexed(`directory search by ${sort}`, () => listDirectory({ sort, page: 1, q: "ke toan" }, now));
      expectIndexed(`directory search by ${sort}, one category`, () =>
        listDirectory({ sort, page: 1, q: "phan mem", category: "accounting" }, now),
      );
    }
    expectIndexed("directory by newest, one sector, page 3", () =>
      listDirectory({ sort: "newest", page: 3, sector: "retail_trade" }, now),
    );
  });

  it("staff lists: engagements, flags, incidents, vetting, users, audit, mail", () => {
    const { staff, vendor } = world();
    expectIndexed("staff engagements", () => listEngagementsForStaff({}, 1));
    expectIndexed("staff engagements, red", () => listEngagementsForStaff({ health: "red" }, 1));
    expectIndexed("staff engagements, active", () => listEngagementsForStaff({ status: "active" }, 2));
    expectIndexed("staff engagements, one vendor", () =>
      listEngagementsForStaff({ vendorId: vendor.organisationId }, 1),
    );
    expectIndexed("staff engagements count, active amber", () =>
      countEngagementsForStaff({ status: "active", health: "amber" }),
    );
    for (const status of ["active", "open", "resolved"] as const) {
      expectIndexed(`flags ${status}`, () => listFlags({ status }, staff.id, 1));
    }
    expectIndexed("flags, high, mine", () =>
      listFlags({ status: "active", severity: "high", assignee: "me" }, staff.id, 1),
    );
    expectIndexed("flags of a vendor", () =>
      listFlags({ status: "active", vendorId: vendor.organisationId }, staff.id, 1),
    );
    expectIndexed("incidents", () => listIncidents({ status: "active", assignee: "anyone" }, staff.id, 1));
    for (const status of ["submitted", "vetted"] as const) {
      expectIndexed(`vetting queue ${status}`, () => listVettingQueue(status, 1));
    }
    expectIndexed("users", () => listUsers({ page: 1 }));
    expectIndexed("users, staff", () => listUsers({ role: "staff", page: 1 }));
    const noDays = { fromBoxes: { day: "", month: "", year: "" }, toBoxes: { day: "", month: "", year: "" } };
    expectIndexed("audit", () => listAudit({ actor: "", action: "", from: "", to: "", ...noDays }));
    expectIndexed("audit, one action", () => listAudit({ actor: "", action: "sign_in", from: "", to: "", ...noDays }));
    expectIndexed("outbox", () => listOutbox({ page: 1 }));
    expectIndexed("outbox, pending", () => listOutbox({ status: "pending", page: 1 }));
  });

  it("the staff dashboard: its tiles, charts and first items, and the vetting queue's counts", () => {
    const { staff } = world();
    expectIndexed("dashboard tiles", () => dashboardTiles(staff.id));
    expectIndexed("open flags by rule", () => openFlagsByRule());
    expectIndexed("new flags by week", () => newFlagsByWeek(now));
    expectIndexed("active engagements by sector", () => activeEngagementsBySector());
    expectIndexed("do this first", () => doThisFirst());
    expectIndexed("vetting queue counts", () => vendorStatusCounts());
  });

  it("notifications", () => {
    const { vendor } = world();
    expectIndexed("notifications", () => listNotifications(vendor.id, 1));
  });

  it("would notice a scan and an unindexed sort (the check can fail)", () => {
    const scan = plansOf(() => getSqlite().prepare("SELECT * FROM needs WHERE title = ?").all("x"));
    expect(findings(scan[0]!.sql, scan[0]!.lines)).toHaveLength(1);
    const sort = plansOf(() =>
      getSqlite().prepare("SELECT n.id FROM needs n WHERE n.status = 'open' ORDER BY n.title LIMIT 5").all(),
    );
    expect(findings(sort[0]!.sql, sort[0]!.lines).join()).toMatch(/TEMP B-TREE/);
  });
});
