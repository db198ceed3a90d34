/**
 * `npx tsx scripts/bench-reports.ts`: the programme reports at scale (issue 13). Builds a separate
 * database (.cache/bench/reports.db, never the app's; kept between runs, REBUILD=1 to make it
 * anew) with 5,000 vendors, 20,000 SMEs, 100,000 needs, 500,000 bids and the engagements,
 * milestones, assessments, reviews and incidents that go with them over three years; then runs
 * every report aggregate for the last 12 months, for one sector, and over the whole programme
 * (what /stats computes), printing each one's time and the plan SQLite chose for each of its
 * queries. A plan line that scans a whole table is marked; none should be.
 * Deterministic: the same data every run. Not part of `npm test`.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { openSqlite, setConnection } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import * as schema from "../db/schema";
import { CATEGORIES, SECTORS } from "../app/lib/reference";
import { defaultPeriod } from "../app/lib/report-period";
import * as reports from "../app/models/reports.server";
import { computePublicStats } from "../app/models/stats.server";
import { DAY_MS } from "../app/lib/local-date";
import { seededRandom } from "./seeded-random";

const FILE = path.resolve(".cache/bench/reports.db");
const VENDORS = 5_000;
const SMES = 20_000;
const NEEDS = 100_000;
const BIDS_PER_NEED = 5;
const DAY = DAY_MS;
const M = 1_000_000;

const { random, int, pick } = seededRandom(20261129);
const hex = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(8, "0")}`;

function build(now: number) {
  // Only this benchmark's own files: .cache/bench also holds the scale benchmark's databases.
  for (const f of [FILE, `${FILE}-wal`, `${FILE}-shm`]) fs.rmSync(f, { force: true });
  const sqlite = openSqlite(FILE);
  runMigrations(sqlite);
  const q = (text: string) => sqlite.prepare(text);
  const org =
    q(`INSERT INTO organisations (id, kind, legal_name, tax_code, sector, size_class, vendor_status, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const user = q(`INSERT INTO users (id, email, name, password_hash, role, organisation_id, search_text, created_at)
    VALUES (?, ?, ?, 'x', ?, ?, '', ?)`);
  const profile = q(`INSERT INTO vendor_profiles (organisation_id, vetted_at, vetting_expires_at, updated_at)
    VALUES (?, ?, ?, ?)`);
  const category = q("INSERT INTO vendor_categories (vendor_id, category) VALUES (?, ?)");
  const sector = q("INSERT INTO vendor_sectors (vendor_id, sector) VALUES (?, ?)");
  const vetting = q("INSERT INTO vetting_events (id, vendor_id, event, actor_id, at) VALUES (?, ?, 'approved', ?, ?)");
  const assessment = q(`INSERT INTO assessments (id, organisation_id, user_id, questionnaire_id, status, level,
    total_score, started_at, updated_at, completed_at) VALUES (?, ?, ?, 'dbi-2021', 'completed', ?, ?, ?, ?, ?)`);
  const need = q(`INSERT INTO needs (id, organisation_id, created_by, title, description, category, sector, budget_min,
    budget_max, desired_start, deadline, requirements, status, published_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`);
  const bid = q(`INSERT INTO bids (id, need_id, vendor_id, submitted_by, status, total, duration_days, approach,
    validity_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 60, '', 60, ?, ?)`);
  const engagement = q(`INSERT INTO engagements (id, need_id, bid_id, sme_id, vendor_id, status, total, awarded_at,
    awarded_by, completed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const milestone = q(`INSERT INTO engagement_milestones (id, engagement_id, position, title, due_at, amount, status,
    first_submitted_at) VALUES (?, ?, ?, 'Mốc', ?, ?, ?, ?)`);
  const review = q(`INSERT INTO reviews (id, engagement_id, vendor_id, sme_id, quality, schedule, value, communication,
    recommend, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 8, '', ?)`);
  const incident =
    q(`INSERT INTO incidents (id, engagement_id, raised_by, raised_by_side, category, description, status,
    resolved_at, created_at) VALUES (?, ?, ?, 'sme', 'delay', '', ?, ?, ?)`);

  const span = 3 * 365 * DAY;
  sqlite.transaction(() => {
    const vendors: string[] = [];
    for (let i = 0; i < VENDORS; i++) {
      const id = hex("ven", i);
      const roll = random();
      const created = now - int(0, span / DAY) * DAY;
      org.run(id, "vendor", `Vendor ${i}`, `v${i}`, null, null, roll < 0.9 ? "vetted" : "suspended", created);
      user.run(hex("venu", i), `vendor${i}@bench.test`, `Vendor ${i}`, "vendor", id, created);
      const approved = created + 20 * DAY;
      profile.run(id, approved, approved + 365 * DAY + int(0, 400) * DAY, now);
      vetting.run(hex("vet", i), id, hex("venu", i), approved);
      for (const c of new Set([pick(CATEGORIES), pick(CATEGORIES)])) category.run(id, c);
      for (const s of new Set([pick(SECTORS), pick(SECTORS)])) sector.run(id, s);
      vendors.push(id);
    }
    const smes: { id: string; sector: string }[] = [];
    for (let i = 0; i < SMES; i++) {
      const id = hex("sme", i);
      const s = pick(SECTORS);
      const created = now - int(0, span / DAY) * DAY;
      org.run(id, "sme", `SME ${i}`, `s${i}`, s, pick(["micro", "small", "medium"]), null, created);
      user.run(hex("smeu", i), `sme${i}@bench.test`, `SME ${i}`, "sme", id, created);
      for (let k = 0; k < 2; k++) {
        const at = created + int(1, 700) * DAY;
        if (at < now) assessment.run(hex(`as${k}`, i), id, hex("smeu", i), int(0, 5), 100, at - DAY, at, at);
      }
      smes.push({ id, sector: s });
    }
    let engagements = 0;
    for (let n = 0; n < NEEDS; n++) {
      const sme = pick(smes);
      const published = now - int(1, span / DAY) * DAY;
      const deadline = published + 14 * DAY;
      const closed = deadline < now;
      const roll = random();
      const status = !closed
        ? "open"
        : roll < 0.3
          ? "awarded"
          : roll < 0.4
            ? "cancelled"
            : roll < 0.5
              ? "expired"
              : "evaluating";
      const needId = hex("need", n);
      const smeUser = sme.id.replace("sme", "smeu");
      const budget = int(20, 200) * M;
      need.run(
        needId,
        sme.id,
        smeUser,
        `Need ${n}`,
        pick(CATEGORIES),
        sme.sector,
        budget,
        budget * 2,
        deadline + 10 * DAY,
        deadline,
        status,
        published,
        published,
        published,
      );
      const bidders = new Set<string>();
      while (bidders.size < BIDS_PER_NEED) bidders.add(pick(vendors));
      let k = 0;
      let winner: { bidId: string; vendorId: string; total: number } | null = null;
      for (const vendorId of bidders) {
        const bidId = `${needId}-b${k}`;
        const total = budget + int(-10, 30) * M;
        const bidStatus =
          status === "awarded" ? (k === 0 ? "awarded" : "not_selected") : k === 4 ? "withdrawn" : "submitted";
        bid.run(
          bidId,
          needId,
          vendorId,
          vendorId.replace("ven", "venu"),
          bidStatus,
          total,
          published + DAY,
          published + DAY,
        );
        if (bidStatus === "awarded") winner = { bidId, vendorId, total };
        k += 1;
      }
      if (!winner) continue;
      const awardedAt = deadline + int(1, 20) * DAY;
      if (awardedAt >= now) continue;
      const completedAt = awardedAt + 70 * DAY < now && random() < 0.8 ? awardedAt + 70 * DAY : null;
      const engagementId = hex("eng", engagements++);
      engagement.run(
        engagementId,
        needId,
        winner.bidId,
        sme.id,
        winner.vendorId,
        completedAt ? "completed" : "active",
        winner.total,
        awardedAt,
        smeUser,
        completedAt,
        awardedAt,
      );
      for (let p = 0; p < 3; p++) {
        const due = awardedAt + (p + 1) * 20 * DAY;
        const done = completedAt !== null || (due < now && random() < 0.7);
        const first = done ? due + int(-5, 6) * DAY : null;
        milestone.run(
          `${engagementId}-m${p}`,
          engagementId,
          p,
          due,
          Math.floor(winner.total / 3),
          done ? "accepted" : "pending",
          first,
        );
      }
      if (completedAt) {
        review.run(
          `${engagementId}-r`,
          engagementId,
          winner.vendorId,
          sme.id,
          int(2, 5),
          int(2, 5),
          int(2, 5),
          int(2, 5),
          completedAt + DAY,
        );
      }
      if (random() < 0.1) {
        const raised = awardedAt + 10 * DAY;
        const resolved = raised + int(1, 10) * DAY < now ? raised + int(1, 10) * DAY : null;
        incident.run(`${engagementId}-i`, engagementId, smeUser, resolved ? "resolved" : "open", resolved, raised);
      }
    }
  })();
  sqlite.exec("ANALYZE");
  return sqlite;
}

const now = Date.now();
const rebuild = process.env.REBUILD === "1" || !fs.existsSync(FILE);
const started = performance.now();
const sqlite = rebuild ? build(now) : openSqlite(FILE);
if (rebuild) runMigrations(sqlite);
else {
  runMigrations(sqlite);
  sqlite.exec("ANALYZE");
}
// The settings (Decree 80 rates) are read through the app's connection: make it this database.
setConnection(sqlite);
const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
console.log(
  `${rebuild ? "Built" : "Opened"} ${FILE} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    ["organisations", "needs", "bids", "engagements", "engagement_milestones", "assessments"]
      .map((t) => `${count(t)} ${t}`)
      .join(", "),
);

/** Every query a report runs, recorded by drizzle's logger, so that its plan can be asked for. */
const seen: { sql: string; params: unknown[] }[] = [];
const db = drizzle(sqlite, { schema, logger: { logQuery: (text, params) => seen.push({ sql: text, params }) } });

const year = defaultPeriod(now);
const last12 = { start: year.start, end: year.end, months: year.months, now };
const oneSector = { ...last12, sector: "retail_trade" as const };
const allTime = { start: 0, end: Number.MAX_SAFE_INTEGER, months: [], now };

type Run = [string, () => unknown];
const runs: Run[] = [
  ["smeActivity", () => reports.smeActivity(last12, db)],
  ["levelDistribution", () => reports.levelDistribution(last12, db)],
  ["levelChange", () => reports.levelChange(last12, db)],
  ["vendorStanding", () => reports.vendorStanding(last12, db)],
  ["vettedVendorsByCategory", () => reports.vettedVendorsByCategory(last12, db)],
  ["needsByMonth", () => reports.needsByMonth(last12, db)],
  ["engagementsByStatus", () => reports.engagementsByStatus(last12, db)],
  ["deliveryByMonth", () => reports.deliveryByMonth(last12, db)],
  ["valueBySector", () => reports.valueBySector(last12, db)],
  ["valueByMonth", () => reports.valueByMonth(last12, db)],
  ["engagementTotals", () => reports.engagementTotals(last12, db)],
  ["supportEstimate", () => reports.supportEstimate(last12, db)],
  ["engagementListPage (first)", () => reports.engagementListPage(last12, null, 500, db)],
  ["needsByMonth (one sector)", () => reports.needsByMonth(oneSector, db)],
  ["deliveryByMonth (one sector)", () => reports.deliveryByMonth(oneSector, db)],
  ["smeActivity (one sector)", () => reports.smeActivity(oneSector, db)],
  ["vendorStanding (one sector)", () => reports.vendorStanding(oneSector, db)],
  ["levelChange (all time)", () => reports.levelChange(allTime, db)],
  ["needsByMonth (all time)", () => reports.needsByMonth(allTime, db)],
  ["needsByMonth (all time, no bids)", () => reports.needsByMonth(allTime, db, { bids: false })],
  ["deliveryByMonth (all time)", () => reports.deliveryByMonth(allTime, db)],
  // Computed in steps with the event loop given back between them; the time is the sum of the steps.
  ["computePublicStats (/stats)", () => computePublicStats(now, db)],
];

/** `SCAN t`, with or without an index, reads all of t (or all of that index): bounded it is not. */
const FULL_SCAN = /^SCAN (\w+)/;
let scans = 0;
for (const [label, run] of runs) {
  // The best of three runs: the machine is shared, and the first run also warms the page cache.
  let ms = Infinity;
  for (let k = 0; k < 3; k++) {
    seen.length = 0;
    const t0 = performance.now();
    await run();
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(`\n${label.padEnd(32)} ${ms.toFixed(1).padStart(8)} ms`);
  if (label.startsWith("computePublicStats")) continue;
  for (const query of seen) {
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.params as never[])) as {
      detail: string;
    }[];
    for (const { detail } of plan) {
      const full = FULL_SCAN.exec(detail);
      // A scan of a derived table (a subquery's result) or of a CTE is not a read of a stored table.
      const stored = full && !["x", "CONSTANT"].includes(full[1]!) && !/SUBQUERY|CO-ROUTINE/.test(detail);
      // Over the whole programme (what /stats computes, once per 15 minutes) everything is read by design.
      const bounded = !label.includes("all time");
      if (stored && bounded) scans += 1;
      console.log(`  ${stored && bounded ? "!! " : "   "}${detail}`);
    }
  }
}

// What one /staff/reports request computes: every aggregate of the page for the last 12 months.
let pageMs = Infinity;
for (let k = 0; k < 3; k++) {
  const page = performance.now();
  for (const [, run] of runs.slice(0, 12)) run();
  pageMs = Math.min(pageMs, performance.now() - page);
}
console.log(`\n/staff/reports (every aggregate, last 12 months) ${pageMs.toFixed(1)} ms`);
console.log(
  scans === 0
    ? "\nNo query bounded by a period or a sector scans a whole stored table."
    : `\n${scans} plan lines of period-bounded queries scan a whole stored table.`,
);
sqlite.close();
