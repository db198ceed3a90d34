/**
 * What the compare page adds to a need's bids (docs/product.md §7): each bidder's track record
 * (on-time milestones, on the same definition as its profile: `trackRecordsNow`, read from the
 * maintained `vendor_stats` rows) and who vetted it.
 * Kept apart from `bidsOfNeed` so the bid list's shape stays as it is.
 */
import { inArray } from "drizzle-orm";
import { getDb, schema } from "../../db/client.server";
import { onTimeRate, type OnTimeRate } from "~/lib/compare";
import type { STAFF_ORGANISATIONS } from "~/lib/reference";
import { trackRecordsNow } from "./vendor-stats.server";

export type BidderFacts = {
  onTime: OnTimeRate;
  completed: number;
  vettedBy: (typeof STAFF_ORGANISATIONS)[number] | null;
};

export function bidderFacts(vendorIds: readonly string[], now = Date.now()): Record<string, BidderFacts> {
  const ids = [...new Set(vendorIds)];
  if (ids.length === 0) return {};
  const records = trackRecordsNow(ids, now);
  const vetters = new Map(
    getDb()
      .select({ id: schema.vendorProfiles.organisationId, vettedBy: schema.vendorProfiles.vettedBy })
      .from(schema.vendorProfiles)
      .where(inArray(schema.vendorProfiles.organisationId, ids))
      .all()
      .map((r) => [r.id, r.vettedBy]),
  );
  const out: Record<string, BidderFacts> = {};
  for (const id of ids) {
    const record = records.get(id) ?? { completed: 0, due: 0, onTime: 0 };
    out[id] = { onTime: onTimeRate(record), completed: record.completed, vettedBy: vetters.get(id) ?? null };
  }
  return out;
}
