/**
 * `npm run bench:match`: matchmaking at scale (issue 8). Builds a separate database
 * (.cache/bench/match.db, never the app's) with 5,000 vendors and 50,000 completed engagements —
 * with the SMEs, needs, bids and milestones they require — then times ranking the vendors for one
 * need (top 10) and the needs for one vendor, several runs each, and prints median and p95.
 * Deterministic: the same data every run. Not part of `npm test`.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openSqlite, setConnection } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { CATEGORIES, SECTORS } from "../app/lib/reference";
import { rankVendorsForNeed, recommendedNeedsForVendor } from "../app/models/matching.server";
import { DAY_MS } from "../app/lib/local-date";
import { seededRandom } from "./seeded-random";

const FILE = path.resolve(".cache/bench/match.db");
const VENDORS = 5_000;
const SMES = 2_000;
const COMPLETED = 50_000;
const ACTIVE = 2_500;
const OPEN_NEEDS = 2_000;
const RUNS = Number(process.env.RUNS ?? 25);
const WARMUP = 3;
const DAY = DAY_MS;
const M = 1_000_000;

const { random, int, pick } = seededRandom(20220415);
const some = <T>(list: readonly T[], min: number, max: number) => {
  const n = int(min, max);
  const out = new Set<T>();
  while (out.size < n) out.add(pick(list));
  return [...out];
};
const hex = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(8, "0")}`;

function build() {
  // Only this benchmark's own files: .cache/bench also holds the scale benchmark's databases.
  for (const f of [FILE, `${FILE}-wal`, `${FILE}-shm`]) fs.rmSync(f, { force: true });
  const sqlite = openSqlite(FILE);
  runMigrations(sqlite);
  const now = Date.now();
  const started = performance.now();
  const q = (text: string) => sqlite.prepare(text);
  const org = q(`INSERT INTO organisations (id, kind, legal_name, tax_code, sector, vendor_status, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const user = q(`INSERT INTO users (id, email, name, password_hash, role, organisation_id, search_text, created_at)
    VALUES (?, ?, ?, 'x', ?, ?, '', ?)`);
  const profile = q(`INSERT INTO vendor_profiles (organisation_id, description, vetted_at, vetting_expires_at,
    vetted_by, rating_avg_x100, rating_count, updated_at) VALUES (?, '', ?, ?, 'HCA', ?, ?, ?)`);
  const category = q("INSERT INTO vendor_categories (vendor_id, category) VALUES (?, ?)");
  const sector = q("INSERT INTO vendor_sectors (vendor_id, sector) VALUES (?, ?)");
  const pkg = q(`INSERT INTO service_packages (id, vendor_id, name, category, price_from, price_to, unit, included,
    created_at) VALUES (?, ?, ?, ?, ?, ?, 'one_off', '', ?)`);
  const need = q(`INSERT INTO needs (id, organisation_id, created_by, title, description, category, sector, budget_min,
    budget_max, desired_start, deadline, requirements, status, published_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`);
  const bid = q(`INSERT INTO bids (id, need_id, vendor_id, submitted_by, status, total, duration_days, approach,
    validity_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 60, '', 60, ?, ?)`);
  const engagement = q(`INSERT INTO engagements (id, need_id, bid_id, sme_id, vendor_id, status, total, awarded_at,
    awarded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const milestone = q(`INSERT INTO engagement_milestones (id, engagement_id, position, title, due_at, amount, status)
    VALUES (?, ?, ?, 'Mốc', ?, ?, ?)`);

  const vendors: { id: string; userId: string; categories: string[] }[] = [];
  const smes: { id: string; userId: string; sector: string }[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < SMES; i++) {
      const id = hex("sme", i);
      const s = pick(SECTORS);
      org.run(id, "sme", `SME ${i}`, `s${i}`, s, null, now);
      user.run(hex("smeu", i), `sme${i}@bench.test`, `SME ${i}`, "sme", id, now);
      smes.push({ id, userId: hex("smeu", i), sector: s });
    }
    for (let i = 0; i < VENDORS; i++) {
      const id = hex("ven", i);
      // 90% vetted; the rest submitted, suspended or expired, which the ranking must leave out.
      const roll = random();
      const status = roll < 0.9 ? "vetted" : roll < 0.95 ? "submitted" : "suspended";
      const expires = roll >= 0.87 && roll < 0.9 ? now - DAY : now + 200 * DAY;
      org.run(id, "vendor", `Vendor ${i}`, `v${i}`, null, status, now);
      const userId = hex("venu", i);
      user.run(userId, `vendor${i}@bench.test`, `Vendor ${i}`, "vendor", id, now);
      const rated = random() < 0.7;
      profile.run(id, now - 100 * DAY, expires, rated ? int(300, 500) : null, rated ? int(1, 60) : 0, now);
      const cats = some(CATEGORIES, 1, 3);
      for (const c of cats) {
        category.run(id, c);
        const from = int(10, 150) * M;
        pkg.run(hex(`pkg${c}`, i), id, `Gói ${c}`, c, from, from + int(0, 100) * M, now);
      }
      for (const s of some(SECTORS, 1, 3)) sector.run(id, s);
      vendors.push({ id, userId, categories: cats });
    }
    const engage = (n: number, status: "completed" | "active") => {
      const sme = pick(smes);
      const vendor = pick(vendors);
      const needId = hex(`need${status[0]}`, n);
      const bidId = hex(`bid${status[0]}`, n);
      const awardedAt = now - int(10, 700) * DAY;
      const budget = int(20, 200) * M;
      need.run(
        needId,
        sme.id,
        sme.userId,
        `Need ${n}`,
        pick(vendor.categories),
        sme.sector,
        budget,
        budget * 2,
        awardedAt,
        awardedAt - 5 * DAY,
        "awarded",
        awardedAt - 20 * DAY,
        awardedAt - 21 * DAY,
        awardedAt,
      );
      bid.run(bidId, needId, vendor.id, vendor.userId, "awarded", budget, awardedAt - 10 * DAY, awardedAt);
      const engagementId = hex(`eng${status[0]}`, n);
      engagement.run(engagementId, needId, bidId, sme.id, vendor.id, status, budget, awardedAt, sme.userId, awardedAt);
      for (let k = 0; k < 2; k++) {
        const dueAt = awardedAt + (k + 1) * 30 * DAY;
        const state = status === "completed" ? "accepted" : dueAt < now && random() < 0.3 ? "pending" : "submitted";
        milestone.run(`${engagementId}-${k}`, engagementId, k, dueAt, budget / 2, state);
      }
    };
    for (let n = 0; n < COMPLETED; n++) engage(n, "completed");
    for (let n = 0; n < ACTIVE; n++) engage(n, "active");
    for (let n = 0; n < OPEN_NEEDS; n++) {
      const sme = pick(smes);
      const budget = int(20, 200) * M;
      need.run(
        hex("open", n),
        sme.id,
        sme.userId,
        `Open need ${n}`,
        pick(CATEGORIES),
        sme.sector,
        budget,
        budget * 2,
        now + 40 * DAY,
        now + int(2, 30) * DAY,
        "open",
        now - DAY,
        now - DAY,
        now,
      );
    }
  })();
  sqlite.exec("ANALYZE");
  const ms = performance.now() - started;
  return { sqlite, vendors, buildMs: ms };
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

function measure(label: string, inputs: readonly unknown[], run: (input: unknown) => number) {
  for (let i = 0; i < WARMUP; i++) run(inputs[i % inputs.length]);
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    size += run(inputs[i % inputs.length]);
    times.push(performance.now() - started);
  }
  const { median, p95 } = summary(times);
  console.log(
    `${label.padEnd(38)} median ${median.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   (${RUNS} runs, ${(size / RUNS).toFixed(1)} results each)`,
  );
}

const { sqlite, vendors, buildMs } = build();
setConnection(sqlite);
const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
console.log(
  `Built ${FILE} in ${(buildMs / 1000).toFixed(1)} s: ${count("organisations")} organisations, ` +
    `${count("engagements")} engagements (${COMPLETED} completed), ${count("engagement_milestones")} milestones, ` +
    `${count("needs")} needs, ${count("service_packages")} packages.`,
);

type NeedRow = { id: string; category: string; sector: string; budgetMin: number; budgetMax: number };
const needs = sqlite
  .prepare(
    `SELECT id, category, sector, budget_min AS budgetMin, budget_max AS budgetMax FROM needs
     WHERE status = 'open' ORDER BY id LIMIT ${RUNS}`,
  )
  .all() as NeedRow[];
const candidateCount = (n: NeedRow) =>
  (
    sqlite
      .prepare("SELECT count(DISTINCT vendor_id) AS n FROM vendor_categories WHERE category = ?")
      .get(n.category) as { n: number }
  ).n;
console.log(`Vendors offering a need's category (before related ones and vetting): ~${candidateCount(needs[0]!)}`);

measure("rank vendors for one need (top 10)", needs, (n) => rankVendorsForNeed(n as never).length);
const sample = vendors.filter((_, i) => i % 197 === 0).slice(0, RUNS);
measure(
  "rank needs for one vendor (top 10)",
  sample,
  (v) => recommendedNeedsForVendor((v as { id: string }).id, { limit: 10 }).needs.length,
);
sqlite.close();
