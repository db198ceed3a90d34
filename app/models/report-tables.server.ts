/**
 * The tables of /staff/reports, built from the report aggregates (reports.server.ts): the page
 * shows them and /staff/reports/csv/:table writes them, from the same rows.
 */
import { share } from "~/lib/report-figures";
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

const col = (header: string, type: Column["type"]): Column => ({ header: `reports.columns.${header}`, type });

export function smesTable(data: ReturnType<typeof smeActivity>): TableData {
  return {
    columns: [col("month", "month"), col("registered", "int"), col("assessed", "int")],
    rows: data.months.map((m) => [m.month, m.registered, m.assessed]),
    total: [null, data.total.registered, data.total.assessed],
  };
}

export function levelsTable(data: ReturnType<typeof levelDistribution>): TableData {
  return {
    columns: [col("level", "int"), col("levelName", "label"), col("smes", "int"), col("share", "percent")],
    rows: data.levels.map((l) => [l.level, `dbiLevels.${l.level}`, l.smes, share(l.smes, data.smes)]),
    total: [null, null, data.smes, data.smes > 0 ? 1 : null],
  };
}

export function outcomesCategoryTable(data: ReturnType<typeof levelChange>): TableData {
  const o = data.overall;
  return {
    columns: [
      col("category", "label"),
      col("measured", "int"),
      col("levelBefore", "decimal"),
      col("levelAfter", "decimal"),
      col("levelChange", "decimal"),
    ],
    rows: data.byCategory.map((c) => [`categories.${c.category}`, c.engagements, c.before, c.after, c.change]),
    total: [null, o?.engagements ?? 0, o?.before ?? null, o?.after ?? null, o?.change ?? null],
  };
}

export function outcomesVendorTable(data: ReturnType<typeof levelChange>): TableData {
  return {
    columns: [
      col("vendor", "text"),
      col("measured", "int"),
      col("levelBefore", "decimal"),
      col("levelAfter", "decimal"),
      col("levelChange", "decimal"),
    ],
    rows: data.byVendor.map((v) => [v.vendorName, v.engagements, v.before, v.after, v.change]),
  };
}

export const VENDOR_MEASURES = ["approved", "vetted", "suspended", "expiring"] as const;

export function vendorsTable(data: ReturnType<typeof vendorStanding>): TableData {
  return {
    columns: [col("measure", "label"), col("vendors", "int")],
    rows: VENDOR_MEASURES.map((m) => [`reports.vendors.measures.${m}`, data[m]]),
  };
}

export function vendorCategoriesTable(data: ReturnType<typeof vettedVendorsByCategory>): TableData {
  return {
    columns: [col("category", "label"), col("vendors", "int")],
    rows: data.map((r) => [`categories.${r.category}`, r.vendors]),
  };
}

export function needsTable(data: ReturnType<typeof needsByMonth>): TableData {
  const row = (first: Cell, m: Omit<ReturnType<typeof needsByMonth>["total"], "month">): Cell[] => [
    first,
    m.posted,
    m.awarded,
    share(m.awarded, m.posted),
    m.cancelled,
    m.expired,
    m.pending,
    m.bids,
    share(m.bids, m.posted),
    m.medianDaysToAward,
    m.meanDaysToAward,
  ];
  return {
    columns: [
      col("month", "month"),
      col("posted", "int"),
      col("awarded", "int"),
      col("shareAwarded", "percent"),
      col("cancelled", "int"),
      col("expired", "int"),
      col("pending", "int"),
      col("bids", "int"),
      col("bidsPerNeed", "decimal"),
      col("medianDaysToAward", "days"),
      col("meanDaysToAward", "days"),
    ],
    rows: data.months.map((m) => row(m.month, m)),
    total: row(null, data.total),
  };
}

export function engagementStatusTable(data: ReturnType<typeof engagementsByStatus>): TableData {
  return {
    columns: [col("status", "label"), col("engagements", "int"), col("value", "money")],
    rows: data.map((r) => [`engagementStatuses.${r.status}`, r.engagements, r.value]),
    total: [null, data.reduce((s, r) => s + r.engagements, 0), data.reduce((s, r) => s + r.value, 0)],
  };
}

export function deliveryTable(data: ReturnType<typeof deliveryByMonth>): TableData {
  const row = (first: Cell, m: ReturnType<typeof deliveryByMonth>["total"]): Cell[] => [
    first,
    m.milestonesDue,
    m.milestonesOnTime,
    share(m.milestonesOnTime, m.milestonesDue),
    m.reviews,
    m.averageRating,
    m.incidents,
    m.incidentsResolved,
    m.medianResolutionDays,
  ];
  return {
    columns: [
      col("month", "month"),
      col("milestonesDue", "int"),
      col("milestonesOnTime", "int"),
      col("onTimeRate", "percent"),
      col("reviews", "int"),
      col("averageRating", "decimal"),
      col("incidents", "int"),
      col("incidentsResolved", "int"),
      col("medianResolutionDays", "days"),
    ],
    rows: data.months.map((m) => row(m.month, m)),
    total: row(null, data.total),
  };
}

export function valueSectorTable(data: ReturnType<typeof valueBySector>): TableData {
  const total = data.reduce((s, r) => s + r.value, 0);
  return {
    columns: [col("sector", "label"), col("engagements", "int"), col("value", "money"), col("share", "percent")],
    rows: data.map((r) => [`sectors.${r.sector}`, r.engagements, r.value, share(r.value, total)]),
    total: [null, data.reduce((s, r) => s + r.engagements, 0), total, total > 0 ? 1 : null],
  };
}

export function valueMonthTable(data: ReturnType<typeof valueByMonth>): TableData {
  return {
    columns: [col("month", "month"), col("engagements", "int"), col("value", "money")],
    rows: data.map((r) => [r.month, r.engagements, r.value]),
    total: [null, data.reduce((s, r) => s + r.engagements, 0), data.reduce((s, r) => s + r.value, 0)],
  };
}

export function supportTable(data: ReturnType<typeof supportEstimate>): TableData {
  return {
    columns: [col("sizeClass", "label"), col("engagements", "int"), col("cost", "money"), col("support", "money")],
    rows: data.bySizeClass.map((r) => [
      r.sizeClass === "unknown" ? "reports.support.unknownSize" : `sizeClasses.${r.sizeClass}`,
      r.engagements,
      r.cost,
      r.support,
    ]),
    total: [null, data.total.engagements, data.total.cost, data.total.support],
  };
}

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
 * Everything /staff/reports shows, the aggregates (for the charts) and their tables, one
 * aggregate per `step` (run straight through unless given one that yields).
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
  return {
    data: { smes, levels, outcomes, vendors, vendorCategories, needs, statuses, delivery, bySector, byMonth, support },
    tables: {
      smes: smesTable(smes),
      levels: levelsTable(levels),
      "outcomes-category": outcomesCategoryTable(outcomes),
      "outcomes-vendor": outcomesVendorTable(outcomes),
      vendors: vendorsTable(vendors),
      "vendor-categories": vendorCategoriesTable(vendorCategories),
      needs: needsTable(needs),
      "engagement-status": engagementStatusTable(statuses),
      delivery: deliveryTable(delivery),
      "value-sector": valueSectorTable(bySector),
      "value-month": valueMonthTable(byMonth),
      support: supportTable(support),
    } satisfies Record<Exclude<ReportTableId, "engagements">, TableData>,
  };
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
