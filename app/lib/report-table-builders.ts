/**
 * The tables of /staff/reports built from the report aggregates (app/models/reports.server.ts),
 * pure: the page builds them from the aggregates its loader sends (so they are not sent twice) and
 * /staff/reports/csv/:table writes the same rows.
 */
import { share } from "./report-figures";
import type { Cell, Column, ReportTableId, TableData } from "./report-tables";

type Count = number;
type Figure = number | null;
type Change = { engagements: Count; before: Figure; after: Figure; change: Figure };
type NeedsFigures = {
  posted: Count;
  awarded: Count;
  cancelled: Count;
  expired: Count;
  pending: Count;
  bids: Count;
  medianDaysToAward: Figure;
  meanDaysToAward: Figure;
};
type DeliveryFigures = {
  milestonesDue: Count;
  milestonesOnTime: Count;
  reviews: Count;
  averageRating: Figure;
  incidents: Count;
  incidentsResolved: Count;
  medianResolutionDays: Figure;
};

export const VENDOR_MEASURES = ["approved", "vetted", "suspended", "expiring"] as const;

/** The aggregates of a report (app/models/reports.server.ts, as `computeReport` gives them), as far as the tables read them. */
export type ReportData = {
  smes: {
    months: readonly { month: string; registered: Count; assessed: Count }[];
    total: { registered: Count; assessed: Count };
  };
  levels: { levels: readonly { level: number; smes: Count }[]; smes: Count };
  outcomes: {
    overall?: Change | null;
    byCategory: readonly (Change & { category: string })[];
    byVendor: readonly (Change & { vendorName: string })[];
  };
  vendors: Record<(typeof VENDOR_MEASURES)[number], Count>;
  vendorCategories: readonly { category: string; vendors: Count }[];
  needs: { months: readonly (NeedsFigures & { month: string })[]; total: NeedsFigures };
  statuses: readonly { status: string; engagements: Count; value: Count }[];
  delivery: { months: readonly (DeliveryFigures & { month: string })[]; total: DeliveryFigures };
  bySector: readonly { sector: string; engagements: Count; value: Count }[];
  byMonth: readonly { month: string; engagements: Count; value: Count }[];
  support: {
    bySizeClass: readonly { sizeClass: string; engagements: Count; cost: Count; support: Count }[];
    total: { engagements: Count; cost: Count; support: Count };
  };
};

export const col = (header: string, type: Column["type"]): Column => ({ header: `reports.columns.${header}`, type });

export function smesTable(data: ReportData["smes"]): TableData {
  return {
    columns: [col("month", "month"), col("registered", "int"), col("assessed", "int")],
    rows: data.months.map((m) => [m.month, m.registered, m.assessed]),
    total: [null, data.total.registered, data.total.assessed],
  };
}

export function levelsTable(data: ReportData["levels"]): TableData {
  return {
    columns: [col("level", "int"), col("levelName", "label"), col("smes", "int"), col("share", "percent")],
    rows: data.levels.map((l) => [l.level, `dbiLevels.${l.level}`, l.smes, share(l.smes, data.smes)]),
    total: [null, null, data.smes, data.smes > 0 ? 1 : null],
  };
}

export function outcomesCategoryTable(data: ReportData["outcomes"]): TableData {
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

export function outcomesVendorTable(data: ReportData["outcomes"]): TableData {
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

export function vendorsTable(data: ReportData["vendors"]): TableData {
  return {
    columns: [col("measure", "label"), col("vendors", "int")],
    rows: VENDOR_MEASURES.map((m) => [`reports.vendors.measures.${m}`, data[m]]),
  };
}

export function vendorCategoriesTable(data: ReportData["vendorCategories"]): TableData {
  return {
    columns: [col("category", "label"), col("vendors", "int")],
    rows: data.map((r) => [`categories.${r.category}`, r.vendors]),
  };
}

export function needsTable(data: ReportData["needs"]): TableData {
  const row = (first: Cell, m: NeedsFigures): Cell[] => [
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

export function engagementStatusTable(data: ReportData["statuses"]): TableData {
  return {
    columns: [col("status", "label"), col("engagements", "int"), col("value", "money")],
    rows: data.map((r) => [`engagementStatuses.${r.status}`, r.engagements, r.value]),
    total: [null, data.reduce((s, r) => s + r.engagements, 0), data.reduce((s, r) => s + r.value, 0)],
  };
}

export function deliveryTable(data: ReportData["delivery"]): TableData {
  const row = (first: Cell, m: DeliveryFigures): Cell[] => [
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

export function valueSectorTable(data: ReportData["bySector"]): TableData {
  const total = data.reduce((s, r) => s + r.value, 0);
  return {
    columns: [col("sector", "label"), col("engagements", "int"), col("value", "money"), col("share", "percent")],
    rows: data.map((r) => [`sectors.${r.sector}`, r.engagements, r.value, share(r.value, total)]),
    total: [null, data.reduce((s, r) => s + r.engagements, 0), total, total > 0 ? 1 : null],
  };
}

export function valueMonthTable(data: ReportData["byMonth"]): TableData {
  return {
    columns: [col("month", "month"), col("engagements", "int"), col("value", "money")],
    rows: data.map((r) => [r.month, r.engagements, r.value]),
    total: [null, data.reduce((s, r) => s + r.engagements, 0), data.reduce((s, r) => s + r.value, 0)],
  };
}

export function supportTable(data: ReportData["support"]): TableData {
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

/** Every aggregate table of a report, by its id (the list of engagements is a download only). */
export function reportTables(data: ReportData): Record<Exclude<ReportTableId, "engagements">, TableData> {
  return {
    smes: smesTable(data.smes),
    levels: levelsTable(data.levels),
    "outcomes-category": outcomesCategoryTable(data.outcomes),
    "outcomes-vendor": outcomesVendorTable(data.outcomes),
    vendors: vendorsTable(data.vendors),
    "vendor-categories": vendorCategoriesTable(data.vendorCategories),
    needs: needsTable(data.needs),
    "engagement-status": engagementStatusTable(data.statuses),
    delivery: deliveryTable(data.delivery),
    "value-sector": valueSectorTable(data.bySector),
    "value-month": valueMonthTable(data.byMonth),
    support: supportTable(data.support),
  };
}
