/**
 * The report of /staff/reports: its aggregates (reports.server.ts) as a snapshot, and its tables
 * (built by lib/report-table-builders.ts) for /staff/reports/csv/:table.
 */
import {
  col,
  deliveryTable,
  engagementStatusTable,
  levelsTable,
  needsTable,
  outcomesCategoryTable,
  outcomesVendorTable,
  smesTable,
  supportTable,
  valueMonthTable,
  valueSectorTable,
  vendorCategoriesTable,
  vendorsTable,
} from "~/lib/report-table-builders";
import type { Cell, Column, ReportTableId, TableData, TableDownload } from "~/lib/report-tables";
import {
  deliveryByMonth,
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
  type EngagementListRow,
  type ReportFilter,
} from "./reports.server";
import { snapshot, step, type Snapshot, type Step } from "./snapshots.server";

export const ENGAGEMENT_LIST_COLUMNS: Column[] = [
  col("awardedAt", "date"),
  col("need", "text"),
  col("sector", "label"),
  col("category", "label"),
  col("sme", "text"),
  col("sizeClass", "label"),
  col("vendor", "text"),
  col("status", "label"),
  col("value", "money"),
  col("completedAt", "date"),
  col("milestones", "int"),
  col("milestonesDue", "int"),
  col("milestonesOnTime", "int"),
];

export function engagementListCells(r: EngagementListRow): Cell[] {
  return [
    r.awardedAt,
    r.needTitle,
    `sectors.${r.sector}`,
    `categories.${r.category}`,
    r.smeName,
    r.smeSizeClass ? `sizeClasses.${r.smeSizeClass}` : null,
    r.vendorName,
    `engagementStatuses.${r.status}`,
    r.total,
    r.completedAt,
    r.milestones,
    r.milestonesDue,
    r.milestonesOnTime,
  ];
}

/**
 * Everything /staff/reports shows: the aggregates, from which the page draws its charts and builds
 * its tables (`reportTables`), one aggregate per `step` (run straight through unless given one that
 * yields).
 */
export async function computeReport(f: ReportFilter, step: Step = async (compute) => compute()) {
  const smes = await step(() => smeActivity(f));
  const levels = await step(() => levelDistribution(f));
  const outcomes = await step(() => levelChange(f));
  const vendors = await step(() => vendorStanding(f));
  const vendorCategories = await step(() => vettedVendorsByCategory(f));
  const needs = await step(() => needsByMonth(f));
  const statuses = await step(() => engagementsByStatus(f));
  const delivery = await step(() => deliveryByMonth(f));
  const bySector = await step(() => valueBySector(f));
  const byMonth = await step(() => valueByMonth(f));
  const support = await step(() => supportEstimate(f));
  const data = {
    smes,
    levels,
    outcomes,
    vendors,
    vendorCategories,
    needs,
    statuses,
    delivery,
    bySector,
    byMonth,
    support,
  };
  return { data };
}

export type Report = Awaited<ReturnType<typeof computeReport>>;

/**
 * The report of a period and sector as of its snapshot (app/models/snapshots.server.ts): at city
 * scale it reads every need published in the period and its bids, seconds of work, so it is
 * computed at most once every 15 minutes per period and sector, each aggregate its own step, and
 * the page says when. `now` of the figures (vendors' standing, needs still pending) is that time.
 */
export function getReport(f: Omit<ReportFilter, "now">, now = Date.now()): Promise<Snapshot<Report>> {
  return snapshot(`report:${f.start}:${f.end}:${f.sector ?? ""}`, (at) => computeReport({ ...f, now: at }, step), now);
}

/**
 * One table for download. An aggregate is a single page; the list of engagements comes in keyset
 * pages of 500, each fetched only when the download asks for it.
 */
export function reportDownload(id: ReportTableId, f: ReportFilter): TableDownload {
  if (id === "engagements") {
    return {
      columns: ENGAGEMENT_LIST_COLUMNS,
      pages: (function* () {
        for (const page of engagementListPages(f)) yield page.map(engagementListCells);
      })(),
    };
  }
  const table = aggregateTable(id, f);
  return { columns: table.columns, pages: [table.rows], total: table.total };
}

function aggregateTable(id: Exclude<ReportTableId, "engagements">, f: ReportFilter): TableData {
  switch (id) {
    case "smes":
      return smesTable(smeActivity(f));
    case "levels":
      return levelsTable(levelDistribution(f));
    case "outcomes-category":
      return outcomesCategoryTable(levelChange(f));
    case "outcomes-vendor":
      return outcomesVendorTable(levelChange(f));
    case "vendors":
      return vendorsTable(vendorStanding(f));
    case "vendor-categories":
      return vendorCategoriesTable(vettedVendorsByCategory(f));
    case "needs":
      return needsTable(needsByMonth(f));
    case "engagement-status":
      return engagementStatusTable(engagementsByStatus(f));
    case "delivery":
      return deliveryTable(deliveryByMonth(f));
    case "value-sector":
      return valueSectorTable(valueBySector(f));
    case "value-month":
      return valueMonthTable(valueByMonth(f));
    case "support":
      return supportTable(supportEstimate(f));
  }
}
