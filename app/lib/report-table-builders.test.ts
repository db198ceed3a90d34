import { describe, expect, it } from "vitest";
import { reportTables, type ReportData } from "./report-table-builders";
import { REPORT_TABLE_IDS } from "./report-tables";

const month = { posted: 4, awarded: 1, cancelled: 1, expired: 1, pending: 1, bids: 6 };
const delivery = {
  milestonesDue: 4,
  milestonesOnTime: 3,
  reviews: 1,
  averageRating: 4.5,
  incidents: 1,
  incidentsResolved: 0,
  medianResolutionDays: null,
};
const data: ReportData = {
  smes: { months: [{ month: "2026-01", registered: 3, assessed: 2 }], total: { registered: 3, assessed: 2 } },
  levels: { levels: [{ level: 2, smes: 2 }], smes: 2 },
  outcomes: { overall: null, byCategory: [], byVendor: [] },
  vendors: { approved: 5, vetted: 4, suspended: 1, expiring: 0 },
  vendorCategories: [{ category: "accounting", vendors: 4 }],
  needs: {
    months: [{ month: "2026-01", ...month, medianDaysToAward: 3, meanDaysToAward: 3 }],
    total: { ...month, medianDaysToAward: 3, meanDaysToAward: 3 },
  },
  statuses: [{ status: "active", engagements: 1, value: 50_000_000 }],
  delivery: { months: [{ month: "2026-01", ...delivery }], total: delivery },
  bySector: [{ sector: "retail", engagements: 1, value: 50_000_000 }],
  byMonth: [{ month: "2026-01", engagements: 1, value: 50_000_000 }],
  support: {
    bySizeClass: [{ sizeClass: "unknown", engagements: 1, cost: 50_000_000, support: 0 }],
    total: { engagements: 1, cost: 50_000_000, support: 0 },
  },
};

describe("reportTables", () => {
  it("builds every table of the report page from its aggregates, each row as long as its columns", () => {
    const tables = reportTables(data);
    expect(Object.keys(tables).sort()).toEqual(REPORT_TABLE_IDS.filter((id) => id !== "engagements").sort());
    for (const table of Object.values(tables)) {
      for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
        expect(row).toHaveLength(table.columns.length);
      }
    }
  });

  it("derives the shares the aggregates do not carry", () => {
    const { needs, delivery: d, support } = reportTables(data);
    // awarded / posted and bids per need
    expect(needs.rows[0]).toEqual(["2026-01", 4, 1, 0.25, 1, 1, 1, 6, 1.5, 3, 3]);
    expect(d.total![3]).toBe(0.75);
    expect(support.rows[0]![0]).toBe("reports.support.unknownSize");
  });
});
