/**
 * The support an SME may claim under Decree 80/2021/NĐ-CP for an engagement (docs/product.md §9): a share
 * of the cost, capped per enterprise per year, by size class and by kind of service. The rates are
 * defaults an admin edits (`/admin/settings`); the caller passes the current ones. It is an
 * estimate to tell the SME what to ask for, not a decision: the programme office decides.
 */
import { z } from "zod";
import type { SizeClass } from "./enterprise-size";
import type { Category } from "./reference";

export const SUPPORT_KINDS = ["solution", "consulting"] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** The size classes the Decree supports; a large enterprise is not an SME and gets nothing. */
export const ELIGIBLE_SIZE_CLASSES = ["micro", "small", "medium"] as const;
export type EligibleSizeClass = (typeof ELIGIBLE_SIZE_CLASSES)[number];

export type SupportRate = {
  /** share of the cost, 0–1, applied to the nearest basis point (0.01%) */
  rate: number;
  /** most support per enterprise per calendar year, integer VND */
  cap: number;
};
export type SupportRates = Record<EligibleSizeClass, Record<SupportKind, SupportRate>>;

const MILLION = 1_000_000;

/** docs/product.md §9: DX solutions up to 50%, capped at 20m / 50m / 100m; consulting 100% ≤ 50m, 50% ≤ 100m, 30% ≤ 150m. */
export const SUPPORT_RATES_DEFAULT: SupportRates = {
  micro: { solution: { rate: 0.5, cap: 20 * MILLION }, consulting: { rate: 1, cap: 50 * MILLION } },
  small: { solution: { rate: 0.5, cap: 50 * MILLION }, consulting: { rate: 0.5, cap: 100 * MILLION } },
  medium: { solution: { rate: 0.5, cap: 100 * MILLION }, consulting: { rate: 0.3, cap: 150 * MILLION } },
};

/** A cap above 10 billion đồng would be a typing slip: the Decree's largest is 150 million. */
export const SUPPORT_CAP_MAX = 10_000 * MILLION;

const RateSchema = z.object({
  rate: z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .min(0, "errors.tooSmall")
    .max(1, "errors.tooLarge"),
  cap: z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .min(0, "errors.tooSmall")
    .max(SUPPORT_CAP_MAX, "errors.tooLarge"),
});
const KindSchema = z.object({ solution: RateSchema, consulting: RateSchema });

/**
 * The stored settings: a rate as a fraction and a cap in đồng for each size class and kind.
 * An admin form that shows percentages divides by 100 before parsing with this schema.
 */
export const SupportRatesSchema = z.object({ micro: KindSchema, small: KindSchema, medium: KindSchema });

/**
 * Consulting is only `dx_consulting`. Digital-skills training is not consulting: the Decree
 * supports training under its human-resource development measures, with rules of their own that
 * docs/product.md §9 does not cover. Among the two kinds it knows, training falls to the solution rule,
 * which for a micro enterprise (50% ≤ 20m against 100% ≤ 50m) does not promise more than the
 * Decree may give.
 */
export function supportKindOf(category: Category): SupportKind {
  return category === "dx_consulting" ? "consulting" : "solution";
}

export type SupportInput = {
  sizeClass: SizeClass;
  category: Category;
  /** the engagement's cost, integer VND */
  cost: number;
  /** support already claimed by the enterprise this calendar year, integer VND */
  claimedThisYear?: number;
};

export type SupportEstimate = {
  kind: SupportKind;
  rate: number;
  cap: number;
  /** integer VND, rounded down: never promise a đồng more than the rule gives */
  amount: number;
  /** true when the yearly cap (less what was already claimed) cut the amount */
  capped: boolean;
  /**
   * The rule applied, as a locale key under `support.rule.*` with `{ percent, cap, claimed,
   * remaining }`: amounts in integer VND for the page to format, `percent` a number.
   */
  rule: { key: string; values: Record<string, number> };
};

const BASIS_POINTS = 10_000;

/** Whole đồng, never negative: amounts come from forms and sums, so a fraction or a sign slip is clamped. */
const dong = (value: number) => (Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0);

/**
 * min(cost × rate, cap − claimedThisYear), rounded down to the đồng. The product is computed
 * exactly in BigInt basis points: in floating point 0.29 × 100 is 28.999…, which would round a
 * whole đồng away.
 */
export function estimateSupport(input: SupportInput, rates: SupportRates = SUPPORT_RATES_DEFAULT): SupportEstimate {
  const kind = supportKindOf(input.category);
  const claimed = dong(input.claimedThisYear ?? 0);
  if (input.sizeClass === "large") {
    return {
      kind,
      rate: 0,
      cap: 0,
      amount: 0,
      capped: false,
      rule: { key: "support.rule.notEligible", values: { percent: 0, cap: 0, claimed, remaining: 0 } },
    };
  }
  const { rate, cap } = rates[input.sizeClass][kind];
  const basisPoints = Math.round(Math.min(1, Math.max(0, rate)) * BASIS_POINTS);
  const yearlyCap = dong(cap);
  const remaining = Math.max(0, yearlyCap - claimed);
  const share = Number((BigInt(dong(input.cost)) * BigInt(basisPoints)) / BigInt(BASIS_POINTS));
  return {
    kind,
    rate,
    cap: yearlyCap,
    amount: Math.min(share, remaining),
    capped: share > remaining,
    rule: {
      key: `support.rule.${kind}.${input.sizeClass}`,
      values: { percent: basisPoints / 100, cap: yearlyCap, claimed, remaining },
    },
  };
}

export type YearItem = { id: string; category: Category; cost: number };

/**
 * The estimates of one SME's engagements in one calendar year (docs/product.md §9: the cap is per enterprise
 * per year), in the order they count: engagements completed that year by completion time, then an
 * engagement still running, estimated as if it completed now. Each one uses what is left of its
 * kind's cap after the ones before it, so the year's estimates never add up to more than the cap;
 * DX-solution and consulting caps are counted separately.
 */
export function estimateSupportForYear(
  items: YearItem[],
  sizeClass: SizeClass,
  rates: SupportRates = SUPPORT_RATES_DEFAULT,
): Map<string, SupportEstimate> {
  const claimed: Record<SupportKind, number> = { solution: 0, consulting: 0 };
  const estimates = new Map<string, SupportEstimate>();
  for (const item of items) {
    const kind = supportKindOf(item.category);
    const estimate = estimateSupport(
      { sizeClass, category: item.category, cost: item.cost, claimedThisYear: claimed[kind] },
      rates,
    );
    claimed[kind] += estimate.amount;
    estimates.set(item.id, estimate);
  }
  return estimates;
}
