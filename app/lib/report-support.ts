/**
 * The estimated Decree 80 support in the programme's reports. The reports ask this adapter, one
 * engagement at a time, and never app/lib/support-estimate.ts directly: when the estimate learns
 * the yearly cap (what the same SME was already estimated in the same calendar year), only
 * `estimateEngagementSupport` changes.
 */
import type { SizeClass } from "./enterprise-size";
import type { Category } from "./reference";
import { estimateSupport, SUPPORT_RATES_DEFAULT, type SupportRates } from "./support-estimate";

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

/** Integer VND the SME may claim for this engagement, by the current rule. */
export function estimateEngagementSupport(
  e: EngagementForSupport,
  rates: SupportRates = SUPPORT_RATES_DEFAULT,
): number {
  if (!e.sizeClass) return 0;
  return estimateSupport({ sizeClass: e.sizeClass, category: e.category, cost: e.cost }, rates).amount;
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
): { bySizeClass: SupportSummaryRow[]; total: Omit<SupportSummaryRow, "sizeClass"> } {
  const by = new Map<SizeClass | "unknown", SupportSummaryRow>();
  const total = { engagements: 0, cost: 0, support: 0 };
  for (const e of rows) {
    const key = e.sizeClass ?? "unknown";
    const row = by.get(key) ?? { sizeClass: key, engagements: 0, cost: 0, support: 0 };
    const amount = estimateEngagementSupport(e, rates);
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
