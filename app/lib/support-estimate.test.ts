import { describe, expect, it } from "vitest";
import { CATEGORIES } from "./reference";
import {
  estimateSupport,
  estimateSupportForYear,
  SUPPORT_RATES_DEFAULT,
  SupportRatesSchema,
  supportKindOf,
  type EligibleSizeClass,
  type SupportKind,
  type SupportRates,
} from "./support-estimate";

const M = 1_000_000;

describe("kind of support", () => {
  it("is consulting only for DX consulting; training and every other category is a solution", () => {
    expect(supportKindOf("dx_consulting")).toBe("consulting");
    expect(supportKindOf("digital_skills_training")).toBe("solution");
    expect(CATEGORIES.filter((c) => supportKindOf(c) === "consulting")).toEqual(["dx_consulting"]);
  });
});

describe("the estimate with the Decree 80 defaults", () => {
  // size, kind, rate, cap, a cost below the cap and its support, a cost above the cap
  const cases: [EligibleSizeClass, SupportKind, number, number, number, number, number][] = [
    ["micro", "solution", 0.5, 20 * M, 30 * M, 15 * M, 41 * M],
    ["micro", "consulting", 1, 50 * M, 30 * M, 30 * M, 60 * M],
    ["small", "solution", 0.5, 50 * M, 60 * M, 30 * M, 200 * M],
    ["small", "consulting", 0.5, 100 * M, 100 * M, 50 * M, 300 * M],
    ["medium", "solution", 0.5, 100 * M, 150 * M, 75 * M, 500 * M],
    ["medium", "consulting", 0.3, 150 * M, 200 * M, 60 * M, 600 * M],
  ];
  const category = (kind: SupportKind) => (kind === "consulting" ? "dx_consulting" : "erp");

  for (const [sizeClass, kind, rate, cap, below, support, above] of cases) {
    it(`${sizeClass} ${kind}: ${rate * 100}% below the cap, the cap at and above it`, () => {
      expect(estimateSupport({ sizeClass, category: category(kind), cost: below })).toEqual({
        kind,
        rate,
        cap,
        amount: support,
        capped: false,
        rule: {
          key: `support.rule.${kind}.${sizeClass}`,
          values: { percent: rate * 100, cap, claimed: 0, remaining: cap },
        },
      });
      // exactly at the cap: the rule gives the cap without cutting anything
      const atCap = estimateSupport({ sizeClass, category: category(kind), cost: cap / rate });
      expect([atCap.amount, atCap.capped]).toEqual([cap, false]);
      const capped = estimateSupport({ sizeClass, category: category(kind), cost: above });
      expect([capped.amount, capped.capped]).toEqual([cap, true]);
    });
  }

  it("gives a large enterprise nothing, with the rule that says why", () => {
    const e = estimateSupport({ sizeClass: "large", category: "dx_consulting", cost: 500 * M });
    expect(e).toMatchObject({ kind: "consulting", rate: 0, cap: 0, amount: 0, capped: false });
    expect(e.rule.key).toBe("support.rule.notEligible");
  });

  it("takes what was already claimed this year off the cap", () => {
    const base = { sizeClass: "micro" as const, category: "crm" as const, cost: 30 * M };
    expect(estimateSupport({ ...base, claimedThisYear: 10 * M })).toMatchObject({
      amount: 10 * M,
      capped: true,
      rule: { values: { claimed: 10 * M, remaining: 10 * M } },
    });
    expect(estimateSupport({ ...base, claimedThisYear: 4 * M })).toMatchObject({ amount: 15 * M, capped: false });
    expect(estimateSupport({ ...base, claimedThisYear: 20 * M })).toMatchObject({ amount: 0, capped: true });
    expect(estimateSupport({ ...base, claimedThisYear: 35 * M })).toMatchObject({
      amount: 0,
      rule: { values: { remaining: 0 } },
    });
  });

  it("rounds down to whole đồng", () => {
    expect(estimateSupport({ sizeClass: "medium", category: "dx_consulting", cost: 33_333_333 }).amount).toBe(
      9_999_999,
    );
    expect(estimateSupport({ sizeClass: "small", category: "erp", cost: 1 }).amount).toBe(0);
    expect(estimateSupport({ sizeClass: "small", category: "erp", cost: 12_345_679 }).amount).toBe(6_172_839);
    expect(estimateSupport({ sizeClass: "micro", category: "erp", cost: 0 }).amount).toBe(0);
  });
});

describe("rates an admin edited", () => {
  const rates: SupportRates = {
    ...SUPPORT_RATES_DEFAULT,
    small: { solution: { rate: 0.29, cap: 500 * M }, consulting: { rate: 0.7, cap: 80 * M } },
  };

  it("are the ones applied, exactly: 29% of 100 is 29, not 28.99…", () => {
    expect(estimateSupport({ sizeClass: "small", category: "erp", cost: 100 }, rates).amount).toBe(29);
    expect(estimateSupport({ sizeClass: "small", category: "dx_consulting", cost: 200 * M }, rates)).toMatchObject({
      amount: 80 * M,
      capped: true,
      rule: { values: { percent: 70, cap: 80 * M } },
    });
  });

  it("are validated by the schema with locale-key messages", () => {
    expect(SupportRatesSchema.parse(SUPPORT_RATES_DEFAULT)).toEqual(SUPPORT_RATES_DEFAULT);
    const messages = (value: unknown) =>
      SupportRatesSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    const edit = (solution: unknown) => ({
      ...SUPPORT_RATES_DEFAULT,
      micro: { ...SUPPORT_RATES_DEFAULT.micro, solution },
    });
    expect(messages(edit({ rate: 1.5, cap: 20 * M }))).toEqual(["micro.solution.rate: errors.tooLarge"]);
    expect(messages(edit({ rate: -0.1, cap: 20 * M }))).toEqual(["micro.solution.rate: errors.tooSmall"]);
    expect(messages(edit({ rate: 0.5, cap: -1 }))).toEqual(["micro.solution.cap: errors.tooSmall"]);
    expect(messages(edit({ rate: 0.5, cap: 1.5 }))).toEqual(["micro.solution.cap: errors.wholeNumber"]);
    expect(messages(edit({ rate: "half", cap: 20 * M }))).toEqual(["micro.solution.rate: errors.number"]);
    expect(messages(edit({ rate: 0.5 }))).toEqual(["micro.solution.cap: errors.required"]);
  });
});

describe("the yearly cap across one SME's engagements (small enterprise: solutions 50% up to 50m)", () => {
  const solution = (id: string, cost: number) => ({ id, category: "accounting" as const, cost });
  const consulting = (id: string, cost: number) => ({ id, category: "dx_consulting" as const, cost });

  it("four engagements of 100m each are estimated 50m, then nothing: 50m in the year, not 200m", () => {
    const year = estimateSupportForYear(
      [solution("a", 100 * M), solution("b", 100 * M), solution("c", 100 * M), solution("d", 100 * M)],
      "small",
    );
    expect([...year.values()].map((e) => e.amount)).toEqual([50 * M, 0, 0, 0]);
    expect(year.get("b")).toMatchObject({ capped: true, rule: { values: { claimed: 50 * M, remaining: 0 } } });
  });

  it("an engagement that reaches the cap exactly is not cut; one đồng more is", () => {
    const exact = estimateSupportForYear([solution("a", 60 * M), solution("b", 40 * M)], "small");
    expect(exact.get("b")).toMatchObject({ amount: 20 * M, capped: false });
    const over = estimateSupportForYear([solution("a", 60 * M), solution("b", 40 * M + 2)], "small");
    expect(over.get("b")).toMatchObject({ amount: 20 * M, capped: true });
  });

  it("counts consulting and DX solutions against separate caps", () => {
    const year = estimateSupportForYear([solution("s", 100 * M), consulting("c", 100 * M)], "small");
    expect(year.get("s")?.amount).toBe(50 * M);
    expect(year.get("c")).toMatchObject({ kind: "consulting", amount: 50 * M, rule: { values: { claimed: 0 } } });
  });

  it("gives nothing to a large enterprise, whatever the year holds", () => {
    const year = estimateSupportForYear([solution("a", 100 * M)], "large");
    expect(year.get("a")?.amount).toBe(0);
  });
});
