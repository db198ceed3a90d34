/**
 * The estimated Decree 80 support in the programme's reports, by the same rule as the engagement
 * page: each SME's engagements of one calendar year (Ho Chi Minh City) share its yearly cap, in
 * completion order (`estimateSupportForYear`).
 */
import type { SizeClass } from "./enterprise-size";
import type { Category } from "./reference";
import { localYear } from "./local-date";
import { estimateSupport, estimateSupportForYear, SUPPORT_RATES_DEFAULT, type SupportRates } from "./support-estimate";

export type EngagementForSupport = {
  engagementId: string;
  smeId: string;
  /** null when the SME never gave its size: no estimate */
  sizeClass: SizeClass | null;
  category: Category;
  /** the engagement's value, integer VND */
  cost: number;
  completedAt: number;
};

/** Integer VND the SME may claim for this engagement alone (the first of its year). */
export function estimateEngagementSupport(
  e: EngagementForSupport,
  rates: SupportRates = SUPPORT_RATES_DEFAULT,
): number {
  if (!e.sizeClass) return 0;
  return estimateSupport({ sizeClass: e.sizeClass, category: e.category, cost: e.cost }, rates).amount;
}

/**
 * Integer VND per engagement within each SME's yearly cap. `yearRows` must hold every engagement
 * completed in the calendar years concerned up to the last one asked about, whatever its sector:
 * an earlier engagement outside a report's filter still used the cap.
 */
export function estimateEngagementSupports(
  yearRows: readonly EngagementForSupport[],
  rates: SupportRates = SUPPORT_RATES_DEFAULT,
): Map<string, number> {
  const years = new Map<string, EngagementForSupport[]>();
  for (const e of yearRows) {
    const key = `${e.smeId}:${localYear(e.completedAt)}`;
    years.set(key, [...(years.get(key) ?? []), e]);
  }
  const amounts = new Map<string, number>();
  for (const rows of years.values()) {
    rows.sort((a, b) => a.completedAt - b.completedAt || a.engagementId.localeCompare(b.engagementId));
    const sizeClass = rows[0]!.sizeClass;
    if (!sizeClass) {
      for (const e of rows) amounts.set(e.engagementId, 0);
      continue;
    }
    const items = rows.map((e) => ({ id: e.engagementId, category: e.category, cost: e.cost }));
    for (const [id, estimate] of estimateSupportForYear(items, sizeClass, rates)) amounts.set(id, estimate.amount);
  }
  return amounts;
}

export type SupportSummaryRow = {
  sizeClass: SizeClass | "unknown";
  engagements: number;
  cost: number;
  support: number;
};

const ORDER: (SizeClass | "unknown")[] = ["micro", "small", "medium", "large", "unknown"];

/** Engagements, their value and the estimated support, by the SME's size class, and the totals. */
export function summariseSupport(
  rows: readonly EngagementForSupport[],
  rates: SupportRates = SUPPORT_RATES_DEFAULT,
  amounts: Map<string, number> = estimateEngagementSupports(rows, rates),
): { bySizeClass: SupportSummaryRow[]; total: Omit<SupportSummaryRow, "sizeClass"> } {
  const by = new Map<SizeClass | "unknown", SupportSummaryRow>();
  const total = { engagements: 0, cost: 0, support: 0 };
  for (const e of rows) {
    const key = e.sizeClass ?? "unknown";
    const row = by.get(key) ?? { sizeClass: key, engagements: 0, cost: 0, support: 0 };
    const amount = amounts.get(e.engagementId) ?? 0;
    row.engagements += 1;
    row.cost += e.cost;
    row.support += amount;
    by.set(key, row);
    total.engagements += 1;
    total.cost += e.cost;
    total.support += amount;
  }
  return { bySizeClass: ORDER.flatMap((k) => (by.has(k) ? [by.get(k)!] : [])), total };
}
