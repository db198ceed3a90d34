/**
 * The needs board's filters, read from the URL's query (docs/product.md §15: every result page can be
 * bookmarked): `q`, `category`, `sector`, `budget`, `closes`, `sort`, `invited`, `page`.
 */
import { CATEGORIES, SECTORS, type Category, type Sector } from "./reference";

const MILLION = 1_000_000;

/** Budget bands in VND, [from, to): a need matches when its range overlaps the band. */
export const BUDGET_BANDS = {
  under50m: [0, 50 * MILLION],
  "50m-200m": [50 * MILLION, 200 * MILLION],
  "200m-1b": [200 * MILLION, 1_000 * MILLION],
  over1b: [1_000 * MILLION, Number.MAX_SAFE_INTEGER],
} as const satisfies Record<string, readonly [number, number]>;
export type BudgetBand = keyof typeof BUDGET_BANDS;
export const BUDGET_BAND_IDS = Object.keys(BUDGET_BANDS) as BudgetBand[];

/** "Bidding closes within N days". */
export const CLOSES_WITHIN_DAYS = [3, 7, 14, 30] as const;
export type ClosesWithin = (typeof CLOSES_WITHIN_DAYS)[number];

export const NEED_SORTS = ["newest", "deadline", "budget"] as const;
export type NeedSort = (typeof NEED_SORTS)[number];

export type NeedFilters = {
  q: string;
  category?: Category;
  sector?: Sector;
  budget?: BudgetBand;
  closes?: ClosesWithin;
  sort: NeedSort;
  /** A vendor's filter: only the needs it was invited to (`invited=1`). */
  invited?: boolean;
};

const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** Unknown or malformed values are ignored, never an error: a shared link keeps working. */
export function parseNeedFilters(params: URLSearchParams): NeedFilters {
  const closes = Number(params.get("closes"));
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    category: pick(CATEGORIES, params.get("category")),
    sector: pick(SECTORS, params.get("sector")),
    budget: pick(BUDGET_BAND_IDS, params.get("budget")),
    closes: (CLOSES_WITHIN_DAYS as readonly number[]).includes(closes) ? (closes as ClosesWithin) : undefined,
    sort: pick(NEED_SORTS, params.get("sort")) ?? "newest",
    invited: params.get("invited") === "1" || undefined,
  };
}
