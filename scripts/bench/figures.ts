/**
 * The benchmark's arithmetic (issue 14), pure so that it is tested: percentiles, a page's share of
 * the trivial page's throughput, the p50 ratio between the scales, and the targets' verdicts.
 */

/** The p-th percentile (0–100) of the values, nearest-rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

/** The median of numbers (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A page's throughput as a share of the trivial page's, where the trivial page was measured just
 * before and just after it (the mean of those runs): the machine's load changes between runs, so
 * each page is compared with its neighbours, not with one trivial run at the start.
 */
export function shareOfTrivial(pageRps: number, trivialRps: readonly number[]): number {
  const usable = trivialRps.filter((r) => r > 0);
  if (usable.length === 0 || !(pageRps >= 0)) return Number.NaN;
  return pageRps / (usable.reduce((a, b) => a + b, 0) / usable.length);
}

/** p50 at full scale ÷ p50 at 1% scale. A p50 under 1 ms is counted as 1 ms (autocannon's resolution). */
export function scaleRatio(fullP50: number, smallP50: number): number {
  if (!(fullP50 >= 0) || !(smallP50 >= 0)) return Number.NaN;
  return Math.max(1, fullP50) / Math.max(1, smallP50);
}

export type Target = { label: string; value: number; limit: number; atLeast: boolean };

/** Whether a figure meets its target; an unmeasured figure (NaN) fails. */
export function meets(t: Pick<Target, "value" | "limit" | "atLeast">): boolean {
  if (Number.isNaN(t.value)) return false;
  return t.atLeast ? t.value >= t.limit : t.value <= t.limit;
}

export const TARGETS = {
  /** Every page at least half the trivial page's throughput at full scale. */
  shareOfTrivial: 0.5,
  /** p50 at full scale at most 1.5× its p50 at 1% scale. */
  scaleRatio: 1.5,
  /** The trivial page at least 70% of a bare Remix page's throughput. */
  trivialOfBare: 0.7,
  /** No request waits more than 100 ms behind the sweep. */
  sweepWaitMs: 100,
  /** Under load with writes: p99 and the bid acknowledgement p99 below 2 s. */
  loadP99Ms: 2000,
  /** Gzipped JavaScript per page. */
  jsKb: 100,
  /** Lighthouse mobile performance. */
  lighthouse: 95,
} as const;

/** "✓ 63%" / "✗ 31%": a figure with its verdict, for the printed tables. */
export function verdict(t: Pick<Target, "value" | "limit" | "atLeast">, text: string): string {
  return `${meets(t) ? "pass" : "FAIL"} ${text}`;
}

/** A column-aligned text table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
