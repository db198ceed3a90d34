/**
 * The arithmetic of the programme's reports, with no I/O: medians and means, the level change
 * after engagements (overall, by solution category, by vendor), and the small-group suppression
 * that keeps the public statistics from describing any single SME.
 */
import type { Category } from "./reference";

/** A vendor's client outcome is shown only when it rests on at least this many engagements. */
export const CLIENT_OUTCOME_MIN_ENGAGEMENTS = 3;
/** The public statistics never show a figure about fewer than this many SMEs. */
export const MIN_PUBLIC_GROUP = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** part / whole, or null when there is no whole to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Rounded to `digits` decimals for a table or a CSV cell; null stays null. */
export function round(value: number | null, digits = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** One completed engagement with the SME's level before the award and after completion. */
export type OutcomeRow = {
  engagementId: string;
  smeId: string;
  vendorId: string;
  vendorName: string;
  category: Category;
  /** the level of the last assessment completed before the award; null when none */
  before: number | null;
  /** the level of the first assessment completed after completion; null when none yet */
  after: number | null;
};

export type OutcomeGroup = {
  /** engagements whose outcome is measured (both assessments exist) */
  engagements: number;
  /** the distinct SMEs behind them */
  smes: number;
  before: number;
  after: number;
  /** the average of (after − before) */
  change: number;
};

export type OutcomeSummary = {
  /** completed engagements in the set, measured or not */
  completed: number;
  overall: OutcomeGroup | null;
  byCategory: (OutcomeGroup & { category: Category })[];
  /** only vendors with at least CLIENT_OUTCOME_MIN_ENGAGEMENTS measured engagements */
  byVendor: (OutcomeGroup & { vendorId: string; vendorName: string })[];
  /** vendors with a measured engagement but fewer than the minimum */
  vendorsBelowMinimum: number;
};

type Measured = OutcomeRow & { before: number; after: number };

function group(rows: readonly Measured[]): OutcomeGroup {
  return {
    engagements: rows.length,
    smes: new Set(rows.map((r) => r.smeId)).size,
    before: mean(rows.map((r) => r.before))!,
    after: mean(rows.map((r) => r.after))!,
    change: mean(rows.map((r) => r.after - r.before))!,
  };
}

function groupBy<K>(rows: readonly Measured[], key: (r: Measured) => K): Map<K, Measured[]> {
  const out = new Map<K, Measured[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * The average level change after engagements: overall, by solution category and by vendor (the
 * vendor's "client outcome", shown only where it rests on `minVendorEngagements` engagements).
 * Only engagements with an assessment on both sides count; categories and vendors are ordered by
 * the change, largest first, then by how many engagements back it.
 */
export function summariseOutcomes(
  rows: readonly OutcomeRow[],
  minVendorEngagements = CLIENT_OUTCOME_MIN_ENGAGEMENTS,
): OutcomeSummary {
  const measured = rows.filter((r): r is Measured => r.before !== null && r.after !== null);
  const order = (a: OutcomeGroup, b: OutcomeGroup) => b.change - a.change || b.engagements - a.engagements;
  const byCategory = [...groupBy(measured, (r) => r.category)]
    .map(([category, list]) => ({ category, ...group(list) }))
    .sort((a, b) => order(a, b) || a.category.localeCompare(b.category));
  const vendors = [...groupBy(measured, (r) => r.vendorId)];
  const byVendor = vendors
    .filter(([, list]) => list.length >= minVendorEngagements)
    .map(([vendorId, list]) => ({ vendorId, vendorName: list[0]!.vendorName, ...group(list) }))
    .sort((a, b) => order(a, b) || a.vendorName.localeCompare(b.vendorName, "vi"));
  return {
    completed: rows.length,
    overall: measured.length > 0 ? group(measured) : null,
    byCategory,
    byVendor,
    vendorsBelowMinimum: vendors.length - byVendor.length,
  };
}

/**
 * Statistical disclosure control for the public page. A group about fewer than `min` SMEs is
 * suppressed; and when exactly one non-empty group would be suppressed while the total is
 * published, the smallest other non-empty group is suppressed with it, so that the hidden figure
 * cannot be had by subtracting the others from the total. Empty groups (no SME at all) describe
 * nobody and stay.
 */
export function suppressSmallGroups<T extends { smes: number }>(
  groups: readonly T[],
  min = MIN_PUBLIC_GROUP,
): (T & { suppressed: boolean })[] {
  const primary = (g: T) => g.smes > 0 && g.smes < min;
  const out = groups.map((g) => ({ ...g, suppressed: primary(g) }));
  const hidden = out.filter((g) => g.suppressed).length;
  if (hidden === 1) {
    const next = out
      .map((g, i) => ({ g, i }))
      .filter(({ g }) => !g.suppressed && g.smes > 0)
      .sort((a, b) => a.g.smes - b.g.smes || a.i - b.i)[0];
    if (next) next.g.suppressed = true;
  }
  return out;
}

/** Whether a figure about `smes` SMEs may be published. */
export function publishable(smes: number, min = MIN_PUBLIC_GROUP): boolean {
  return smes === 0 || smes >= min;
}
