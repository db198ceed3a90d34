import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { assessment, buildReportFixture, local, NOW } from "../../db/test/report-fixture";
import { levelChange, needsByMonth, valueBySector } from "./reports.server";
import {
  clearPublicStatsCache,
  computePublicStats,
  getPublicStats,
  STATS_MAX_AGE_MS,
  STATS_REFRESH_AFTER_MS,
} from "./stats.server";

const M = 1_000_000;
const allTime = { start: 0, end: Number.MAX_SAFE_INTEGER, months: [], now: NOW };

/** An SME with one completed assessment at `level`. */
function assessedSme(level: number) {
  const id = crypto.randomUUID();
  getSqlite()
    .prepare("INSERT INTO organisations (id, kind, legal_name, sector, created_at) VALUES (?, 'sme', ?, 'other', ?)")
    .run(id, `DN ${id}`, NOW);
  getSqlite()
    .prepare(
      "INSERT INTO users (id, email, name, password_hash, role, organisation_id, search_text, created_at) VALUES (?, ?, 'x', 'x', 'sme', ?, '', ?)",
    )
    .run(id, `${id}@stats.test`, id, NOW);
  assessment({ id, userId: id }, level, local("2025-09-01"));
}

beforeAll(() => {
  buildReportFixture();
  // Levels then: 2 → 5 SMEs, 3 → 1 SME, 4 → 4 SMEs.
  for (const level of [2, 2, 2, 4, 4, 4]) assessedSme(level);
  clearPublicStatsCache();
});

describe("the public statistics", () => {
  it("never show a group of fewer than 3 SMEs, nor one that the total would give away", async () => {
    const s = await computePublicStats(NOW);
    expect(s.smesAssessed).toBe(10);
    // Level 3 (1 SME) is hidden, and level 4 with it: otherwise 10 − 5 − 4 would reveal it.
    expect(s.levels.map((l) => l.smes)).toEqual([0, 0, 5, null, null, 0]);
    expect(s.averageLevel).toBeNull();
    for (const l of s.levels) if (l.smes !== null) expect(l.smes === 0 || l.smes >= 3).toBe(true);

    // Every category's outcome rests on 1 or 2 SMEs: none is published; the overall one rests on 3.
    expect(levelChange(allTime).byCategory.map((c) => c.smes)).toEqual([2, 1, 1]);
    expect(s.outcomes.byCategory).toEqual([]);
    expect(s.outcomes.suppressedCategories).toBe(3);
    expect(s.outcomes.overall).toEqual({ engagements: 4, change: 2 });

    // Every sector's contracts are of 1 or 2 SMEs: none is published; the total is of 5.
    expect(valueBySector(allTime).map((v) => v.smes)).toEqual([2, 2, 1]);
    expect(s.value.bySector).toEqual([]);
    expect(s.value.suppressedSectors).toBe(3);
    expect(s.value.total).toBe(890 * M);
  });

  it("count vendors, needs and engagements as the staff reports do", async () => {
    const s = await computePublicStats(NOW);
    expect(s.vendorsVetted).toBe(2);
    expect(s.vendorsByCategory).toEqual([
      { category: "accounting", vendors: 1 },
      { category: "crm", vendors: 1 },
      { category: "erp", vendors: 1 },
    ]);
    // All the needs ever published (two of the engagements' needs were published in 2024).
    expect(s.needs).toMatchObject({ posted: 12, awarded: 7 });
    expect(s.needs.months).toHaveLength(12);
    expect(s.needs.months.at(-1)!.month).toBe("2025-12");
    expect(s.engagements).toEqual({ active: 1, completed: 5, terminated: 1, milestonesDue: 7, milestonesOnTime: 5 });
  });

  it("are computed at most every 15 minutes and say when", async () => {
    const first = await getPublicStats(NOW);
    expect(first.computedAt).toBe(NOW);
    assessedSme(5);
    // Under 12 minutes: the same figures, nothing recomputed.
    expect(await getPublicStats(NOW + STATS_REFRESH_AFTER_MS - 1)).toBe(first);
    // From 12 minutes: still the same figures for this request, new ones computed meanwhile.
    expect(await getPublicStats(NOW + STATS_REFRESH_AFTER_MS)).toBe(first);
    await new Promise((r) => setTimeout(r, 50));
    const refreshed = await getPublicStats(NOW + STATS_REFRESH_AFTER_MS + 1);
    expect(refreshed.computedAt).toBe(NOW + STATS_REFRESH_AFTER_MS);
    expect(refreshed.smesAssessed).toBe(11);
    // Past 15 minutes the request waits for new figures.
    assessedSme(3);
    const fresh = await getPublicStats(NOW + STATS_REFRESH_AFTER_MS + STATS_MAX_AGE_MS);
    expect(fresh.computedAt).toBe(NOW + STATS_REFRESH_AFTER_MS + STATS_MAX_AGE_MS);
    expect(fresh.smesAssessed).toBe(12);
  });

  it("count needs posted and awarded as the staff report does", async () => {
    const all = { start: 0, end: Number.MAX_SAFE_INTEGER, months: [], now: NOW };
    const s = await computePublicStats(NOW);
    const report = needsByMonth(all).total;
    expect([s.needs.posted, s.needs.awarded]).toEqual([report.posted, report.awarded]);
  });
});
