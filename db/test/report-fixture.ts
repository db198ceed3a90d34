/**
 * A small programme with known answers for the report tests (app/models/reports.server.test.ts
 * works every figure out by hand from this). Dates are local (Ho Chi Minh City) days of 2024–2025;
 * the period under test is 01/2025–06/2025 and "now" is 15/12/2025.
 */
import crypto from "node:crypto";
import { getSqlite } from "../client.server";
import { DAY_MS } from "../../app/lib/local-date";

const DAY = DAY_MS;
const M = 1_000_000;
/** 10:00 local time on the day, or the given local hour. */
export const local = (date: string, hour = 10) => Date.parse(`${date}T00:00:00Z`) + (hour - 7) * 3_600_000;
export const NOW = local("2025-12-15");

let n = 0;
const id = (prefix: string) => `${prefix}-${++n}-${crypto.randomUUID().slice(0, 8)}`;

type Org = { id: string; userId: string };

function org(
  kind: "sme" | "vendor",
  opts: { sector?: string | null; createdAt?: number; sizeClass?: string | null; vendorStatus?: string; name?: string },
): Org {
  const db = getSqlite();
  const orgId = id(kind);
  db.prepare(
    `INSERT INTO organisations (id, kind, legal_name, tax_code, sector, size_class, vendor_status, created_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?)`,
  ).run(
    orgId,
    kind,
    opts.name ?? `Công ty ${orgId}`,
    opts.sector ?? null,
    opts.sizeClass ?? null,
    kind === "vendor" ? (opts.vendorStatus ?? "draft") : null,
    opts.createdAt ?? local("2024-01-01"),
  );
  const userId = id("user");
  db.prepare(
    `INSERT INTO users (id, email, name, password_hash, role, organisation_id, search_text, created_at)
     VALUES (?, ?, ?, 'x', ?, ?, '', ?)`,
  ).run(userId, `${userId}@report.test`, `Người ${userId}`, kind, orgId, opts.createdAt ?? local("2024-01-01"));
  return { id: orgId, userId };
}

export function assessment(sme: Org, level: number, completedAt: number, status: "completed" | "draft" = "completed") {
  getSqlite()
    .prepare(
      `INSERT INTO assessments (id, organisation_id, user_id, questionnaire_id, status, answers, step, level, total_score,
        started_at, updated_at, completed_at) VALUES (?, ?, ?, 'dbi-2021', ?, '{}', 0, ?, ?, ?, ?, ?)`,
    )
    .run(
      id("a"),
      sme.id,
      sme.userId,
      status,
      status === "completed" ? level : null,
      status === "completed" ? level * 50 : null,
      completedAt - DAY,
      completedAt,
      status === "completed" ? completedAt : null,
    );
}

function vendor(
  status: string,
  opts: { expiresAt?: number; categories?: string[]; sectors?: string[]; approvals?: number[]; name?: string },
): Org {
  const v = org("vendor", { vendorStatus: status, name: opts.name });
  const db = getSqlite();
  db.prepare(
    `INSERT INTO vendor_profiles (organisation_id, vetted_at, vetting_expires_at, updated_at) VALUES (?, ?, ?, ?)`,
  ).run(v.id, opts.expiresAt ? opts.expiresAt - 365 * DAY : null, opts.expiresAt ?? null, NOW);
  for (const c of opts.categories ?? []) db.prepare("INSERT INTO vendor_categories VALUES (?, ?)").run(v.id, c);
  for (const s of opts.sectors ?? []) db.prepare("INSERT INTO vendor_sectors VALUES (?, ?)").run(v.id, s);
  for (const at of opts.approvals ?? []) {
    db.prepare("INSERT INTO vetting_events (id, vendor_id, event, actor_id, at) VALUES (?, ?, 'approved', ?, ?)").run(
      id("ve"),
      v.id,
      v.userId,
      at,
    );
  }
  return v;
}

function need(
  sme: Org,
  opts: { sector: string; category?: string; status: string; publishedAt: number | null; deadline?: number },
) {
  const needId = id("need");
  getSqlite()
    .prepare(
      `INSERT INTO needs (id, organisation_id, created_by, title, description, category, sector, budget_min, budget_max,
        desired_start, deadline, requirements, status, published_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'Mô tả', ?, ?, 10000000, 500000000, ?, ?, '', ?, ?, ?, ?)`,
    )
    .run(
      needId,
      sme.id,
      sme.userId,
      `Nhu cầu ${needId}`,
      opts.category ?? "accounting",
      opts.sector,
      NOW,
      opts.deadline ?? (opts.publishedAt ?? NOW) + 10 * DAY,
      opts.status,
      opts.publishedAt,
      opts.publishedAt ?? NOW,
      NOW,
    );
  return needId;
}

function bid(needId: string, v: Org, status: string, total = 100 * M) {
  const bidId = id("bid");
  getSqlite()
    .prepare(
      `INSERT INTO bids (id, need_id, vendor_id, submitted_by, status, total, duration_days, approach, validity_days,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 60, 'Cách làm', 60, ?, ?)`,
    )
    .run(bidId, needId, v.id, v.userId, status, total, NOW, NOW);
  return bidId;
}

/** A vendor that only bids and loses: bids need a vendor other than the winner. */
let loser: Org | null = null;

function engagement(
  sme: Org,
  v: Org,
  opts: {
    sector: string;
    category: string;
    publishedAt: number;
    awardedAt: number;
    total: number;
    status: "active" | "completed" | "terminated";
    completedAt?: number;
    terminatedAt?: number;
    losingBids?: ("not_selected" | "withdrawn")[];
  },
) {
  const needId = need(sme, {
    sector: opts.sector,
    category: opts.category,
    status: "awarded",
    publishedAt: opts.publishedAt,
    deadline: opts.awardedAt - DAY,
  });
  const bidId = bid(needId, v, "awarded", opts.total);
  loser ??= vendor("vetted", { expiresAt: NOW - 400 * DAY, name: "Nhà thầu thua" });
  for (const status of opts.losingBids ?? []) bid(needId, loser, status);
  const engagementId = id("eng");
  getSqlite()
    .prepare(
      `INSERT INTO engagements (id, need_id, bid_id, sme_id, vendor_id, status, total, awarded_at, awarded_by,
        completed_at, terminated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      engagementId,
      needId,
      bidId,
      sme.id,
      v.id,
      opts.status,
      opts.total,
      opts.awardedAt,
      sme.userId,
      opts.completedAt ?? null,
      opts.terminatedAt ?? null,
      opts.awardedAt,
    );
  return { id: engagementId, needId, sme, vendor: v };
}

export function milestone(
  engagementId: string,
  dueAt: number,
  status: "pending" | "submitted" | "accepted" | "changes_requested",
  firstSubmittedAt: number | null,
) {
  getSqlite()
    .prepare(
      `INSERT INTO engagement_milestones (id, engagement_id, position, title, due_at, amount, status, first_submitted_at,
        submitted_at, accepted_at) VALUES (?, ?, 0, 'Mốc', ?, 1000000, ?, ?, ?, ?)`,
    )
    .run(
      id("m"),
      engagementId,
      dueAt,
      status,
      firstSubmittedAt,
      firstSubmittedAt,
      status === "accepted" ? dueAt : null,
    );
}

function review(e: { id: string; sme: Org; vendor: Org }, marks: [number, number, number, number], createdAt: number) {
  getSqlite()
    .prepare(
      `INSERT INTO reviews (id, engagement_id, vendor_id, sme_id, quality, schedule, value, communication, recommend,
        comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 9, 'Tốt', ?)`,
    )
    .run(id("r"), e.id, e.vendor.id, e.sme.id, ...marks, createdAt);
}

function incident(e: { id: string; sme: Org }, createdAt: number, resolvedAt: number | null) {
  getSqlite()
    .prepare(
      `INSERT INTO incidents (id, engagement_id, raised_by, raised_by_side, category, description, status, resolved_at,
        created_at) VALUES (?, ?, ?, 'sme', 'delay', 'Chậm', ?, ?, ?)`,
    )
    .run(id("i"), e.id, e.sme.userId, resolvedAt ? "resolved" : "open", resolvedAt, createdAt);
}

/** Builds the programme; returns the organisations and engagements by their names in the tests. */
export function buildReportFixture() {
  // Test files share one module graph, each with its own database: nothing made for another file's.
  loser = null;
  // SMEs. S2 registered at 20:00 on 31/01 local time, S3 at 03:00 on 01/02 (still 31/01 in UTC).
  const S1 = org("sme", { sector: "healthcare", createdAt: local("2025-01-05"), sizeClass: "small" });
  const S2 = org("sme", { sector: "healthcare", createdAt: local("2025-01-31", 20), sizeClass: "micro" });
  const S3 = org("sme", { sector: "retail_trade", createdAt: local("2025-02-01", 3), sizeClass: "medium" });
  const S4 = org("sme", { sector: "retail_trade", createdAt: local("2025-03-10"), sizeClass: "small" });
  const S5 = org("sme", { sector: "education", createdAt: local("2024-12-20"), sizeClass: null });
  const S6 = org("sme", { sector: "education", createdAt: local("2025-07-02") });

  assessment(S1, 1, local("2024-11-01"));
  assessment(S1, 3, local("2025-04-10"));
  assessment(S2, 2, local("2025-01-20"));
  assessment(S2, 5, local("2025-02-20"), "draft");
  assessment(S3, 1, local("2025-02-15"));
  assessment(S3, 2, local("2025-05-20"));
  assessment(S5, 0, local("2025-03-01"));
  assessment(S5, 4, local("2025-06-28"));

  // Vendors: V1 and V2 vetted (V2's vetting ends within 30 days), V3 suspended, V4 expired, V5 a draft.
  const V1 = vendor("vetted", {
    name: "Công ty Phần mềm Một",
    expiresAt: local("2026-06-01"),
    categories: ["accounting", "erp"],
    sectors: ["healthcare", "retail_trade"],
    approvals: [local("2025-02-10")],
  });
  const V2 = vendor("vetted", {
    name: "Công ty Giải pháp Hai",
    expiresAt: local("2026-01-05"),
    categories: ["crm"],
    sectors: ["retail_trade"],
    approvals: [local("2024-01-05"), local("2025-01-05")],
  });
  const V3 = vendor("suspended", {
    name: "Công ty Ba",
    expiresAt: local("2026-03-01"),
    categories: ["accounting"],
    sectors: ["healthcare"],
    approvals: [local("2024-06-01")],
  });
  vendor("vetted", { expiresAt: local("2025-11-01"), categories: ["erp"] });
  vendor("draft", { categories: ["crm"] });

  const E1 = engagement(S1, V1, {
    sector: "healthcare",
    category: "accounting",
    publishedAt: local("2024-11-10"),
    awardedAt: local("2024-12-01"),
    total: 100 * M,
    status: "completed",
    completedAt: local("2025-03-01"),
  });
  const E2 = engagement(S3, V1, {
    sector: "retail_trade",
    category: "erp",
    publishedAt: local("2025-02-01"),
    awardedAt: local("2025-02-20"),
    total: 200 * M,
    status: "completed",
    completedAt: local("2025-04-01"),
    losingBids: ["not_selected"],
  });
  const E3 = engagement(S5, V1, {
    sector: "education",
    category: "accounting",
    publishedAt: local("2025-02-10"),
    awardedAt: local("2025-03-05"),
    total: 50 * M,
    status: "completed",
    completedAt: local("2025-05-01"),
  });
  const E4 = engagement(S2, V2, {
    sector: "healthcare",
    category: "crm",
    publishedAt: local("2025-01-10"),
    awardedAt: local("2025-02-01"),
    total: 80 * M,
    status: "completed",
    completedAt: local("2025-05-05"),
    losingBids: ["not_selected", "withdrawn"],
  });
  const E5 = engagement(S3, V2, {
    sector: "retail_trade",
    category: "crm",
    publishedAt: local("2025-02-15"),
    awardedAt: local("2025-03-01"),
    total: 120 * M,
    status: "completed",
    completedAt: local("2025-04-15"),
  });
  const E6 = engagement(S4, V3, {
    sector: "retail_trade",
    category: "accounting",
    publishedAt: local("2025-04-01"),
    awardedAt: local("2025-05-01"),
    total: 300 * M,
    status: "active",
    losingBids: ["not_selected"],
  });
  const E7 = engagement(S1, V3, {
    sector: "healthcare",
    category: "accounting",
    publishedAt: local("2024-12-15"),
    awardedAt: local("2025-01-10"),
    total: 40 * M,
    status: "terminated",
    terminatedAt: local("2025-02-10"),
  });

  // Needs without an engagement.
  const N8 = need(S4, {
    sector: "retail_trade",
    status: "open",
    publishedAt: local("2025-06-01"),
    deadline: local("2025-06-20"),
  });
  const N9 = need(S4, {
    sector: "retail_trade",
    status: "open",
    publishedAt: local("2025-06-05"),
    deadline: local("2026-01-10"),
  });
  bid(N9, V1, "submitted");
  bid(N9, V2, "withdrawn");
  const N10 = need(S2, { sector: "healthcare", status: "cancelled", publishedAt: local("2025-01-15") });
  bid(N10, V1, "submitted");
  need(S4, { sector: "retail_trade", status: "expired", publishedAt: local("2025-04-20") });
  need(S4, { sector: "retail_trade", status: "draft", publishedAt: null });
  const N13 = need(S5, {
    sector: "education",
    status: "open",
    publishedAt: local("2025-06-10"),
    deadline: local("2025-06-30"),
  });
  bid(N13, V1, "submitted");

  // Milestones: due in March (two on time, one late), April and May (on time), June (one late,
  // one submitted and not yet decided: not counted), and outside the period.
  milestone(E2.id, local("2025-03-10"), "accepted", local("2025-03-08"));
  milestone(E2.id, local("2025-03-30"), "accepted", local("2025-04-02"));
  milestone(E5.id, local("2025-03-20"), "accepted", local("2025-03-19"));
  milestone(E3.id, local("2025-04-15"), "accepted", local("2025-04-15", 9));
  milestone(E4.id, local("2025-05-01"), "accepted", local("2025-04-29"));
  milestone(E6.id, local("2025-06-01"), "pending", null);
  milestone(E6.id, local("2025-06-20"), "submitted", local("2025-06-18"));
  milestone(E6.id, local("2026-01-30"), "pending", null);
  milestone(E1.id, local("2024-12-20"), "accepted", local("2024-12-19"));

  review(E1, [4, 4, 4, 4], local("2025-03-03"));
  review(E2, [5, 4, 5, 4], local("2025-04-05"));
  review(E3, [3, 3, 3, 3], local("2025-05-03"));

  incident(E6, local("2025-05-10"), local("2025-05-13"));
  incident(E2, local("2025-03-01"), local("2025-03-02", 22));
  incident(E6, local("2025-06-01"), null);
  incident(E7, local("2024-12-01"), local("2024-12-02"));

  return { S1, S2, S3, S4, S5, S6, V1, V2, V3, E1, E2, E3, E4, E5, E6, E7, N8, N9, N10, N13 };
}
