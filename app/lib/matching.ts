/**
 * Matchmaking (docs/product.md §8): an explainable 0–100 score of a vendor for a need, the same from either
 * side, with the reasons as locale keys under `match.reasons.*`.
 *
 * Parts and weights: category fit 35, sector experience 20, price fit 15, quality 20, availability
 * and risk 10. Every curve below is bounded by its weight, so the score is in 0–100 by construction.
 *
 * The caller (a model) filters in SQL first and hands over plain numbers: it decides who is vetted
 * now (`isVettedNow` of vendor-lifecycle.ts) and computes the marketplace statistics
 * (`marketStatsFrom`). Nothing here reads a clock or a database.
 *
 * One module though over 400 lines: the five parts of one score and the rankings built on it,
 * whose weights and curves must be read together to see the score stays in 0–100.
 */
import type { Category, Sector } from "./reference";

export const MATCH_WEIGHTS = { category: 35, sector: 20, price: 15, quality: 20, availability: 10 } as const;
export type MatchPart = keyof typeof MATCH_WEIGHTS;

/* ───────────────────────────── inputs and outputs ───────────────────────────── */

export type NeedForMatch = {
  id: string;
  category: Category;
  sector: Sector;
  /** integer VND */
  budgetMin: number;
  /** integer VND */
  budgetMax: number;
};

export type PackageForMatch = {
  category: Category;
  /** integer VND; compared with the budget as listed, whatever the package's unit (see `priceFit`) */
  priceFrom: number;
  /** integer VND */
  priceTo: number;
};

export type VendorForMatch = {
  id: string;
  name: string;
  /** Vetted, unexpired and unsuspended now (`isVettedNow`); anything else is never scored. */
  vetted: boolean;
  categories: readonly Category[];
  sectors: readonly Sector[];
  /** Current (not withdrawn) packages. */
  packages: readonly PackageForMatch[];
  /** Sum of the overall ratings (1–5) of its verified reviews. */
  ratingSum: number;
  ratingCount: number;
  /** Completed engagements with SMEs of the need's sector. */
  completedInSector: number;
  /** Milestones whose due date has passed or that were accepted, and how many of them were submitted on time. */
  milestonesDue: number;
  milestonesOnTime: number;
  activeEngagements: number;
  openFlags: number;
};

/** The priors that smoothing pulls toward: the marketplace as a whole. */
export type MarketStats = {
  /** mean overall rating of all verified reviews, 1–5 */
  meanRating: number;
  /** share of all due milestones that were on time, 0–1 */
  onTimeRate: number;
};

/**
 * The priors of an empty marketplace. While nobody has history every vendor gets the same prior,
 * so these values shift absolute scores but never the order; they are plausible, not measured.
 */
export const EMPTY_MARKET_STATS: MarketStats = { meanRating: 4, onTimeRate: 0.8 };

/** Marketplace statistics from totals over every vetted vendor, falling back to the empty-market priors. */
export function marketStatsFrom(totals: {
  ratingSum: number;
  ratingCount: number;
  milestonesDue: number;
  milestonesOnTime: number;
}): MarketStats {
  return {
    meanRating:
      totals.ratingCount > 0 ? clamp(totals.ratingSum / totals.ratingCount, 1, 5) : EMPTY_MARKET_STATS.meanRating,
    onTimeRate:
      totals.milestonesDue > 0
        ? clamp(totals.milestonesOnTime / totals.milestonesDue, 0, 1)
        : EMPTY_MARKET_STATS.onTimeRate,
  };
}

/**
 * A reason in words, for the page to translate: `t(reason.key, values)`. Plural families
 * (`_one`/`_other`) are chosen by i18next from `count`. Some values are ids or money that the page
 * turns into words first: see `REASON_VALUE_KINDS`.
 */
export type Reason = { key: string; values?: Record<string, string | number> };

/**
 * How the page prepares each value before interpolation: `category` and `related` are category
 * ids (`categories.*`), `sector` a sector id (`sectors.*`), `priceFrom`/`priceTo` integer VND
 * (formatMoney), `rating` a number with one decimal (formatNumber), the rest plain integers.
 */
export const REASON_VALUE_KINDS = {
  category: "category",
  related: "category",
  sector: "sector",
  priceFrom: "money",
  priceTo: "money",
  rating: "decimal",
  count: "integer",
  percent: "integer",
} as const;

export type MatchParts = Record<MatchPart, number>;

export type MatchScore = {
  /** integer 0–100: the rounded sum of the parts */
  score: number;
  /** each part in 0…its weight, unrounded (the page rounds for display) */
  parts: MatchParts;
  /** in the order of the parts: category, sector, price, quality, availability */
  reasons: Reason[];
};

export type VendorMatch = MatchScore & { vendorId: string };
export type NeedMatch = MatchScore & { needId: string };

/* ───────────────────────────── category fit (35) ───────────────────────────── */

/**
 * Categories close enough that a vendor offering one can plausibly deliver, or subcontract, the
 * other: the software often comes as one suite (accounting with e-invoices, ERP with HR) or the
 * skills overlap (analytics and AI). Kept small on purpose; symmetric.
 */
const RELATED_PAIRS: readonly (readonly [Category, Category])[] = [
  ["accounting", "e_invoice"],
  ["accounting", "erp"],
  ["accounting", "hr_payroll"],
  ["e_invoice", "e_contract"],
  ["erp", "hr_payroll"],
  ["erp", "crm"],
  ["erp", "warehouse_logistics"],
  ["crm", "digital_marketing"],
  ["crm", "ecommerce"],
  ["ecommerce", "digital_marketing"],
  ["ecommerce", "pos_retail"],
  ["ecommerce", "web_app_development"],
  ["pos_retail", "warehouse_logistics"],
  ["warehouse_logistics", "iot_manufacturing"],
  ["cloud_hosting", "cybersecurity"],
  ["cloud_hosting", "web_app_development"],
  ["data_analytics", "ai_automation"],
  ["data_analytics", "digital_marketing"],
  ["ai_automation", "iot_manufacturing"],
  ["dx_consulting", "digital_skills_training"],
];

const RELATED = new Map<Category, Category[]>();
for (const [a, b] of RELATED_PAIRS) {
  RELATED.set(a, [...(RELATED.get(a) ?? []), b]);
  RELATED.set(b, [...(RELATED.get(b) ?? []), a]);
}

/** The categories related to one, for the model's SQL pre-filter (vendors offering it or a related one). */
export function relatedCategories(category: Category): Category[] {
  return [...(RELATED.get(category) ?? [])];
}

/**
 * Share of the category weight for a related category: 40% (14 of 35 points). It keeps a
 * related vendor visible when few offer the category, yet a related vendor also scores 0 on price
 * (it has no package in the category), so it ranks below comparable vendors that offer it.
 */
export const RELATED_CATEGORY_SHARE = 0.4;

function categoryFit(
  need: NeedForMatch,
  vendor: Pick<VendorForMatch, "categories">,
): { points: number; reason: Reason } {
  const weight = MATCH_WEIGHTS.category;
  if (vendor.categories.includes(need.category)) {
    return { points: weight, reason: { key: "match.reasons.offersCategory", values: { category: need.category } } };
  }
  // The first related category in the table's order, so the reason does not depend on the vendor's list order.
  const related = relatedCategories(need.category).find((c) => vendor.categories.includes(c));
  if (related) {
    return {
      points: weight * RELATED_CATEGORY_SHARE,
      reason: { key: "match.reasons.relatedCategory", values: { category: need.category, related } },
    };
  }
  return { points: 0, reason: { key: "match.reasons.noCategory", values: { category: need.category } } };
}

/* ───────────────────────────── sector experience (20) ───────────────────────────── */

/** Half the sector weight for declaring the sector; the other half grows with completed engagements in it. */
export const SECTOR_DECLARED_SHARE = 0.5;
/**
 * Completed engagements in the sector at which the experience half is full. Three is where an
 * owner stops asking "have you done this for a business like mine?", and it keeps the many
 * vendors with long histories from burying good newer ones.
 */
export const SECTOR_ENGAGEMENTS_SATURATION = 3;

function sectorFit(
  need: NeedForMatch,
  vendor: Pick<VendorForMatch, "sectors" | "completedInSector">,
): { points: number; reason: Reason } {
  const weight = MATCH_WEIGHTS.sector;
  const declared = vendor.sectors.includes(need.sector);
  const completed = wholeCount(vendor.completedInSector);
  // Completed engagements count even when the sector was not declared: they are evidence, a declaration is a claim.
  const points =
    (declared ? weight * SECTOR_DECLARED_SHARE : 0) +
    weight *
      (1 - SECTOR_DECLARED_SHARE) *
      (Math.min(completed, SECTOR_ENGAGEMENTS_SATURATION) / SECTOR_ENGAGEMENTS_SATURATION);
  const reason: Reason =
    completed > 0
      ? { key: "match.reasons.completedInSector", values: { count: completed, sector: need.sector } }
      : declared
        ? { key: "match.reasons.servesSector", values: { sector: need.sector } }
        : { key: "match.reasons.noSectorExperience", values: { sector: need.sector } };
  return { points, reason };
}

/* ───────────────────────────── price fit (15) ───────────────────────────── */

/** A package priced below the budget keeps at least this share: cheaper is not worse, but it may cover less than the SME means to buy. */
export const PRICE_BELOW_FLOOR = 0.5;

/**
 * How well one package's price range [priceFrom, priceTo] fits the budget [min, max], 0–1:
 *   overlaps the budget                → 1
 *   starts above it (priceFrom > max)  → 1 − (priceFrom − max) / max, linear down to 0 at twice the
 *                                        maximum: 20% over budget keeps 80%, double the budget is no fit
 *   ends below it (priceTo < min)      → 0.5 + 0.5 · priceTo / min, from 1 at the minimum down to
 *                                        half for a (nearly) free package
 * Prices are compared as listed: a monthly package is not multiplied out, as the package's unit is
 * the vendor's and the budget is the SME's estimate of the whole engagement.
 */
export function priceFit(pkg: Pick<PackageForMatch, "priceFrom" | "priceTo">, budgetMin: number, budgetMax: number) {
  const min = Math.max(0, Math.min(budgetMin, budgetMax));
  const max = Math.max(1, budgetMin, budgetMax);
  const from = Math.max(0, Math.min(pkg.priceFrom, pkg.priceTo));
  const to = Math.max(0, pkg.priceFrom, pkg.priceTo);
  if (from > max) return { fit: clamp(1 - (from - max) / max, 0, 1), position: "above" as const };
  if (to < min) return { fit: PRICE_BELOW_FLOOR + (1 - PRICE_BELOW_FLOOR) * (to / min), position: "below" as const };
  return { fit: 1, position: "within" as const };
}

/**
 * The vendor's package in the need's category that fits the budget best (the cheaper among equal
 * fits). Not simply the cheapest: a vendor with a starter package and a full one fits a large
 * budget through the full one.
 */
function priceFitPart(need: NeedForMatch, vendor: VendorForMatch): { points: number; reason: Reason } {
  const weight = MATCH_WEIGHTS.price;
  let best: { fit: number; position: "above" | "below" | "within"; pkg: PackageForMatch } | null = null;
  for (const pkg of vendor.packages) {
    if (pkg.category !== need.category) continue;
    const f = priceFit(pkg, need.budgetMin, need.budgetMax);
    if (!best || f.fit > best.fit || (f.fit === best.fit && pkg.priceFrom < best.pkg.priceFrom)) best = { ...f, pkg };
  }
  if (!best) return { points: 0, reason: { key: "match.reasons.noPackage", values: { category: need.category } } };
  const key = { within: "priceWithinBudget", above: "priceAboveBudget", below: "priceBelowBudget" }[best.position];
  return {
    points: weight * best.fit,
    reason: { key: `match.reasons.${key}`, values: { priceFrom: best.pkg.priceFrom, priceTo: best.pkg.priceTo } },
  };
}

/* ───────────────────────────── quality (20) ───────────────────────────── */

/** Of the 20 quality points, 12 come from ratings and 8 from the on-time rate: reviews say more, but are one side's opinion. */
export const QUALITY_RATING_POINTS = 12;
export const QUALITY_ON_TIME_POINTS = MATCH_WEIGHTS.quality - QUALITY_RATING_POINTS;
/**
 * Prior weight m of the Bayesian average (C·m + Σratings) / (m + n): the marketplace mean counts as
 * five reviews. One 5-star review then moves a vendor only a sixth of the way from the mean to 5,
 * while twenty 4.8s carry four fifths of the weight.
 */
export const RATING_PRIOR_WEIGHT = 5;
/** Prior weight of the on-time rate, in milestones: about two or three engagements' worth. */
export const ON_TIME_PRIOR_WEIGHT = 10;

/** The Bayesian average rating, 1–5. With no reviews it is the marketplace mean. */
export function smoothedRating(ratingSum: number, ratingCount: number, meanRating: number): number {
  const n = wholeCount(ratingCount);
  const sum = n > 0 ? clamp(ratingSum, n, 5 * n) : 0;
  const mean = Number.isFinite(meanRating) ? clamp(meanRating, 1, 5) : EMPTY_MARKET_STATS.meanRating;
  return (mean * RATING_PRIOR_WEIGHT + sum) / (RATING_PRIOR_WEIGHT + n);
}

/** The on-time rate smoothed the same way toward the marketplace rate, 0–1. */
export function smoothedOnTimeRate(onTime: number, due: number, marketRate: number): number {
  const d = wholeCount(due);
  const ok = Math.min(wholeCount(onTime), d);
  const prior = Number.isFinite(marketRate) ? clamp(marketRate, 0, 1) : EMPTY_MARKET_STATS.onTimeRate;
  return (prior * ON_TIME_PRIOR_WEIGHT + ok) / (ON_TIME_PRIOR_WEIGHT + d);
}

function quality(vendor: VendorForMatch, stats: MarketStats): { points: number; reasons: Reason[] } {
  const rating = smoothedRating(vendor.ratingSum, vendor.ratingCount, stats.meanRating);
  const onTime = smoothedOnTimeRate(vendor.milestonesOnTime, vendor.milestonesDue, stats.onTimeRate);
  const points = (QUALITY_RATING_POINTS * (rating - 1)) / 4 + QUALITY_ON_TIME_POINTS * onTime;

  const count = wholeCount(vendor.ratingCount);
  const due = wholeCount(vendor.milestonesDue);
  // The reasons show what people see on the profile (the raw average and rate), not the smoothed values.
  const reasons: Reason[] = [
    count > 0
      ? {
          key: "match.reasons.rating",
          values: { rating: Math.round(clamp(vendor.ratingSum / count, 1, 5) * 10) / 10, count },
        }
      : { key: "match.reasons.noReviews" },
    due > 0
      ? {
          key: "match.reasons.onTime",
          values: { percent: Math.round((100 * Math.min(wholeCount(vendor.milestonesOnTime), due)) / due), count: due },
        }
      : { key: "match.reasons.noMilestones" },
  ];
  return { points, reasons };
}

/* ───────────────────────────── availability and risk (10) ───────────────────────────── */

/** Half of the 10 points for load: each active engagement costs a fifth, none left from five on. */
export const LOAD_POINTS = 5;
export const LOAD_SATURATION = 5;
/** The other half for risk: each open flag costs 2.5 points, so two open flags take it all. */
export const FLAG_POINTS = MATCH_WEIGHTS.availability - LOAD_POINTS;
export const FLAG_COST = 2.5;

function availability(vendor: VendorForMatch): { points: number; reasons: Reason[] } {
  const active = wholeCount(vendor.activeEngagements);
  const flags = wholeCount(vendor.openFlags);
  const points =
    LOAD_POINTS * (1 - Math.min(active, LOAD_SATURATION) / LOAD_SATURATION) +
    Math.max(0, FLAG_POINTS - FLAG_COST * flags);
  return {
    points,
    reasons: [
      active > 0
        ? { key: "match.reasons.activeEngagements", values: { count: active } }
        : { key: "match.reasons.noActiveEngagements" },
      flags > 0 ? { key: "match.reasons.openFlags", values: { count: flags } } : { key: "match.reasons.noOpenFlags" },
    ],
  };
}

/* ───────────────────────────── the score ───────────────────────────── */

/**
 * The score of a vendor for a need, or `null` when the vendor is not vetted now: an unvetted
 * vendor has no score at all (not a low one), and `null` makes the caller decide not to show it
 * rather than crash a page built from many vendors.
 */
export function scoreVendor(need: NeedForMatch, vendor: VendorForMatch, stats: MarketStats): MatchScore | null {
  if (!vendor.vetted) return null;
  const c = categoryFit(need, vendor);
  const s = sectorFit(need, vendor);
  const p = priceFitPart(need, vendor);
  const q = quality(vendor, stats);
  const a = availability(vendor);
  const parts: MatchParts = {
    category: clamp(c.points, 0, MATCH_WEIGHTS.category),
    sector: clamp(s.points, 0, MATCH_WEIGHTS.sector),
    price: clamp(p.points, 0, MATCH_WEIGHTS.price),
    quality: clamp(q.points, 0, MATCH_WEIGHTS.quality),
    availability: clamp(a.points, 0, MATCH_WEIGHTS.availability),
  };
  const total = parts.category + parts.sector + parts.price + parts.quality + parts.availability;
  return {
    score: clamp(Math.round(total), 0, 100),
    parts,
    reasons: [c.reason, s.reason, p.reason, ...q.reasons, ...a.reasons],
  };
}

/**
 * The highest score a vendor can have on the need knowing only its categories, declared sectors
 * and completed engagements in the need's sector: those two parts as scored, every other part
 * whole, summed in `scoreVendor`'s order. A list whose last vendor scores above it has no room for
 * a vendor with these facts (a model need not read such vendors).
 */
export function scoreCeiling(
  need: NeedForMatch,
  vendor: Pick<VendorForMatch, "categories" | "sectors" | "completedInSector">,
): number {
  const w = MATCH_WEIGHTS;
  const total =
    clamp(categoryFit(need, vendor).points, 0, w.category) +
    clamp(sectorFit(need, vendor).points, 0, w.sector) +
    w.price +
    w.quality +
    w.availability;
  return clamp(Math.round(total), 0, 100);
}

/** Code-unit order, the same on every machine and locale (unlike localeCompare). */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The top `limit` vetted vendors for a need. Order: score descending; on equal scores the higher
 * quality part, then more completed engagements in the need's sector, then vendor id ascending —
 * so the same inputs in any order give the same ranking, and ties favour proven delivery.
 */
export function rankVendors(
  need: NeedForMatch,
  vendors: readonly VendorForMatch[],
  stats: MarketStats,
  limit = 10,
): VendorMatch[] {
  const scored: { match: VendorMatch; completed: number }[] = [];
  for (const vendor of vendors) {
    const result = scoreVendor(need, vendor, stats);
    if (result) scored.push({ match: { vendorId: vendor.id, ...result }, completed: vendor.completedInSector });
  }
  scored.sort(compareVendorRanks);
  return scored.slice(0, Math.max(0, limit)).map((s) => s.match);
}

/** What `rankVendors` orders by: a vendor's match and its completed engagements in the need's sector. */
export type VendorRank = { match: VendorMatch; completed: number };

/**
 * The order of `rankVendors` (negative: `a` first): score descending, then the quality part, then
 * completed engagements in the need's sector, then vendor id. A total order: no two vendors tie.
 */
export function compareVendorRanks(a: VendorRank, b: VendorRank): number {
  return (
    b.match.score - a.match.score ||
    b.match.parts.quality - a.match.parts.quality ||
    wholeCount(b.completed) - wholeCount(a.completed) ||
    byId(a.match.vendorId, b.match.vendorId)
  );
}

/**
 * The best rank a vendor could have on the need, from everything but its packages and open flags:
 * its score with a package fitting the budget exactly (the whole price weight) and no open flag
 * (the whole risk half), every other part computed as in `scoreVendor` from the same facts. No
 * part of the real score is above its part here and the other sort keys (quality, completed,
 * id) are the same, so the vendor's real rank in `compareVendorRanks` never comes before this one:
 * a model can rank candidates by it and score in full only those that could still make the list.
 * `vendor.packages` and `vendor.openFlags` are ignored. `null` when the vendor is not vetted.
 */
export function bestPossibleRank(need: NeedForMatch, vendor: VendorForMatch, stats: MarketStats): VendorRank | null {
  const perfect: PackageForMatch = { category: need.category, priceFrom: need.budgetMin, priceTo: need.budgetMax };
  const result = scoreVendor(need, { ...vendor, packages: [perfect], openFlags: 0 }, stats);
  return result ? { match: { vendorId: vendor.id, ...result }, completed: vendor.completedInSector } : null;
}

/**
 * The top `limit` needs for a vendor, scored by the same function. `completedInSector` depends on
 * the need's sector, so the caller passes it per sector in `completedBySector` (missing = 0); the
 * vendor's own `completedInSector` is then ignored. An unvetted vendor gets no recommendations.
 * Order: score descending, then the category part (the vendor's own category before a related
 * one), then the sector part, then need id ascending.
 */
export function rankNeedsForVendor(
  vendor: VendorForMatch,
  needs: readonly NeedForMatch[],
  stats: MarketStats,
  limit = 10,
  completedBySector: Partial<Record<Sector, number>> = {},
): NeedMatch[] {
  if (!vendor.vetted) return [];
  const scored: NeedMatch[] = [];
  for (const need of needs) {
    const v = { ...vendor, completedInSector: completedBySector[need.sector] ?? 0 };
    const result = scoreVendor(need, v, stats);
    if (result) scored.push({ needId: need.id, ...result });
  }
  scored.sort(compareNeedMatches);
  return scored.slice(0, Math.max(0, limit));
}

/** The order of `rankNeedsForVendor` (negative: `a` first): score, category part, sector part, then need id. */
export function compareNeedMatches(a: NeedMatch, b: NeedMatch): number {
  return (
    b.score - a.score ||
    b.parts.category - a.parts.category ||
    b.parts.sector - a.parts.sector ||
    byId(a.needId, b.needId)
  );
}

/**
 * The best match a need of this category and sector could be for the vendor, whatever its budget:
 * the vendor's score with a package fitting the budget exactly, every other part as scored (the
 * vendor's `completedInSector` must be its count in the need's sector). Its score, category and
 * sector parts are each at least the real match's, so with an id before every need's ("") it
 * comes no later in `compareNeedMatches` than any need of that category and sector.
 */
export function bestPossibleNeedMatch(
  vendor: VendorForMatch,
  need: Pick<NeedForMatch, "category" | "sector">,
  stats: MarketStats,
): NeedMatch | null {
  const probe: NeedForMatch = { id: "", category: need.category, sector: need.sector, budgetMin: 1, budgetMax: 1 };
  const perfect: PackageForMatch = { category: need.category, priceFrom: 1, priceTo: 1 };
  const result = scoreVendor(probe, { ...vendor, packages: [perfect] }, stats);
  return result ? { needId: "", ...result } : null;
}

/**
 * Vendors for a category alone, with no need to fit (the assessment's recommendations: weak
 * pillar → category → vendors): ranked by the two parts that do not depend on a need, quality (20)
 * and availability and risk (10), computed exactly as in the score. Vendors not offering the
 * category, or not vetted, are left out. Order: points descending, then the quality part, then
 * vendor id ascending.
 */
export function rankVendorsForCategory(
  category: Category,
  vendors: readonly VendorForMatch[],
  stats: MarketStats,
  limit = 3,
): { vendorId: string; points: number }[] {
  const scored: { vendorId: string; points: number; quality: number }[] = [];
  for (const vendor of vendors) {
    if (!vendor.vetted || !vendor.categories.includes(category)) continue;
    const q = clamp(quality(vendor, stats).points, 0, MATCH_WEIGHTS.quality);
    const a = clamp(availability(vendor).points, 0, MATCH_WEIGHTS.availability);
    scored.push({ vendorId: vendor.id, points: q + a, quality: q });
  }
  scored.sort((a, b) => b.points - a.points || b.quality - a.quality || byId(a.vendorId, b.vendorId));
  return scored.slice(0, Math.max(0, limit)).map(({ vendorId, points }) => ({ vendorId, points }));
}

/* ───────────────────────────── helpers ───────────────────────────── */

function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}

/** Counts arrive from SQL; a negative or fractional one is a bug upstream, read as the nearest sane count. */
function wholeCount(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}
