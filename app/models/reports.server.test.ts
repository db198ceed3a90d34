import { beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { buildReportFixture, local, NOW } from "../../db/test/report-fixture";
import { onTimeCounts } from "~/lib/delivery-rules";
import { periodOf } from "~/lib/report-period";
import type { MilestoneStatus } from "../../db/schema";
import {
  deliveryByMonth,
  engagementListPage,
  engagementListPages,
  engagementsByStatus,
  levelChange,
  levelDistribution,
  needsByMonth,
  smeActivity,
  supportEstimate,
  valueByMonth,
  valueBySector,
  vendorStanding,
  vettedVendorsByCategory,
} from "./reports.server";

const M = 1_000_000;
const f = { ...periodOf("2025-01", "2025-06"), now: NOW };
const healthcare = { ...f, sector: "healthcare" as const };
let fx: ReturnType<typeof buildReportFixture>;

beforeAll(() => {
  fx = buildReportFixture();
});

describe("SMEs", () => {
  it("counts registrations by local month: 20:00 on 31/01 is January, 03:00 on 01/02 is February", () => {
    const { months, total } = smeActivity(f);
    expect(months.map((m) => [m.month, m.registered, m.assessed])).toEqual([
      ["2025-01", 2, 1],
      ["2025-02", 1, 1],
      ["2025-03", 1, 1],
      ["2025-04", 0, 1],
      ["2025-05", 0, 1],
      ["2025-06", 0, 1],
    ]);
    // Assessed: distinct SMEs over the whole period (S3 and S5 assessed twice count once).
    expect(total).toEqual({ registered: 4, assessed: 4 });
    expect(smeActivity(healthcare).total).toEqual({ registered: 2, assessed: 2 });
  });

  it("places each SME at its latest assessment in the period; drafts do not count", () => {
    const { levels, smes, average } = levelDistribution(f);
    expect(levels.map((l) => l.smes)).toEqual([0, 0, 2, 1, 1, 0]);
    expect(smes).toBe(4);
    expect(average).toBe(2.75);
    expect(levelDistribution(healthcare).levels.map((l) => l.smes)).toEqual([0, 0, 1, 1, 0, 0]);
  });
});

describe("level change after engagements", () => {
  it("averages the change from the last assessment before the award to the first after completion", () => {
    const o = levelChange(f);
    expect(o.completed).toBe(5);
    expect(o.overall).toEqual({ engagements: 4, smes: 3, before: 0.75, after: 2.75, change: 2 });
    expect(o.byCategory.map((c) => [c.category, c.engagements, c.change])).toEqual([
      ["accounting", 2, 3],
      ["crm", 1, 1],
      ["erp", 1, 1],
    ]);
  });

  it("shows a vendor's client outcome only where it rests on at least 3 engagements", () => {
    const o = levelChange(f);
    expect(o.byVendor).toHaveLength(1);
    expect(o.byVendor[0]).toMatchObject({ vendorId: fx.V1.id, engagements: 3 });
    expect(o.byVendor[0]!.change).toBeCloseTo(7 / 3, 10);
    // V2 has two completed engagements, one measured: below the minimum, counted but not shown.
    expect(o.vendorsBelowMinimum).toBe(1);
    expect(levelChange(f, undefined, 4).byVendor).toEqual([]);
    expect(levelChange(f, undefined, 4).vendorsBelowMinimum).toBe(2);
  });

  it("follows the sector of the engagement's need", () => {
    const o = levelChange(healthcare);
    expect(o.completed).toBe(2);
    expect(o.overall).toMatchObject({ engagements: 1, change: 2 });
  });
});

describe("vendors", () => {
  it("counts approvals in the period and the standing now", () => {
    expect(vendorStanding(f)).toEqual({ approved: 2, vetted: 2, suspended: 1, expiring: 1 });
    expect(vendorStanding(healthcare)).toEqual({ approved: 1, vetted: 1, suspended: 1, expiring: 0 });
  });

  it("counts vetted vendors by category, leaving out suspended, expired and unvetted ones", () => {
    expect(vettedVendorsByCategory(f)).toEqual([
      { category: "accounting", vendors: 1 },
      { category: "crm", vendors: 1 },
      { category: "erp", vendors: 1 },
    ]);
  });
});

describe("needs", () => {
  it("follows each month's needs to their outcome, bids and days to award", () => {
    const { months, total } = needsByMonth(f);
    const pick = (m: (typeof months)[number]) => [
      m.month,
      m.posted,
      m.awarded,
      m.cancelled,
      m.expired,
      m.pending,
      m.bids,
      m.medianDaysToAward,
    ];
    expect(months.map(pick)).toEqual([
      ["2025-01", 2, 1, 1, 0, 0, 3, 22],
      ["2025-02", 3, 3, 0, 0, 0, 4, 19],
      ["2025-03", 0, 0, 0, 0, 0, 0, null],
      ["2025-04", 2, 1, 0, 1, 0, 2, 30],
      ["2025-05", 0, 0, 0, 0, 0, 0, null],
      // An open need past its deadline without bids has expired; with a bid it is being evaluated.
      ["2025-06", 3, 0, 0, 1, 2, 2, null],
    ]);
    expect(months[1]!.meanDaysToAward).toBeCloseTo(56 / 3, 10);
    expect(total).toEqual({
      posted: 10,
      awarded: 5,
      cancelled: 1,
      expired: 2,
      pending: 2,
      bids: 11,
      medianDaysToAward: 22,
      meanDaysToAward: 21.6,
    });
    expect(needsByMonth(healthcare).total).toMatchObject({ posted: 2, awarded: 1, cancelled: 1, bids: 3 });
  });
});

describe("engagements", () => {
  it("counts the engagements awarded in the period by status, with their value", () => {
    expect(engagementsByStatus(f)).toEqual([
      { status: "active", engagements: 1, value: 300 * M },
      { status: "completed", engagements: 4, value: 450 * M },
      { status: "terminated", engagements: 1, value: 40 * M },
    ]);
  });

  it("counts milestones due in the period as onTimeCounts does, reviews and incidents by month", () => {
    const d = deliveryByMonth(f);
    expect(d.months.map((m) => [m.month, m.milestonesDue, m.milestonesOnTime, m.reviews, m.averageRating])).toEqual([
      ["2025-01", 0, 0, 0, null],
      ["2025-02", 0, 0, 0, null],
      ["2025-03", 3, 2, 1, 4],
      ["2025-04", 1, 1, 1, 4.5],
      ["2025-05", 1, 1, 1, 3],
      ["2025-06", 1, 0, 0, null],
    ]);
    expect(d.total).toMatchObject({
      milestonesDue: 6,
      milestonesOnTime: 4,
      reviews: 3,
      incidents: 3,
      incidentsResolved: 2,
    });
    expect(d.total.averageRating).toBeCloseTo(11.5 / 3, 10);
    expect(d.total.medianResolutionDays).toBe(2.25);
    expect(d.months[2]!.medianResolutionDays).toBe(1.5);

    // The same milestones through the one definition of on time.
    const rows = getSqlite()
      .prepare(
        `SELECT status, due_at AS dueAt, first_submitted_at AS firstSubmittedAt FROM engagement_milestones
         WHERE due_at >= ? AND due_at < ?`,
      )
      .all(f.start, f.end) as { status: MilestoneStatus; dueAt: number; firstSubmittedAt: number | null }[];
    expect(onTimeCounts(rows, NOW)).toEqual({ due: d.total.milestonesDue, onTime: d.total.milestonesOnTime });
  });

  it("sums the value as awarded by sector and by month", () => {
    expect(valueBySector(f)).toEqual([
      { sector: "retail_trade", engagements: 3, smes: 2, value: 620 * M },
      { sector: "healthcare", engagements: 2, smes: 2, value: 120 * M },
      { sector: "education", engagements: 1, smes: 1, value: 50 * M },
    ]);
    expect(valueByMonth(f).map((m) => [m.month, m.engagements, m.value])).toEqual([
      ["2025-01", 1, 40 * M],
      ["2025-02", 2, 280 * M],
      ["2025-03", 2, 170 * M],
      ["2025-04", 0, 0],
      ["2025-05", 1, 300 * M],
      ["2025-06", 0, 0],
    ]);
    expect(valueBySector(healthcare)).toEqual([{ sector: "healthcare", engagements: 2, smes: 2, value: 120 * M }]);
  });

  it("estimates the Decree 80 support of the engagements completed in the period, by size class", () => {
    const s = supportEstimate(f);
    expect(s.bySizeClass).toEqual([
      { sizeClass: "micro", engagements: 1, cost: 80 * M, support: 20 * M },
      { sizeClass: "small", engagements: 1, cost: 100 * M, support: 50 * M },
      // One medium SME's two DX solutions of one year share its 100m cap (100m + 60m alone).
      { sizeClass: "medium", engagements: 2, cost: 320 * M, support: 100 * M },
      { sizeClass: "unknown", engagements: 1, cost: 50 * M, support: 0 },
    ]);
    expect(s.total).toEqual({ engagements: 5, cost: 550 * M, support: 170 * M });
  });

  it("lists the engagements of the period in keyset pages, oldest award first", () => {
    const pages = [...engagementListPages(f, 2)];
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(pages.flat().map((r) => r.id)).toEqual([fx.E7, fx.E4, fx.E2, fx.E5, fx.E3, fx.E6].map((e) => e.id));
    const e6 = pages[2]![1]!;
    expect(e6).toMatchObject({ status: "active", total: 300 * M, sector: "retail_trade", milestones: 3 });
    expect([e6.milestonesDue, e6.milestonesOnTime]).toEqual([1, 0]);
    expect(engagementListPage(f, { awardedAt: local("2025-03-01"), id: fx.E5.id }, 10).map((r) => r.id)).toEqual([
      fx.E3.id,
      fx.E6.id,
    ]);
    expect([...engagementListPages(healthcare, 500)].flat().map((r) => r.id)).toEqual([fx.E7.id, fx.E4.id]);
  });
});
