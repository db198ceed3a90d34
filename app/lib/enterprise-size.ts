/**
 * Enterprise size under Decree 80/2021/NĐ-CP, Art. 5 (docs/product.md §3): by employees with social
 * insurance AND (annual revenue OR total capital). Amounts are integer VND.
 */

export const SECTOR_GROUPS = ["agriculture_industry", "trade_services"] as const;
export type SectorGroup = (typeof SECTOR_GROUPS)[number];

export const SIZE_CLASSES = ["micro", "small", "medium", "large"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

const BILLION = 1_000_000_000;

type Limit = { employees: number; revenue: number; capital: number };

export const SIZE_LIMITS: Record<SectorGroup, Record<Exclude<SizeClass, "large">, Limit>> = {
  agriculture_industry: {
    micro: { employees: 10, revenue: 3 * BILLION, capital: 3 * BILLION },
    small: { employees: 100, revenue: 50 * BILLION, capital: 20 * BILLION },
    medium: { employees: 200, revenue: 200 * BILLION, capital: 100 * BILLION },
  },
  trade_services: {
    micro: { employees: 10, revenue: 10 * BILLION, capital: 3 * BILLION },
    small: { employees: 50, revenue: 100 * BILLION, capital: 50 * BILLION },
    medium: { employees: 100, revenue: 300 * BILLION, capital: 100 * BILLION },
  },
};

export type SizeInput = {
  group: SectorGroup;
  employees: number;
  /** annual revenue in VND */
  revenue: number;
  /** total capital in VND */
  capital: number;
};

/** The smallest class whose employee limit AND (revenue OR capital) limit both hold. */
export function sizeClass({ group, employees, revenue, capital }: SizeInput): SizeClass {
  const limits = SIZE_LIMITS[group];
  for (const cls of ["micro", "small", "medium"] as const) {
    const limit = limits[cls];
    if (employees <= limit.employees && (revenue <= limit.revenue || capital <= limit.capital)) {
      return cls;
    }
  }
  return "large";
}

/**
 * Revenue and capital are asked as bands (an owner rarely knows the exact figure); each band is
 * represented by its upper bound, which is what the Decree's thresholds compare against.
 */
export const REVENUE_BANDS = [
  { id: "r3", max: 3 * BILLION },
  { id: "r10", max: 10 * BILLION },
  { id: "r50", max: 50 * BILLION },
  { id: "r100", max: 100 * BILLION },
  { id: "r200", max: 200 * BILLION },
  { id: "r300", max: 300 * BILLION },
  { id: "rmore", max: Number.MAX_SAFE_INTEGER },
] as const;

export const CAPITAL_BANDS = [
  { id: "c3", max: 3 * BILLION },
  { id: "c20", max: 20 * BILLION },
  { id: "c50", max: 50 * BILLION },
  { id: "c100", max: 100 * BILLION },
  { id: "cmore", max: Number.MAX_SAFE_INTEGER },
] as const;

export type RevenueBand = (typeof REVENUE_BANDS)[number]["id"];
export type CapitalBand = (typeof CAPITAL_BANDS)[number]["id"];
export const REVENUE_BAND_IDS = REVENUE_BANDS.map((b) => b.id) as [RevenueBand, ...RevenueBand[]];
export const CAPITAL_BAND_IDS = CAPITAL_BANDS.map((b) => b.id) as [CapitalBand, ...CapitalBand[]];

export function sizeClassFromBands(input: {
  group: SectorGroup;
  employees: number;
  revenueBand: RevenueBand;
  capitalBand: CapitalBand;
}): SizeClass {
  const revenue = REVENUE_BANDS.find((b) => b.id === input.revenueBand)!.max;
  const capital = CAPITAL_BANDS.find((b) => b.id === input.capitalBand)!.max;
  return sizeClass({ group: input.group, employees: input.employees, revenue, capital });
}
