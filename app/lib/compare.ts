/**
 * The figures on the compare page (docs/product.md §7) that are decided rather than read: which
 * bids are the lowest and which lie within the need's budget, and a vendor's on-time rate with the
 * number of milestones it rests on.
 */

export type BidMarkers = { lowest: boolean; withinBudget: boolean };

/**
 * "Lowest" marks the bid (or the bids, on a tie) with the smallest total, only when there are at
 * least two bids to compare. "Within budget" marks a total inside the need's budget range, both
 * ends included.
 */
export function bidMarkers(
  bids: readonly { id: string; total: number }[],
  budget: { min: number; max: number },
): Record<string, BidMarkers> {
  const lowestTotal = bids.length >= 2 ? Math.min(...bids.map((b) => b.total)) : null;
  const out: Record<string, BidMarkers> = {};
  for (const b of bids) {
    out[b.id] = {
      lowest: lowestTotal !== null && b.total === lowestTotal,
      withinBudget: b.total >= budget.min && b.total <= budget.max,
    };
  }
  return out;
}

export type OnTimeRate = { percent: number | null; milestones: number };

/**
 * A vendor's on-time rate as the compare page shows it: the whole percentage of its due milestones
 * (accepted, or late and never submitted: `onTimeCounts`) that were delivered on time, and how many
 * milestones that is. No milestone due yet: no rate (`percent: null`), never 0% or 100%.
 */
export function onTimeRate(counts: { due: number; onTime: number }): OnTimeRate {
  const due = Math.max(0, Math.floor(counts.due));
  if (due === 0) return { percent: null, milestones: 0 };
  const onTime = Math.min(Math.max(0, Math.floor(counts.onTime)), due);
  return { percent: Math.round((100 * onTime) / due), milestones: due };
}
