/**
 * The scale benchmark's databases (issue 14): 5,000 vetted vendors, 20,000 SMEs, 100,000 needs,
 * 500,000 bids and 30,000 engagements — with milestones, reviews, incidents, assessments and the
 * flags the app's own engine raises on them — and the same at 1% scale. Rows go in through bulk SQL
 * inside big transactions; every derived table (full-text search, counters, health) is then made by
 * `rebuildDerived`, which calls the app's own functions. Deterministic (seeded), built once and kept
 * under .cache/bench/scale/ until the migrations or this file change (REBUILD=1 forces it).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type Database from "better-sqlite3";
import { drizzleFor, openSqlite, setConnection, type DB } from "../../db/client.server";
import { MIGRATIONS_FOLDER, runMigrations } from "../../db/migrate";
import { CATEGORIES, SECTORS } from "../../app/lib/reference";
import { DAY_MS } from "../../app/lib/local-date";
import { overallRating, ratingX100 } from "../../app/lib/delivery-rules";
import { searchText } from "../../app/lib/search-text";
import { refreshVendorSearch } from "../../app/models/dossier.server";
import { repairHealth, sweep, type SweepSlice } from "../../app/models/flags.server";
import { rebuildVendorStats } from "../../app/models/vendor-stats.server";
import { ensureStaffOrganisations } from "../../app/models/staff-accounts.server";
import { seededRandom } from "../seeded-random";

export const CACHE_DIR = path.resolve(".cache/bench/scale");
const DAY = DAY_MS;
const M = 1_000_000;

/** The full scale of issue 14; the small database is the same at `scale` 0.01. */
export const FULL = { vendors: 5_000, smes: 20_000, needs: 100_000, bids: 500_000, engagements: 30_000 };

export type Scale = "full" | "small";
export const SCALES: Record<Scale, number> = { full: 1, small: 0.01 };

/** Who the benchmark signs in as, and the subjects of the pages with an id. */
export type Fixture = {
  file: string;
  scale: Scale;
  builtAt: number;
  counts: Record<string, number>;
  staffUserId: string;
  /** An SME owner and its open need with 20 bids (the owner's need page, compare, matches). */
  ownerUserId: string;
  ownerNeedId: string;
  /** A vetted vendor with a history (the vendor home, the needs list as a vendor). */
  vendorUserId: string;
  /** Open needs and vetted vendors' users for the write load's bids (no live bid between them). */
  openNeedIds: string[];
  bidderUserIds: string[];
};

const WORDS = [
  "phần mềm kế toán",
  "quản lý bán hàng",
  "hóa đơn điện tử",
  "chuyển đổi số",
  "quản lý kho",
  "website bán hàng",
  "chữ ký số",
  "quản lý nhân sự",
  "tính lương",
  "tiếp thị trực tuyến",
  "máy chủ đám mây",
  "an toàn thông tin",
  "báo cáo thuế",
  "ứng dụng di động",
  "phân tích dữ liệu",
  "quản lý khách hàng",
];

const hex = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(8, "0")}`;
const vendorUser = (i: number) => hex("venu", i);
const smeUser = (i: number) => hex("smeu", i);

/** The cache key: the migrations and this builder; a change to either builds the databases anew. */
function cacheKey(): string {
  const h = crypto.createHash("sha256");
  h.update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json")));
  h.update(fs.readFileSync(new URL(import.meta.url)));
  return h.digest("hex").slice(0, 16);
}

/**
 * Every derived table, rebuilt from the rows it derives from with the app's own functions: the
 * directory's and the needs' full-text search, the users' search text, the vendors' ratings and the
 * engagements' health rank and the vendors' maintained track records (vendor_stats).
 */
export async function rebuildDerived(sqlite: Database.Database, db: DB, now = Date.now()) {
  sqlite.function("kns_search_text", { deterministic: true }, (s: unknown) => searchText(String(s ?? "")));
  db.transaction((tx) => {
    // The directory's search rows: the dossier model's own function, one vendor at a time.
    const vendorIds = sqlite.prepare("SELECT id FROM organisations WHERE kind = 'vendor'").pluck().all() as string[];
    for (const id of vendorIds) refreshVendorSearch(tx, id);
  });
  sqlite.transaction(() => {
    // The needs' search rows: the body needs.server.ts writes (title, description, requirements,
    // folded), for the needs that can still be found only (drafts and open needs before their
    // deadline: ADR 012).
    sqlite.exec("DELETE FROM needs_fts");
    sqlite
      .prepare(
        `INSERT INTO needs_fts (need_id, body)
        SELECT id, kns_search_text(title || ' ' || description || ' ' || requirements) FROM needs
        WHERE status IN ('draft', 'open') AND deadline > ?`,
      )
      .run(now);
    // The admin's user search text (users.server.ts: name, email, organisation, folded).
    sqlite.exec(`UPDATE users SET search_text = kns_search_text(users.name || ' ' || users.email || ' ' ||
      (SELECT legal_name FROM organisations o WHERE o.id = users.organisation_id))`);
    // The vendors' ratings from their reviews (reviews.server.ts's refreshVendorRating).
    const reviews = sqlite
      .prepare("SELECT vendor_id AS v, quality, schedule, value, communication FROM reviews ORDER BY vendor_id")
      .all() as { v: string; quality: number; schedule: number; value: number; communication: number }[];
    const byVendor = new Map<string, number[]>();
    for (const r of reviews) {
      const list = byVendor.get(r.v) ?? [];
      list.push(overallRating(r));
      byVendor.set(r.v, list);
    }
    const rate = sqlite.prepare(
      "UPDATE vendor_profiles SET rating_avg_x100 = ?, rating_count = ? WHERE organisation_id = ?",
    );
    for (const [v, list] of byVendor) rate.run(ratingX100(list), list.length, v);
  })();
  // Each engagement's health rank from its flags (the flag engine's repair).
  await repairHealth(db);
  // The vendors' maintained track records (vendor_stats, ADR 012), from scratch.
  rebuildVendorStats(db, now);
}

function insertAll(sqlite: Database.Database, scale: number, now: number) {
  const { random, int, pick } = seededRandom(20261130);
  const n = (full: number, min = 1) => Math.max(min, Math.round(full * scale));
  const VENDORS = n(FULL.vendors, 40);
  const SMES = n(FULL.smes, 40);
  const NEEDS = n(FULL.needs, 200);
  const ENGAGEMENTS = n(FULL.engagements, 20);
  const BIDS_PER_NEED = FULL.bids / FULL.needs;
  const q = (text: string) => sqlite.prepare(text);
  const org = q(`INSERT INTO organisations (id, kind, legal_name, tax_code, sector, size_class, vendor_status,
    employees, city, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'TP. Hồ Chí Minh', ?)`);
  const user = q(`INSERT INTO users (id, email, name, password_hash, role, organisation_id, search_text,
    email_verified_at, created_at) VALUES (?, ?, ?, 'x', ?, ?, '', ?, ?)`);
  const profile = q(`INSERT INTO vendor_profiles (organisation_id, description, year_founded, team_size,
    contact_name, contact_email, submitted_at, vetted_at, vetting_expires_at, vetted_by, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'HCA', ?)`);
  const category = q("INSERT INTO vendor_categories (vendor_id, category) VALUES (?, ?)");
  const sector = q("INSERT INTO vendor_sectors (vendor_id, sector) VALUES (?, ?)");
  const pkg = q(`INSERT INTO service_packages (id, vendor_id, name, category, price_from, price_to, unit, included,
    created_at) VALUES (?, ?, ?, ?, ?, ?, 'one_off', 'Cài đặt, đào tạo, hỗ trợ 12 tháng', ?)`);
  const vetting = q(`INSERT INTO vetting_events (id, vendor_id, event, actor_id, at) VALUES (?, ?, ?, ?, ?)`);
  const assessment = q(`INSERT INTO assessments (id, organisation_id, user_id, questionnaire_id, status, level,
    total_score, started_at, updated_at, completed_at) VALUES (?, ?, ?, 'dbi-2021', 'completed', ?, ?, ?, ?, ?)`);
  const need = q(`INSERT INTO needs (id, organisation_id, created_by, title, description, category, sector, budget_min,
    budget_max, desired_start, deadline, requirements, status, published_at, closed_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const bid = q(`INSERT INTO bids (id, need_id, vendor_id, submitted_by, status, total, duration_days, approach,
    validity_days, created_at, updated_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, 90, ?, 60, ?, ?, ?)`);
  const bidMilestone = q(`INSERT INTO bid_milestones (id, bid_id, position, title, due_offset_days, amount)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const engagement = q(`INSERT INTO engagements (id, need_id, bid_id, sme_id, vendor_id, status, total, awarded_at,
    awarded_by, completed_at, last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = q(`INSERT INTO engagement_events (engagement_id, kind, actor_id, at) VALUES (?, ?, ?, ?)`);
  const milestone = q(`INSERT INTO engagement_milestones (id, engagement_id, position, title, due_at, amount, status,
    first_submitted_at, submitted_at, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const review = q(`INSERT INTO reviews (id, engagement_id, vendor_id, sme_id, quality, schedule, value, communication,
    recommend, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Làm việc chuyên nghiệp, đúng hẹn.', ?)`);
  const incident = q(`INSERT INTO incidents (id, engagement_id, raised_by, raised_by_side, category, description,
    status, resolved_at, created_at) VALUES (?, ?, ?, 'sme', 'delay', 'Chậm tiến độ', ?, ?, ?)`);
  const notification = q(`INSERT INTO notifications (id, user_id, kind, params, link, created_at, read_at)
    VALUES (?, ?, 'bid_received', '{}', ?, ?, ?)`);

  const span = 3 * 365 * DAY;
  const phrase = () => `${pick(WORDS)}, ${pick(WORDS)} và ${pick(WORDS)}`;

  ensureStaffOrganisations(drizzleFor(sqlite));
  const hca = sqlite.prepare("SELECT id FROM organisations WHERE staff_code = 'HCA'").pluck().get() as string;
  const staffUserId = "staff-bench";
  user.run(staffUserId, "staff@bench.test", "Cán bộ HCA", "staff", hca, now, now);

  const vendors: { id: string; userId: string; categories: string[] }[] = [];
  for (let i = 0; i < VENDORS; i++) {
    const id = hex("ven", i);
    const created = now - int(60, span / DAY) * DAY;
    org.run(
      id,
      "vendor",
      `Công ty Công nghệ ${i}`,
      `03${String(i).padStart(8, "0")}`,
      null,
      null,
      "vetted",
      int(5, 200),
      created,
    );
    user.run(vendorUser(i), `vendor${i}@bench.test`, `Nhà cung cấp ${i}`, "vendor", id, created, created);
    const vetted = created + 20 * DAY;
    profile.run(
      id,
      `Chuyên ${phrase()} cho doanh nghiệp nhỏ.`,
      2005 + int(0, 18),
      int(5, 200),
      `Liên hệ ${i}`,
      `contact${i}@bench.test`,
      created + 10 * DAY,
      vetted,
      now + int(30, 700) * DAY,
      now,
    );
    vetting.run(hex("vets", i), id, "submitted", vendorUser(i), created + 10 * DAY);
    vetting.run(hex("veta", i), id, "approved", staffUserId, vetted);
    const cats = [...new Set([pick(CATEGORIES), pick(CATEGORIES), pick(CATEGORIES)])];
    cats.forEach((c, k) => {
      category.run(id, c);
      const from = int(10, 150) * M;
      pkg.run(hex(`pk${k}`, i), id, `Gói ${pick(WORDS)}`, c, from, from + int(0, 100) * M, created);
    });
    for (const s of new Set([pick(SECTORS), pick(SECTORS)])) sector.run(id, s);
    vendors.push({ id, userId: vendorUser(i), categories: cats });
  }

  const smes: { id: string; userId: string; sector: string }[] = [];
  for (let i = 0; i < SMES; i++) {
    const id = hex("sme", i);
    const s = pick(SECTORS);
    const created = now - int(30, span / DAY) * DAY;
    org.run(
      id,
      "sme",
      `Doanh nghiệp ${i}`,
      `01${String(i).padStart(8, "0")}`,
      s,
      pick(["micro", "small", "medium"]),
      null,
      int(3, 150),
      created,
    );
    user.run(smeUser(i), `sme${i}@bench.test`, `Chủ doanh nghiệp ${i}`, "sme", id, created, created);
    for (let k = 0; k < 2; k++) {
      const at = created + int(1, 700) * DAY;
      if (at < now) assessment.run(hex(`as${k}`, i), id, smeUser(i), int(0, 5), int(10, 100), at - DAY, at, at);
    }
    smes.push({ id, userId: smeUser(i), sector: s });
  }

  // The needs, newest last; the first ten are the owner's open needs with 20 bids each.
  let engagements = 0;
  let bids = 0;
  for (let k = 0; k < NEEDS; k++) {
    const anchor = k < 10;
    const sme = anchor ? smes[0]! : pick(smes);
    const published = anchor ? now - 3 * DAY : now - int(1, span / DAY) * DAY - int(0, DAY);
    const deadline = published + (anchor ? 20 : 14) * DAY;
    const closed = deadline <= now;
    const roll = random();
    // What a person last made it: a need nobody closed keeps `open` past its deadline (about 15%,
    // the 15,000 long expired), a few wait for the SME's decision (`evaluating`).
    const status = !closed
      ? "open"
      : roll < 0.33
        ? "awarded"
        : roll < 0.43
          ? "cancelled"
          : roll < 0.58
            ? "open"
            : roll < 0.9
              ? "expired"
              : "evaluating";
    const needId = hex("need", k);
    const budget = int(20, 200) * M;
    const cat = pick(CATEGORIES);
    need.run(
      needId,
      sme.id,
      sme.userId,
      `Cần ${pick(WORDS)} cho ${sme.id.slice(-4)}`,
      `Doanh nghiệp cần ${phrase()}.`,
      cat,
      sme.sector,
      budget,
      budget * 2,
      deadline + 10 * DAY,
      deadline,
      `Yêu cầu: ${pick(WORDS)}.`,
      status,
      published,
      status === "evaluating" ? deadline : null,
      published - DAY,
      published,
    );
    // About BIDS_PER_NEED bids a need on average: fewer on a cancelled one.
    const count = anchor ? 20 : status === "cancelled" ? int(0, 3) : int(3, 2 * BIDS_PER_NEED - 2);
    const bidders = new Set<number>();
    while (bidders.size < Math.min(count, vendors.length)) bidders.add(int(0, vendors.length - 1));
    let b = 0;
    let winner: { bidId: string; vendorId: string; total: number } | null = null;
    const recent = now - published < 60 * DAY;
    for (const v of bidders) {
      const vendor = vendors[v]!;
      const bidId = `${needId}-b${b}`;
      const total = budget + int(-10, 30) * M;
      const withdrawn = !anchor && random() < 0.05;
      const bidStatus = withdrawn
        ? "withdrawn"
        : status === "awarded"
          ? b === 0
            ? "awarded"
            : "not_selected"
          : "submitted";
      bid.run(
        bidId,
        needId,
        vendor.id,
        vendor.userId,
        bidStatus,
        total,
        `Phương án: ${phrase()}.`,
        published + DAY,
        published + DAY,
        withdrawn ? published + 2 * DAY : null,
      );
      if (recent || anchor) {
        bidMilestone.run(`${bidId}-1`, bidId, 0, "Khảo sát và cài đặt", 30, Math.floor(total / 2));
        bidMilestone.run(`${bidId}-2`, bidId, 1, "Đào tạo và bàn giao", 90, total - Math.floor(total / 2));
      }
      if (bidStatus === "awarded") winner = { bidId, vendorId: vendor.id, total };
      bids += 1;
      b += 1;
    }
    if (bidders.size > 0 && random() < 0.3) {
      notification.run(`${needId}-n`, sme.userId, `/needs/${needId}`, published + DAY, random() < 0.5 ? now : null);
    }
    if (!winner || engagements >= ENGAGEMENTS) continue;
    const awardedAt = deadline + int(1, 10) * DAY;
    if (awardedAt >= now) continue;
    const completedAt = awardedAt + 75 * DAY < now && random() < 0.85 ? awardedAt + int(60, 75) * DAY : null;
    const terminated = !completedAt && awardedAt + 75 * DAY < now;
    const engStatus = completedAt ? "completed" : terminated ? "terminated" : "active";
    const engagementId = hex("eng", engagements++);
    const lastActivity =
      completedAt ?? (terminated ? awardedAt + 30 * DAY : Math.min(now, awardedAt + int(0, 40) * DAY));
    engagement.run(
      engagementId,
      needId,
      winner.bidId,
      sme.id,
      winner.vendorId,
      engStatus,
      winner.total,
      awardedAt,
      sme.userId,
      completedAt,
      lastActivity,
      awardedAt,
    );
    event.run(engagementId, "awarded", sme.userId, awardedAt);
    for (let p = 0; p < 3; p++) {
      const due = awardedAt + (p + 1) * 20 * DAY;
      const done = completedAt !== null || (due < now && random() < 0.75);
      const first = done ? due + int(-5, 4) * DAY : null;
      milestone.run(
        `${engagementId}-m${p}`,
        engagementId,
        p,
        `Mốc ${p + 1}`,
        due,
        Math.floor(winner.total / 3),
        done ? "accepted" : "pending",
        first,
        first,
        done ? first! + 2 * DAY : null,
      );
    }
    if (completedAt) {
      event.run(engagementId, "completed", sme.userId, completedAt);
      if (random() < 0.8) {
        review.run(
          `${engagementId}-r`,
          engagementId,
          winner.vendorId,
          sme.id,
          int(2, 5),
          int(2, 5),
          int(2, 5),
          int(2, 5),
          int(5, 10),
          completedAt + DAY,
        );
      }
    }
    if (random() < 0.08) {
      const raised = awardedAt + 10 * DAY;
      const resolved = raised + 7 * DAY < now && random() < 0.8 ? raised + int(1, 7) * DAY : null;
      incident.run(`${engagementId}-i`, engagementId, sme.userId, resolved ? "resolved" : "open", resolved, raised);
    }
  }

  // The write load's pairs: open needs (not the owner's) and vendors who may bid on them.
  const openNeedIds = sqlite
    .prepare("SELECT id FROM needs WHERE status = 'open' AND deadline > ? AND organisation_id <> ? ORDER BY id")
    .pluck()
    .all(now + DAY, smes[0]!.id) as string[];
  const vendorWithHistory = sqlite
    .prepare("SELECT vendor_id FROM engagements GROUP BY vendor_id ORDER BY count(*) DESC, vendor_id LIMIT 1")
    .pluck()
    .get() as string;
  return {
    staffUserId,
    ownerUserId: smes[0]!.userId,
    ownerNeedId: hex("need", 0),
    vendorUserId: vendors.find((v) => v.id === vendorWithHistory)!.userId,
    openNeedIds,
    bidderUserIds: vendors.slice(-Math.min(200, vendors.length)).map((v) => v.userId),
    bids,
  };
}

/** The sweep's progress while building: each step's slices and time, as a step ends. */
function progress() {
  let step = "";
  let slices = 0;
  let subjects = 0;
  let since = performance.now();
  const report = () => {
    if (step)
      console.log(`    ${step}: ${subjects} in ${slices} slices, ${((performance.now() - since) / 1000).toFixed(1)} s`);
  };
  return (slice: SweepSlice) => {
    if (slice.step !== step) {
      report();
      step = slice.step;
      slices = 0;
      subjects = 0;
      since = performance.now();
    }
    slices += 1;
    subjects += slice.size;
    if (slices % 50 === 0) report();
  };
}

/** Builds one database (rows, flags by the app's engine, then every derived table). */
async function build(scale: Scale, file: string): Promise<Fixture> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const sqlite = openSqlite(file);
  sqlite.pragma("synchronous = OFF");
  // The sweep logs every staff email it queues: thousands of lines nobody reads while building.
  process.env.LOG_LEVEL = "silent";
  runMigrations(sqlite);
  setConnection(sqlite);
  const db = drizzleFor(sqlite);
  // Data is made "now": every date is relative to the build, and the benchmark reads it soon after.
  const now = Date.now();
  const t0 = performance.now();
  const fixture = sqlite.transaction(() => insertAll(sqlite, SCALES[scale], now))();
  // The planner's statistics, as a deployed server has them (it runs `optimizeDatabase` at start).
  sqlite.exec("ANALYZE");
  const t1 = performance.now();
  // The flags as the app's engine raises them on this data (it also sets each engagement's health).
  const swept = await sweep(now, { onSlice: progress() });
  const t2 = performance.now();
  await rebuildDerived(sqlite, db, now);
  sqlite.exec("ANALYZE");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const t3 = performance.now();
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const counts = Object.fromEntries(
    [
      "organisations",
      "users",
      "needs",
      "bids",
      "engagements",
      "engagement_milestones",
      "reviews",
      "flags",
      "assessments",
      "incidents",
    ].map((t) => [t, count(t)]),
  );
  sqlite.close();
  console.log(
    `  ${scale}: rows ${((t1 - t0) / 1000).toFixed(1)} s, flag sweep ${((t2 - t1) / 1000).toFixed(1)} s ` +
      `(${swept.raised} raised), derived ${((t3 - t2) / 1000).toFixed(1)} s`,
  );
  const { bids: _bids, ...rest } = fixture;
  return { file, scale, builtAt: now, counts, ...rest };
}

/** The two databases, from the cache when the migrations and this builder are unchanged. */
export async function benchDatabases(rebuild = false): Promise<Record<Scale, Fixture>> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const key = cacheKey();
  const manifest = path.join(CACHE_DIR, "manifest.json");
  if (!rebuild && fs.existsSync(manifest)) {
    const saved = JSON.parse(fs.readFileSync(manifest, "utf8")) as { key: string; fixtures: Record<Scale, Fixture> };
    if (saved.key === key && Object.values(saved.fixtures).every((f) => fs.existsSync(f.file))) {
      console.log(`Databases from the cache (${CACHE_DIR}; REBUILD=1 builds them anew).`);
      return saved.fixtures;
    }
  }
  console.log("Building the benchmark databases (once; kept under .cache/bench/scale) …");
  const started = performance.now();
  const small = await build("small", path.join(CACHE_DIR, "small.db"));
  const full = await build("full", path.join(CACHE_DIR, "full.db"));
  const fixtures = { full, small };
  fs.writeFileSync(manifest, JSON.stringify({ key, fixtures }, null, 1));
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return fixtures;
}
