import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getSqlite, openSqlite, schema } from "../../db/client.server";
import { createEngagement, createOpenNeed, createUser, setVendorStanding } from "../../db/test/factories";
import { DAY_MS as DAY } from "~/lib/local-date";
import { rejectedStatus } from "../../db/test/responses";
import { compareNeedMatches, compareVendorRanks, relatedCategories, type MatchScore } from "~/lib/matching";
import type { Category, Sector } from "~/lib/reference";
import { seededRandom } from "../../scripts/seeded-random";
import { invitationOf, invitationsOfNeed, invitationsOfVendor, inviteVendor } from "./invitations.server";
import {
  marketStats,
  matchesForVendors,
  matchScoresForVendors,
  rankVendorsForNeed,
  recommendedNeedsForVendor,
  topVendorsForCategories,
} from "./matching.server";
import { cancelNeed } from "./needs.server";
import { refreshVendorStats } from "./vendor-stats.server";

const M = 1_000_000;
type U = ReturnType<typeof createUser>;
const smeViewer = (u: U) => ({ id: u.id, organisationId: u.organisationId, role: "sme" as const });

/** A vendor with categories, sectors and one package per offered category, in a standing. */
function vendor(
  opts: {
    categories?: Category[];
    sectors?: Sector[];
    price?: [number, number];
    standing?: "vetted" | "suspended" | "submitted" | "expired" | "draft";
    rating?: [number, number];
  } = {},
) {
  const user = createUser({ role: "vendor" });
  const id = user.organisationId;
  const db = getDb();
  const standing = opts.standing ?? "vetted";
  if (standing === "expired") setVendorStanding(id, "vetted", Date.now() - DAY);
  else if (standing !== "draft") setVendorStanding(id, standing);
  for (const category of opts.categories ?? []) {
    db.insert(schema.vendorCategories).values({ vendorId: id, category }).run();
    const [priceFrom, priceTo] = opts.price ?? [60 * M, 90 * M];
    db.insert(schema.servicePackages)
      .values({
        id: crypto.randomUUID(),
        vendorId: id,
        name: `Gói ${category}`,
        category,
        priceFrom,
        priceTo,
        unit: "one_off",
        included: "Cài đặt",
      })
      .run();
  }
  for (const sector of opts.sectors ?? []) db.insert(schema.vendorSectors).values({ vendorId: id, sector }).run();
  if (opts.rating) {
    db.update(schema.vendorProfiles)
      .set({ ratingAvg: opts.rating[0], ratingCount: opts.rating[1] })
      .where(eq(schema.vendorProfiles.organisationId, id))
      .run();
  }
  return { user, id };
}

/** An open need of a category and sector (a new SME unless given). */
function need(category: Category, sector: Sector = "retail_trade", owner?: U, deadlineInDays = 10) {
  const created = createOpenNeed(deadlineInDays, owner);
  getDb()
    .update(schema.needs)
    .set({ category, sector, budgetMin: 50 * M, budgetMax: 100 * M })
    .where(eq(schema.needs.id, created.needId))
    .run();
  return { ...created, need: getDb().select().from(schema.needs).where(eq(schema.needs.id, created.needId)).get()! };
}

/** An engagement of the vendor on an awarded need of `sector`, in `status`, with milestones. */
function engagement(
  vendorId: string,
  vendorUserId: string,
  sector: Sector,
  status: "active" | "completed",
  milestones: { dueInDays: number; status: "pending" | "submitted" | "accepted" }[] = [],
) {
  const { needId, owner } = need("accounting", sector);
  const db = getDb();
  db.update(schema.needs).set({ status: "awarded" }).where(eq(schema.needs.id, needId)).run();
  const bidId = crypto.randomUUID();
  const now = Date.now();
  db.insert(schema.bids)
    .values({
      id: bidId,
      needId,
      vendorId,
      submittedBy: vendorUserId,
      status: "awarded",
      total: 80 * M,
      durationDays: 30,
      approach: "x",
      validityDays: 30,
      updatedAt: now,
    })
    .run();
  const engagementId = crypto.randomUUID();
  db.insert(schema.engagements)
    .values({
      id: engagementId,
      needId,
      bidId,
      smeId: owner.organisationId,
      vendorId,
      status,
      total: 80 * M,
      awardedAt: now - 60 * DAY,
      awardedBy: owner.id,
    })
    .run();
  milestones.forEach((m, position) =>
    db
      .insert(schema.engagementMilestones)
      .values({
        id: crypto.randomUUID(),
        engagementId,
        position,
        title: `Mốc ${position + 1}`,
        dueAt: now + m.dueInDays * DAY,
        amount: M,
        status: m.status,
        // Delivered a day early: on time.
        firstSubmittedAt: m.status === "pending" ? null : now + (m.dueInDays - 1) * DAY,
      })
      .run(),
  );
  // Inserted directly, as a bulk load would: the maintained track record is recomputed after.
  refreshVendorStats(db, vendorId, now);
}

describe("the vendors for a need", () => {
  it("are only vetted, unexpired, unsuspended vendors offering the category or a related one", () => {
    const { need: n } = need("hr_payroll");
    const offers = vendor({ categories: ["hr_payroll"] });
    const related = vendor({ categories: ["erp"] }); // erp ↔ hr_payroll
    const unrelated = vendor({ categories: ["cybersecurity"] });
    const submitted = vendor({ categories: ["hr_payroll"], standing: "submitted" });
    const draft = vendor({ categories: ["hr_payroll"], standing: "draft" });
    const suspended = vendor({ categories: ["hr_payroll"], standing: "suspended" });
    const expired = vendor({ categories: ["hr_payroll"], standing: "expired" });

    const ids = rankVendorsForNeed(n, { limit: 1000 }).map((r) => r.vendorId);
    expect(ids).toContain(offers.id);
    expect(ids).toContain(related.id);
    for (const excluded of [unrelated, submitted, draft, suspended, expired]) expect(ids).not.toContain(excluded.id);
    expect(ids.indexOf(offers.id)).toBeLessThan(ids.indexOf(related.id));
  });

  it("score every part from the data, with reasons, and cap the list at ten", () => {
    const { need: n } = need("e_contract", "logistics");
    const proven = vendor({ categories: ["e_contract"], sectors: ["logistics"], rating: [460, 12] });
    engagement(proven.id, proven.user.id, "logistics", "completed", [
      { dueInDays: -20, status: "accepted" },
      { dueInDays: -5, status: "accepted" },
    ]);
    engagement(proven.id, proven.user.id, "logistics", "completed");
    engagement(proven.id, proven.user.id, "education", "completed"); // another sector: not counted
    engagement(proven.id, proven.user.id, "logistics", "active", [{ dueInDays: -3, status: "pending" }]);
    for (let i = 0; i < 11; i++) vendor({ categories: ["e_contract"] });

    const ranked = rankVendorsForNeed(n);
    expect(ranked).toHaveLength(10);
    const top = ranked[0]!;
    expect(top.vendorId).toBe(proven.id);
    expect(top.parts.category).toBe(35);
    expect(top.parts.price).toBe(15);
    expect(top.reasons).toContainEqual({
      key: "match.reasons.completedInSector",
      values: { count: 2, sector: "logistics" },
    });
    expect(top.reasons).toContainEqual({ key: "match.reasons.rating", values: { rating: 4.6, count: 12 } });
    expect(top.reasons).toContainEqual({ key: "match.reasons.onTime", values: { percent: 67, count: 3 } });
    expect(top.reasons).toContainEqual({ key: "match.reasons.activeEngagements", values: { count: 1 } });
    expect(top.reasons).toContainEqual({ key: "match.reasons.noOpenFlags" });
    expect(top.invited).toBe(false);
  });

  it("are the same list as scoring every candidate in full, however many there are", () => {
    const { random, int, pick } = seededRandom(1407);
    const some = <T>(list: readonly T[], min: number, max: number) => [
      ...new Set(Array.from({ length: int(min, max) }, () => pick(list))),
    ];
    const categories: Category[] = ["accounting", "accounting", "erp", "hr_payroll", "e_invoice", "e_contract", "crm"];
    const sectors: Sector[] = ["logistics", "education", "retail_trade", "manufacturing"];
    const vendors = Array.from({ length: 90 }, () => {
      const from = int(10, 200) * M;
      return vendor({
        categories: some(categories, 1, 3),
        sectors: some(sectors, 0, 2),
        price: [from, from + int(0, 100) * M],
        rating: random() < 0.6 ? [int(250, 500), int(1, 30)] : undefined,
        standing: random() < 0.1 ? pick(["suspended", "expired"] as const) : "vetted",
      });
    });
    // Twins: the same facts, so the list's last places are decided by the id alone.
    for (let i = 0; i < 25; i++)
      vendor({ categories: ["accounting"], sectors: ["logistics"], price: [70 * M, 80 * M] });
    for (const v of vendors.filter(() => random() < 0.25)) {
      for (let i = int(1, 4); i > 0; i--)
        engagement(v.id, v.user.id, pick(sectors), random() < 0.7 ? "completed" : "active");
    }
    // More engagements in a sector than the sector part counts, without declaring it.
    for (const sector of ["logistics", "education"] as const) {
      const veteran = vendor({ categories: ["accounting", "erp"], price: [60 * M, 90 * M], rating: [480, 20] });
      for (let i = 0; i < 5; i++) engagement(veteran.id, veteran.user.id, sector, "completed");
    }
    const now = Date.now();
    for (const v of vendors.filter(() => random() < 0.2)) {
      getDb()
        .insert(schema.flags)
        .values({
          id: crypto.randomUUID(),
          code: "MILESTONE_OVERDUE",
          subjectType: "engagement",
          subjectId: crypto.randomUUID(),
          vendorId: v.id,
          severity: "medium",
          status: "open",
          evidence: "{}",
          raisedAt: now,
          updatedAt: now,
        })
        .run();
    }

    /** The reference: every vetted vendor offering the category or a related one, scored in full and sorted. */
    const inFull = (n: (typeof needs)[number], limit: number) => {
      const offered = [n.category, ...relatedCategories(n.category)];
      const ids = getDb()
        .all<{ id: string }>(
          sql`SELECT DISTINCT vendor_id AS id FROM vendor_categories WHERE category IN (${sql.join(
            offered.map((c) => sql`${c}`),
            sql`, `,
          )})`,
        )
        .map((r) => r.id);
      const completed = new Map(
        getDb()
          .select()
          .from(schema.vendorStats)
          .all()
          .map((r) => [r.vendorId, (JSON.parse(r.completedBySector) as Record<string, number>)[n.sector] ?? 0]),
      );
      return Object.entries(matchesForVendors(n, ids))
        .map(([vendorId, match]) => ({ match: { vendorId, ...match }, completed: completed.get(vendorId) ?? 0 }))
        .sort(compareVendorRanks)
        .slice(0, limit)
        .map((r) => r.match);
    };
    const shown = (r: MatchScore & { vendorId: string }) => ({
      vendorId: r.vendorId,
      score: r.score,
      parts: r.parts,
      reasons: r.reasons,
    });
    const needs = (
      [
        ["accounting", "logistics", 50, 100],
        ["accounting", "education", 150, 300],
        ["erp", "retail_trade", 10, 40],
        ["e_invoice", "manufacturing", 60, 90],
        ["e_contract", "logistics", 100, 120],
        ["crm", "education", 20, 500],
      ] as const
    ).map(([category, sector, min, max]) => {
      const { need: n } = need(category, sector);
      return { ...n, budgetMin: min * M, budgetMax: max * M };
    });
    for (const n of needs) {
      for (const limit of [1, 3, 10, 25, 1000]) {
        const expected = inFull(n, limit);
        expect(expected.length, `${n.category} ${limit}`).toBeGreaterThan(0);
        expect(rankVendorsForNeed(n, { limit }).map(shown), `${n.category} ${n.sector} top ${limit}`).toEqual(
          expected.map(shown),
        );
      }
    }
  });

  it("give the compare page a score for each vetted bidder only", () => {
    const { need: n } = need("iot_manufacturing");
    const a = vendor({ categories: ["iot_manufacturing"] });
    const b = vendor({ categories: ["crm"] });
    const gone = vendor({ categories: ["iot_manufacturing"], standing: "suspended" });
    const scores = matchScoresForVendors(n, [a.id, b.id, gone.id]);
    expect(Object.keys(scores).sort()).toEqual([a.id, b.id].sort());
    expect(scores[a.id]).toBeGreaterThan(scores[b.id]!);
  });

  it("use market statistics from one aggregate, falling back to the priors", () => {
    const stats = marketStats();
    expect(stats.meanRating).toBeGreaterThanOrEqual(1);
    expect(stats.meanRating).toBeLessThanOrEqual(5);
    expect(stats.onTimeRate).toBeGreaterThanOrEqual(0);
    expect(stats.onTimeRate).toBeLessThanOrEqual(1);
  });
});

describe("market figures", () => {
  /** From scratch: inside a transaction the last figures are never reused. */
  const fresh = (now: number) => getDb().transaction(() => marketStats(now));

  it("are reused only while exact: a write, a milestone falling due, a vetting expiring", () => {
    const now = Date.now();
    const { milestoneIds, vendor: v } = createEngagement();
    const first = marketStats(now);
    expect(first).toEqual(fresh(now));
    expect(marketStats(now + 1000)).toEqual(first);

    // A write: a milestone accepted on time.
    getDb()
      .update(schema.engagementMilestones)
      .set({ status: "accepted", firstSubmittedAt: now - DAY })
      .where(eq(schema.engagementMilestones.id, milestoneIds[0]!))
      .run();
    expect(marketStats(now)).toEqual(fresh(now));
    expect(marketStats(now).onTimeRate).not.toBe(first.onTimeRate);

    // Time alone: the second milestone (due in 60 days, never submitted) falls due.
    const later = now + 61 * DAY;
    const before = marketStats(now);
    expect(marketStats(later)).toEqual(fresh(later));
    expect(marketStats(later).onTimeRate).toBeLessThan(before.onTimeRate);

    // Time alone: a rated vendor's vetting expires and its rating leaves the mean.
    getDb()
      .update(schema.vendorProfiles)
      .set({ ratingAvg: 100, ratingCount: 50, vettingExpiresAt: now + 2 * DAY })
      .where(eq(schema.vendorProfiles.organisationId, v.organisationId))
      .run();
    const rated = marketStats(now);
    expect(rated).toEqual(fresh(now));
    expect(marketStats(now + 3 * DAY)).toEqual(fresh(now + 3 * DAY));
    expect(marketStats(now + 3 * DAY).meanRating).toBeGreaterThan(rated.meanRating);
    // An earlier moment than the last figures were read at is read again.
    expect(marketStats(now - DAY)).toEqual(fresh(now - DAY));
  });
});

describe("the market figures' version", () => {
  const version = () => getSqlite().prepare("SELECT n FROM market_version WHERE id = 1").pluck().get() as number;

  it("moves with every write the figures count, and not with a bid", () => {
    const { milestoneIds, vendor: v, engagementId } = createEngagement();
    const moves = (write: () => void) => {
      const before = version();
      write();
      return version() - before;
    };
    const sqlite = getSqlite();
    expect(
      moves(() =>
        sqlite.prepare("UPDATE engagement_milestones SET status = 'submitted' WHERE id = ?").run(milestoneIds[0]),
      ),
    ).toBeGreaterThan(0);
    expect(
      moves(() =>
        sqlite.prepare("UPDATE engagement_milestones SET first_submitted_at = 1 WHERE id = ?").run(milestoneIds[0]),
      ),
    ).toBeGreaterThan(0);
    expect(
      moves(() =>
        sqlite.prepare("UPDATE engagement_milestones SET due_at = due_at + 1 WHERE id = ?").run(milestoneIds[1]),
      ),
    ).toBeGreaterThan(0);
    expect(
      moves(() =>
        sqlite
          .prepare("UPDATE vendor_profiles SET rating_avg_x100 = 400, rating_count = 3 WHERE organisation_id = ?")
          .run(v.organisationId),
      ),
    ).toBeGreaterThan(0);
    expect(
      moves(() =>
        sqlite
          .prepare("UPDATE vendor_profiles SET vetting_expires_at = vetting_expires_at + 1 WHERE organisation_id = ?")
          .run(v.organisationId),
      ),
    ).toBeGreaterThan(0);
    expect(
      moves(() =>
        sqlite.prepare("UPDATE organisations SET vendor_status = 'suspended' WHERE id = ?").run(v.organisationId),
      ),
    ).toBeGreaterThan(0);
    expect(
      moves(() => sqlite.prepare("DELETE FROM engagement_milestones WHERE id = ?").run(milestoneIds[1])),
    ).toBeGreaterThan(0);
    // Writes the figures do not count leave it.
    expect(
      moves(() => sqlite.prepare("UPDATE engagement_milestones SET title = 'Khác' WHERE id = ?").run(milestoneIds[0])),
    ).toBe(0);
    expect(moves(() => sqlite.prepare("UPDATE engagements SET total = total + 1 WHERE id = ?").run(engagementId))).toBe(
      0,
    );
    expect(moves(() => createOpenNeed(5))).toBe(0);
    expect(
      moves(() => sqlite.prepare("UPDATE bids SET total = total + 1 WHERE vendor_id = ?").run(v.organisationId)),
    ).toBe(0);
  });
});

describe("a need's ranked vendors", () => {
  /** From scratch: inside a transaction a kept ranking is never reused. */
  const fresh = (
    n: { id: string; category: Category; sector: Sector; budgetMin: number; budgetMax: number },
    now = Date.now(),
  ) => getDb().transaction(() => rankVendorsForNeed(n, { now }));
  const ids = (list: { vendorId: string }[]) => list.map((v) => v.vendorId);

  it("are reused only while exact: each fact of a candidate written, a vetting expiring, an invitation", async () => {
    const now = Date.now();
    const { need: n, owner } = need("iot_manufacturing", "agriculture");
    const a = vendor({ categories: ["iot_manufacturing"], sectors: ["agriculture"], rating: [450, 8] });
    const b = vendor({ categories: ["iot_manufacturing"], price: [200 * M, 300 * M] });
    const c = vendor({ categories: ["erp"], sectors: ["agriculture"] });
    const check = (at = now) => {
      const kept = rankVendorsForNeed(n, { now: at });
      expect(kept).toEqual(fresh(n, at));
      return kept;
    };
    const first = check();
    expect(ids(first)).toContain(a.id);
    expect(rankVendorsForNeed(n, { now: now + 1000 })).toEqual(first);

    const sqlite = getSqlite();
    const changes: [string, () => void][] = [
      [
        "a category",
        () =>
          sqlite
            .prepare("INSERT INTO vendor_categories (vendor_id, category) VALUES (?, 'iot_manufacturing')")
            .run(c.id),
      ],
      [
        "a sector",
        () => sqlite.prepare("INSERT INTO vendor_sectors (vendor_id, sector) VALUES (?, 'agriculture')").run(b.id),
      ],
      [
        "a package's price",
        () =>
          sqlite
            .prepare("UPDATE service_packages SET price_from = ?, price_to = ? WHERE vendor_id = ?")
            .run(60 * M, 90 * M, b.id),
      ],
      [
        "a package removed",
        () => sqlite.prepare("UPDATE service_packages SET removed_at = ? WHERE vendor_id = ?").run(now, a.id),
      ],
      [
        "a rating",
        () =>
          sqlite
            .prepare("UPDATE vendor_profiles SET rating_avg_x100 = 200, rating_count = 30 WHERE organisation_id = ?")
            .run(a.id),
      ],
      [
        "a name",
        () => sqlite.prepare("UPDATE organisations SET legal_name = 'Công ty Đổi Tên' WHERE id = ?").run(b.id),
      ],
      [
        "an open engagement flag",
        () =>
          sqlite
            .prepare(
              `INSERT INTO flags (id, code, subject_type, subject_id, vendor_id, severity, status, evidence, raised_at, updated_at)
               VALUES (?, 'MILESTONE_OVERDUE', 'engagement', ?, ?, 'high', 'open', '{}', ?, ?)`,
            )
            .run(crypto.randomUUID(), crypto.randomUUID(), b.id, now, now),
      ],
      ["a completed engagement", () => engagement(c.id, c.user.id, "agriculture", "completed")],
      [
        "a suspension",
        () => sqlite.prepare("UPDATE organisations SET vendor_status = 'suspended' WHERE id = ?").run(a.id),
      ],
    ];
    for (const [what, write] of changes) {
      const before = rankVendorsForNeed(n, { now });
      write();
      const after = check();
      expect(after, what).not.toEqual(before);
    }
    expect(ids(check())).not.toContain(a.id);

    // Time alone: a listed vendor's vetting runs out (a minute later; nothing else moves by then).
    sqlite
      .prepare("UPDATE vendor_profiles SET vetting_expires_at = ? WHERE organisation_id = ?")
      .run(now + 60_000, b.id);
    expect(ids(check())).toContain(b.id);
    expect(ids(check(now + 120_000))).not.toContain(b.id);
    // An earlier moment than the list was read at is read again.
    expect(ids(check(now))).toContain(b.id);

    // An invitation is read at each call (it does not change the ranking).
    expect(await inviteVendor(smeViewer(owner), n.id, b.id)).toEqual({ ok: true, created: true });
    expect(check().find((v) => v.vendorId === b.id)?.invited).toBe(true);
  });

  it("are kept by need and its scored fields: an edited budget is ranked again", () => {
    const { need: n } = need("iot_manufacturing", "education");
    vendor({ categories: ["iot_manufacturing"], price: [60 * M, 90 * M] });
    const first = rankVendorsForNeed(n);
    const edited = { ...n, budgetMin: 500 * M, budgetMax: 900 * M };
    expect(rankVendorsForNeed(edited)).toEqual(fresh(edited));
    expect(rankVendorsForNeed(edited)).not.toEqual(first);
  });
});

describe("a vendor's recommended needs", () => {
  /** From scratch: inside a transaction a kept list is never reused. */
  const fresh = (vendorId: string, now = Date.now()) =>
    getDb().transaction(() => recommendedNeedsForVendor(vendorId, { now }));
  const ids = (list: { needs: { needId: string }[] }) => list.needs.map((n) => n.needId);

  it("are reused only while exact: a need, a bid, the vendor's own facts, a deadline passing", () => {
    const now = Date.now();
    const v = vendor({ categories: ["e_contract"], sectors: ["healthcare"] });
    const check = (at = now) => {
      const kept = recommendedNeedsForVendor(v.id, { now: at });
      expect(kept).toEqual(fresh(v.id, at));
      return kept;
    };
    const first = need("e_contract", "healthcare");
    expect(ids(check())).toContain(first.needId);
    expect(recommendedNeedsForVendor(v.id, { now: now + 1000 })).toEqual(check());

    const sqlite = getSqlite();
    let second = first;
    const changes: [string, () => void][] = [
      ["a new need", () => (second = need("e_contract", "healthcare"))],
      [
        "a budget",
        () =>
          sqlite
            .prepare("UPDATE needs SET budget_min = ?, budget_max = ? WHERE id = ?")
            .run(500 * M, 900 * M, second.needId),
      ],
      [
        "a title",
        () => sqlite.prepare("UPDATE needs SET title = 'Hợp đồng điện tử mới' WHERE id = ?").run(first.needId),
      ],
      [
        "a bid",
        () =>
          getDb()
            .insert(schema.bids)
            .values({
              id: crypto.randomUUID(),
              needId: first.needId,
              vendorId: v.id,
              submittedBy: v.user.id,
              status: "submitted",
              total: 70 * M,
              durationDays: 30,
              approach: "x",
              validityDays: 30,
              updatedAt: now,
            })
            .run(),
      ],
      [
        "the bid withdrawn",
        () =>
          sqlite
            .prepare("UPDATE bids SET status = 'withdrawn' WHERE need_id = ? AND vendor_id = ?")
            .run(first.needId, v.id),
      ],
      [
        "its own package",
        () =>
          sqlite
            .prepare("UPDATE service_packages SET price_from = ?, price_to = ? WHERE vendor_id = ?")
            .run(600 * M, 800 * M, v.id),
      ],
      ["a cancellation", () => cancelNeed(second.needId, smeViewer(second.owner), "Huỷ")],
    ];
    for (const [what, write] of changes) {
      const before = recommendedNeedsForVendor(v.id, { now });
      write();
      expect(check(), what).not.toEqual(before);
    }

    // Time alone: a listed need's deadline passes (a minute later; nothing else moves by then).
    sqlite.prepare("UPDATE needs SET deadline = ? WHERE id = ?").run(now + 60_000, first.needId);
    expect(ids(check())).toContain(first.needId);
    expect(ids(check(now + 120_000))).not.toContain(first.needId);
    // An earlier moment than the list was read at is read again.
    expect(ids(check(now))).toContain(first.needId);
  });
});

describe("the recommendations' version", () => {
  const version = () =>
    getSqlite().prepare("SELECT n FROM recommendation_version WHERE id = 1").pluck().get() as number;

  it("moves with every write to needs and bids it reads, and not with others", () => {
    const { vendor: v, engagementId, needId } = createEngagement();
    const sqlite = getSqlite();
    const moves = (write: () => unknown) => {
      const before = version();
      write();
      return version() - before;
    };
    expect(moves(() => createOpenNeed(5))).toBeGreaterThan(0);
    expect(
      moves(() => sqlite.prepare("UPDATE needs SET deadline = deadline + 1 WHERE id = ?").run(needId)),
    ).toBeGreaterThan(0);
    expect(
      moves(() => sqlite.prepare("UPDATE needs SET status = 'cancelled' WHERE id = ?").run(needId)),
    ).toBeGreaterThan(0);
    expect(
      moves(() => sqlite.prepare("UPDATE bids SET status = 'withdrawn' WHERE vendor_id = ?").run(v.organisationId)),
    ).toBeGreaterThan(0);
    expect(moves(() => sqlite.prepare("UPDATE needs SET description = 'Khác' WHERE id = ?").run(needId))).toBe(0);
    expect(
      moves(() => sqlite.prepare("UPDATE bids SET approach = 'Khác' WHERE vendor_id = ?").run(v.organisationId)),
    ).toBe(0);
    expect(moves(() => sqlite.prepare("UPDATE engagements SET total = total + 1 WHERE id = ?").run(engagementId))).toBe(
      0,
    );
  });
});

describe("the ranked vendors' version", () => {
  const version = () => getSqlite().prepare("SELECT n FROM matching_version WHERE id = 1").pluck().get() as number;

  it("moves with every write to a candidate's facts, and not with a bid or a need", () => {
    const { vendor: v, engagementId } = createEngagement();
    const sqlite = getSqlite();
    const moves = (write: () => void) => {
      const before = version();
      write();
      return version() - before;
    };
    const moving: [string, () => unknown][] = [
      [
        "category",
        () =>
          sqlite.prepare("INSERT INTO vendor_categories (vendor_id, category) VALUES (?, 'crm')").run(v.organisationId),
      ],
      [
        "category removed",
        () =>
          sqlite
            .prepare("DELETE FROM vendor_categories WHERE vendor_id = ? AND category = 'crm'")
            .run(v.organisationId),
      ],
      [
        "sector",
        () =>
          sqlite
            .prepare("INSERT INTO vendor_sectors (vendor_id, sector) VALUES (?, 'education')")
            .run(v.organisationId),
      ],
      [
        "name",
        () =>
          sqlite.prepare("UPDATE organisations SET legal_name = legal_name || '.' WHERE id = ?").run(v.organisationId),
      ],
      [
        "status",
        () => sqlite.prepare("UPDATE organisations SET vendor_status = 'suspended' WHERE id = ?").run(v.organisationId),
      ],
      [
        "rating",
        () =>
          sqlite
            .prepare("UPDATE vendor_profiles SET rating_count = rating_count + 1 WHERE organisation_id = ?")
            .run(v.organisationId),
      ],
      [
        "vetting",
        () =>
          sqlite
            .prepare("UPDATE vendor_profiles SET vetting_expires_at = vetting_expires_at + 1 WHERE organisation_id = ?")
            .run(v.organisationId),
      ],
      ["track record", () => refreshVendorStats(getDb(), v.organisationId)],
    ];
    for (const [what, write] of moving) expect(moves(write), what).toBeGreaterThan(0);
    expect(moves(() => sqlite.prepare("UPDATE engagements SET total = total + 1 WHERE id = ?").run(engagementId))).toBe(
      0,
    );
    expect(moves(() => createOpenNeed(5))).toBe(0);
    expect(
      moves(() => sqlite.prepare("UPDATE bids SET total = total + 1 WHERE vendor_id = ?").run(v.organisationId)),
    ).toBe(0);
  });
});

describe("invitations", () => {
  it("are one per need and vendor, notify the vendor's users once, and show on both sides", async () => {
    const { need: n, owner } = need("digital_skills_training");
    const v = vendor({ categories: ["digital_skills_training"] });

    expect(await inviteVendor(smeViewer(owner), n.id, v.id)).toEqual({ ok: true, created: true });
    expect(await inviteVendor(smeViewer(owner), n.id, v.id)).toEqual({ ok: true, created: false });

    const rows = getSqlite().prepare("SELECT count(*) AS n FROM need_invitations WHERE need_id = ?").get(n.id) as {
      n: number;
    };
    expect(rows.n).toBe(1);
    const notes = getDb()
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, v.user.id))
      .all()
      .filter((x) => x.kind === "need_invitation");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.link).toBe(`/needs/${n.id}`);
    expect(JSON.parse(notes[0]!.params)).toMatchObject({ need: n.title });

    expect(invitationOf(n.id, v.id)).not.toBeNull();
    expect(invitationsOfNeed(n.id).map((i) => i.vendorId)).toEqual([v.id]);
    expect(rankVendorsForNeed(n, { limit: 1000 }).find((r) => r.vendorId === v.id)?.invited).toBe(true);
    expect(invitationsOfVendor(v.id).map((i) => i.needId)).toEqual([n.id]);
  });

  it("are refused for a vendor not vetted now, a need not open, or another SME's need", async () => {
    const { need: n, owner } = need("ai_automation");
    const suspended = vendor({ categories: ["ai_automation"], standing: "suspended" });
    expect(await inviteVendor(smeViewer(owner), n.id, suspended.id)).toEqual({
      ok: false,
      error: "matchmaking.errors.vendorNotVetted",
    });
    const v = vendor({ categories: ["ai_automation"] });
    const stranger = createUser({ role: "sme" });
    expect(await rejectedStatus(inviteVendor(smeViewer(stranger), n.id, v.id))).toBe(404);
    await cancelNeed(n.id, smeViewer(owner), "Không còn nhu cầu");
    expect(await inviteVendor(smeViewer(owner), n.id, v.id)).toEqual({
      ok: false,
      error: "matchmaking.errors.needNotOpen",
    });
    expect(invitationOf(n.id, v.id)).toBeNull();
  });

  it("are refused, and nobody told, when another connection closed the need first", async () => {
    const { need: n, owner } = need("crm");
    const v = vendor({ categories: ["crm"] });
    const other = openSqlite(getSqlite().name);
    try {
      other.prepare("UPDATE needs SET status = 'evaluating', closed_at = ? WHERE id = ?").run(Date.now(), n.id);
    } finally {
      other.close();
    }
    expect(await inviteVendor(smeViewer(owner), n.id, v.id)).toEqual({
      ok: false,
      error: "matchmaking.errors.needNotOpen",
    });
    expect(invitationOf(n.id, v.id)).toBeNull();
    expect(getDb().select().from(schema.notifications).where(eq(schema.notifications.userId, v.user.id)).all()).toEqual(
      [],
    );
  });

  it("drop out of the vendor's list when the need is cancelled", async () => {
    const { need: n, owner } = need("pos_retail");
    const v = vendor({ categories: ["pos_retail"] });
    await inviteVendor(smeViewer(owner), n.id, v.id);
    expect(invitationsOfVendor(v.id)).toHaveLength(1);
    await cancelNeed(n.id, smeViewer(owner), "Đã tìm được giải pháp");
    expect(invitationsOfVendor(v.id)).toHaveLength(0);
  });
});

describe("needs recommended for a vendor", () => {
  it("are open needs of its categories or related ones, deadline ahead, not bid on, best first", () => {
    const v = vendor({ categories: ["warehouse_logistics"], sectors: ["logistics"] });
    const own = need("warehouse_logistics", "logistics").needId;
    const related = need("iot_manufacturing", "logistics").needId; // warehouse_logistics ↔ iot_manufacturing
    const unrelated = need("e_contract", "logistics").needId;
    const closed = need("warehouse_logistics", "logistics", undefined, -1).needId;
    const cancelled = need("warehouse_logistics", "logistics");
    cancelNeed(cancelled.needId, smeViewer(cancelled.owner), "Huỷ");
    const bidOn = need("warehouse_logistics", "logistics").needId;
    getDb()
      .insert(schema.bids)
      .values({
        id: crypto.randomUUID(),
        needId: bidOn,
        vendorId: v.id,
        submittedBy: v.user.id,
        status: "submitted",
        total: 70 * M,
        durationDays: 30,
        approach: "x",
        validityDays: 30,
        updatedAt: Date.now(),
      })
      .run();

    const result = recommendedNeedsForVendor(v.id, { limit: 1000 });
    expect(result.vetted).toBe(true);
    const ids = result.needs.map((r) => r.needId);
    expect(ids).toContain(own);
    expect(ids).toContain(related);
    for (const excluded of [unrelated, closed, cancelled.needId, bidOn]) expect(ids).not.toContain(excluded);
    expect(ids.indexOf(own)).toBeLessThan(ids.indexOf(related));
    const first = result.needs.find((r) => r.needId === own)!;
    expect(first.reasons[0]).toEqual({
      key: "match.reasons.offersCategory",
      values: { category: "warehouse_logistics" },
    });
    expect(first.title).toBeTruthy();
  });

  it("are the same list as scoring every open need in full, however many there are", () => {
    const { int, pick } = seededRandom(2611);
    const categories: Category[] = ["crm", "erp", "ecommerce", "digital_marketing", "hr_payroll", "accounting"];
    const sectors: Sector[] = ["logistics", "education", "retail_trade", "manufacturing", "healthcare"];
    for (let i = 0; i < 120; i++) {
      const { needId } = need(pick(categories), pick(sectors));
      const min = int(5, 300) * M;
      getDb()
        .update(schema.needs)
        .set({ budgetMin: min, budgetMax: min + int(0, 200) * M })
        .where(eq(schema.needs.id, needId))
        .run();
    }
    const vendors = [
      vendor({ categories: ["crm"], sectors: ["education"], price: [40 * M, 120 * M], rating: [450, 8] }),
      vendor({ categories: ["erp", "ecommerce"], sectors: [], price: [200 * M, 260 * M] }),
      vendor({ categories: ["digital_marketing"], sectors: ["logistics", "healthcare"], price: [5 * M, 9 * M] }),
    ];
    // Its declared sector's needs all priced out of reach, one need elsewhere fitting exactly: the
    // best is in a level read after a full one.
    const budget = (needId: string, min: number, max: number) =>
      getDb().update(schema.needs).set({ budgetMin: min, budgetMax: max }).where(eq(schema.needs.id, needId)).run();
    vendors.push(vendor({ categories: ["cybersecurity"], sectors: ["education"], price: [100 * M, 120 * M] }));
    for (let i = 0; i < 6; i++) budget(need("cybersecurity", "education").needId, 5 * M, 10 * M);
    budget(need("cybersecurity", "logistics").needId, 100 * M, 150 * M);
    // Engagements completed in some sectors, counted whether declared or not.
    for (const [v, sector, n] of [
      [vendors[0]!, "education", 2],
      [vendors[0]!, "retail_trade", 4],
      [vendors[1]!, "manufacturing", 1],
    ] as const) {
      for (let i = 0; i < n; i++) engagement(v.id, v.user.id, sector, "completed");
    }
    const now = Date.now();
    for (const v of vendors) {
      const offered = new Set(
        getDb()
          .select()
          .from(schema.vendorCategories)
          .where(eq(schema.vendorCategories.vendorId, v.id))
          .all()
          .flatMap((c) => [c.category, ...relatedCategories(c.category)]),
      );
      const open = getDb()
        .select()
        .from(schema.needs)
        .where(sql`${schema.needs.status} = 'open' AND ${schema.needs.deadline} > ${now}`)
        .all()
        .filter((n) => offered.has(n.category));
      const expected = open
        .map((n) => ({ needId: n.id, ...matchesForVendors(n, [v.id], now)[v.id]! }))
        .sort(compareNeedMatches);
      for (const limit of [1, 5, 12, 1000]) {
        const got = recommendedNeedsForVendor(v.id, { limit, now }).needs.map((r) => ({
          needId: r.needId,
          score: r.score,
          parts: r.parts,
          reasons: r.reasons,
        }));
        expect(got, `top ${limit}`).toEqual(expected.slice(0, limit));
      }
    }
  });

  it("are none for a vendor that is not vetted now", () => {
    const v = vendor({ categories: ["warehouse_logistics"], standing: "expired" });
    need("warehouse_logistics");
    expect(recommendedNeedsForVendor(v.id)).toEqual({ vetted: false, needs: [] });
  });
});

describe("vendors for the assessment's categories", () => {
  it("are the best-standing vetted vendors offering each category", () => {
    const good = vendor({ categories: ["cloud_hosting"], rating: [490, 30] });
    const fresh = vendor({ categories: ["cloud_hosting"] });
    vendor({ categories: ["cloud_hosting"] });
    vendor({ categories: ["cloud_hosting", "cybersecurity"] });
    const suspended = vendor({ categories: ["cloud_hosting"], standing: "suspended", rating: [500, 40] });
    const result = topVendorsForCategories(["cloud_hosting"], 50);
    const ids = (result.cloud_hosting ?? []).map((v) => v.id);
    expect(ids[0]).toBe(good.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(suspended.id);
    // What the recommendation card shows: rating with its count, and no rating for a vendor without reviews.
    expect(result.cloud_hosting![0]).toMatchObject({ id: good.id, ratingAvg: 490, ratingCount: 30 });
    expect(result.cloud_hosting!.find((v) => v.id === fresh.id)).toMatchObject({ ratingAvg: null, ratingCount: 0 });
    expect(topVendorsForCategories(["cloud_hosting"]).cloud_hosting).toHaveLength(3);
  });
});
