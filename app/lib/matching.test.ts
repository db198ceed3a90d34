import { describe, expect, it } from "vitest";
import {
  bestPossibleNeedMatch,
  bestPossibleRank,
  compareNeedMatches,
  compareVendorRanks,
  EMPTY_MARKET_STATS,
  MATCH_WEIGHTS,
  marketStatsFrom,
  priceFit,
  rankNeedsForVendor,
  rankVendors,
  rankVendorsForCategory,
  relatedCategories,
  scoreCeiling,
  scoreVendor,
  smoothedRating,
  type MarketStats,
  type MatchScore,
  type NeedForMatch,
  type VendorForMatch,
} from "./matching";
import { CATEGORIES, SECTORS, type Category, type Sector } from "./reference";

const M = 1_000_000;
const stats: MarketStats = { meanRating: 4.2, onTimeRate: 0.8 };

const need = (n: Partial<NeedForMatch> = {}): NeedForMatch => ({
  id: "need-1",
  category: "accounting",
  sector: "logistics",
  budgetMin: 50 * M,
  budgetMax: 100 * M,
  ...n,
});

/** A vetted vendor with no history, offering nothing: each test adds what it is about. */
const vendor = (v: Partial<VendorForMatch> = {}): VendorForMatch => ({
  id: "v1",
  name: "Vendor",
  vetted: true,
  categories: [],
  sectors: [],
  packages: [],
  ratingSum: 0,
  ratingCount: 0,
  completedInSector: 0,
  milestonesDue: 0,
  milestonesOnTime: 0,
  activeEngagements: 0,
  openFlags: 0,
  ...v,
});

const score = (n: NeedForMatch, v: VendorForMatch): MatchScore => {
  const result = scoreVendor(n, v, stats);
  if (!result) throw new Error("expected a score");
  return result;
};
const keys = (s: MatchScore) => s.reasons.map((r) => r.key);
const reason = (s: MatchScore, key: string) => s.reasons.find((r) => r.key === key);

describe("category fit (35)", () => {
  it("gives the full weight to a vendor that offers the need's category", () => {
    const s = score(need(), vendor({ categories: ["crm", "accounting"] }));
    expect(s.parts.category).toBe(35);
    expect(reason(s, "match.reasons.offersCategory")?.values).toEqual({ category: "accounting" });
  });

  it("gives 40% to a vendor offering only a related category, and names it", () => {
    const s = score(need(), vendor({ categories: ["e_invoice"] }));
    expect(s.parts.category).toBeCloseTo(14);
    expect(reason(s, "match.reasons.relatedCategory")?.values).toEqual({
      category: "accounting",
      related: "e_invoice",
    });
  });

  it("gives nothing for an unrelated category", () => {
    const s = score(need(), vendor({ categories: ["cybersecurity"] }));
    expect(s.parts.category).toBe(0);
    expect(keys(s)).toContain("match.reasons.noCategory");
  });

  it("has a symmetric relatedness table that never relates a category to itself", () => {
    for (const c of CATEGORIES) {
      expect(relatedCategories(c)).not.toContain(c);
      for (const r of relatedCategories(c)) expect(relatedCategories(r), `${c} ↔ ${r}`).toContain(c);
    }
  });
});

describe("sector experience (20)", () => {
  const sectorPart = (v: Partial<VendorForMatch>) => score(need(), vendor(v)).parts.sector;

  it("gives half for declaring the sector and nothing for neither declaring nor delivering", () => {
    expect(sectorPart({ sectors: ["logistics"] })).toBe(10);
    expect(sectorPart({ sectors: ["healthcare"] })).toBe(0);
    expect(keys(score(need(), vendor({ sectors: ["logistics"] })))).toContain("match.reasons.servesSector");
    expect(keys(score(need(), vendor()))).toContain("match.reasons.noSectorExperience");
  });

  it("grows the other half with completed engagements in the sector, saturating at 3", () => {
    const declared = { sectors: ["logistics"] as Sector[] };
    const expected = [10, 10 + 10 / 3, 10 + 20 / 3, 20, 20, 20];
    [0, 1, 2, 3, 4, 50].forEach((n, i) =>
      expect(sectorPart({ ...declared, completedInSector: n }), `${n} completed`).toBeCloseTo(expected[i]!),
    );
  });

  it("counts completed engagements even when the sector was not declared, and says how many", () => {
    const s = score(need(), vendor({ completedInSector: 2 }));
    expect(s.parts.sector).toBeCloseTo(20 / 3);
    expect(reason(s, "match.reasons.completedInSector")?.values).toEqual({ count: 2, sector: "logistics" });
  });
});

describe("price fit (15)", () => {
  const pricePart = (packages: VendorForMatch["packages"]) => score(need(), vendor({ packages })).parts.price;
  const pkg = (priceFrom: number, priceTo: number, category: Category = "accounting") => ({
    category,
    priceFrom,
    priceTo,
  });

  it("is full when the package's price range meets the budget", () => {
    expect(pricePart([pkg(60 * M, 80 * M)])).toBe(15);
    expect(pricePart([pkg(30 * M, 60 * M)])).toBe(15); // starts below, reaches into the budget
    expect(pricePart([pkg(90 * M, 150 * M)])).toBe(15);
    expect(keys(score(need(), vendor({ packages: [pkg(60 * M, 80 * M)] })))).toContain(
      "match.reasons.priceWithinBudget",
    );
  });

  it("falls linearly above the budget, to nothing at twice the maximum", () => {
    expect(pricePart([pkg(120 * M, 150 * M)])).toBeCloseTo(12); // 20% over → 80%
    expect(pricePart([pkg(150 * M, 150 * M)])).toBeCloseTo(7.5);
    expect(pricePart([pkg(200 * M, 300 * M)])).toBe(0);
    expect(pricePart([pkg(500 * M, 900 * M)])).toBe(0);
    const s = score(need(), vendor({ packages: [pkg(120 * M, 150 * M)] }));
    expect(reason(s, "match.reasons.priceAboveBudget")?.values).toEqual({ priceFrom: 120 * M, priceTo: 150 * M });
  });

  it("keeps at least half below the budget, more the closer it ends to the minimum", () => {
    expect(pricePart([pkg(10 * M, 25 * M)])).toBeCloseTo(11.25); // ends at half the minimum → 75%
    expect(pricePart([pkg(0, 0)])).toBeCloseTo(7.5);
    expect(pricePart([pkg(40 * M, 49 * M)])).toBeGreaterThan(14);
    expect(keys(score(need(), vendor({ packages: [pkg(10 * M, 25 * M)] })))).toContain(
      "match.reasons.priceBelowBudget",
    );
  });

  it("is 0 without a package in the need's category, whatever the other packages cost", () => {
    expect(pricePart([])).toBe(0);
    expect(pricePart([pkg(60 * M, 80 * M, "crm")])).toBe(0);
    expect(reason(score(need(), vendor()), "match.reasons.noPackage")?.values).toEqual({ category: "accounting" });
  });

  it("uses the package that fits best, the cheaper among equal fits", () => {
    expect(pricePart([pkg(5 * M, 10 * M), pkg(70 * M, 90 * M), pkg(300 * M, 400 * M)])).toBe(15);
    const s = score(need(), vendor({ packages: [pkg(95 * M, 99 * M), pkg(60 * M, 70 * M)] }));
    expect(reason(s, "match.reasons.priceWithinBudget")?.values).toEqual({ priceFrom: 60 * M, priceTo: 70 * M });
  });

  it("reads a budget or price given the wrong way round as the same range", () => {
    expect(priceFit({ priceFrom: 80 * M, priceTo: 60 * M }, 100 * M, 50 * M)).toEqual({ fit: 1, position: "within" });
  });
});

describe("quality (20)", () => {
  it("gives a vendor without history exactly the marketplace prior", () => {
    const s = score(need(), vendor());
    // rating at the mean 4.2 → 12·(4.2−1)/4 = 9.6; on time at 0.8 → 8·0.8 = 6.4
    expect(s.parts.quality).toBeCloseTo(16);
    expect(keys(s)).toEqual(expect.arrayContaining(["match.reasons.noReviews", "match.reasons.noMilestones"]));
  });

  it("smooths ratings toward the mean with a prior of five reviews", () => {
    expect(smoothedRating(0, 0, 4.2)).toBeCloseTo(4.2);
    expect(smoothedRating(5, 1, 4.2)).toBeCloseTo((4.2 * 5 + 5) / 6);
    expect(smoothedRating(96, 20, 4.2)).toBeCloseTo((4.2 * 5 + 96) / 25);
  });

  it("ranks one 5-star review below twenty 4.8s", () => {
    const one = vendor({ id: "a-one-review", ratingSum: 5, ratingCount: 1 });
    const many = vendor({ id: "b-many-reviews", ratingSum: 96, ratingCount: 20 });
    expect(score(need(), many).parts.quality).toBeGreaterThan(score(need(), one).parts.quality);
    expect(rankVendors(need(), [one, many], stats).map((m) => m.vendorId)).toEqual(["b-many-reviews", "a-one-review"]);
  });

  it("places a vendor with no reviews between a poorly and a well rated one", () => {
    const poor = vendor({ id: "poor", ratingSum: 30, ratingCount: 10 });
    const none = vendor({ id: "none" });
    const good = vendor({ id: "good", ratingSum: 48, ratingCount: 10 });
    expect(rankVendors(need(), [none, poor, good], stats).map((m) => m.vendorId)).toEqual(["good", "none", "poor"]);
  });

  it("shows the raw average and count in the reason, not the smoothed value", () => {
    const s = score(need(), vendor({ ratingSum: 55.2, ratingCount: 12 }));
    expect(reason(s, "match.reasons.rating")?.values).toEqual({ rating: 4.6, count: 12 });
  });

  it("rewards the on-time rate, smoothed toward the marketplace rate", () => {
    const part = (due: number, onTime: number) =>
      score(need(), vendor({ milestonesDue: due, milestonesOnTime: onTime })).parts.quality;
    expect(part(20, 20)).toBeGreaterThan(part(0, 0));
    expect(part(0, 0)).toBeGreaterThan(part(20, 5));
    expect(part(1, 0)).toBeGreaterThan(part(20, 0)); // one late milestone says little
    expect(
      reason(score(need(), vendor({ milestonesDue: 8, milestonesOnTime: 7 })), "match.reasons.onTime")?.values,
    ).toEqual({ percent: 88, count: 8 });
  });

  it("reaches the full weight only with perfect, plentiful history", () => {
    const best = vendor({ ratingSum: 5 * 1000, ratingCount: 1000, milestonesDue: 1000, milestonesOnTime: 1000 });
    expect(score(need(), best).parts.quality).toBeLessThanOrEqual(20);
    expect(score(need(), best).parts.quality).toBeGreaterThan(19.8);
  });
});

describe("availability and risk (10)", () => {
  const part = (v: Partial<VendorForMatch>) => score(need(), vendor(v)).parts.availability;

  it("is full with no active engagement and no open flag", () => {
    expect(part({})).toBe(10);
    expect(keys(score(need(), vendor()))).toEqual(
      expect.arrayContaining(["match.reasons.noActiveEngagements", "match.reasons.noOpenFlags"]),
    );
  });

  it("loses a point per active engagement, saturating at five", () => {
    expect([0, 1, 2, 5, 12].map((n) => part({ activeEngagements: n }))).toEqual([10, 9, 8, 5, 5]);
    expect(reason(score(need(), vendor({ activeEngagements: 2 })), "match.reasons.activeEngagements")?.values).toEqual({
      count: 2,
    });
  });

  it("costs 2.5 points per open flag, never below zero", () => {
    expect([0, 1, 2, 7].map((n) => part({ openFlags: n }))).toEqual([10, 7.5, 5, 5]);
    expect(part({ openFlags: 3, activeEngagements: 9 })).toBe(0);
    expect(reason(score(need(), vendor({ openFlags: 1 })), "match.reasons.openFlags")?.values).toEqual({ count: 1 });
  });
});

describe("the score", () => {
  it("adds the parts and rounds to a whole number", () => {
    const s = score(
      need(),
      vendor({
        categories: ["accounting"],
        sectors: ["logistics"],
        completedInSector: 3,
        packages: [{ category: "accounting", priceFrom: 60 * M, priceTo: 80 * M }],
      }),
    );
    expect(s.parts).toMatchObject({ category: 35, sector: 20, price: 15, availability: 10 });
    expect(s.score).toBe(Math.round(80 + s.parts.quality));
    expect(s.reasons).toHaveLength(7);
  });

  it("never scores an unvetted vendor", () => {
    expect(scoreVendor(need(), vendor({ vetted: false, categories: ["accounting"] }), stats)).toBeNull();
    const ranked = rankVendors(
      need(),
      [vendor({ id: "unvetted", vetted: false, categories: ["accounting"] }), vendor({ id: "vetted" })],
      stats,
    );
    expect(ranked.map((m) => m.vendorId)).toEqual(["vetted"]);
    expect(rankNeedsForVendor(vendor({ vetted: false, categories: ["accounting"] }), [need()], stats)).toEqual([]);
  });
});

describe("ranking", () => {
  it("returns the top `limit` by score", () => {
    const vendors = Array.from({ length: 15 }, (_, i) =>
      vendor({ id: `v${String(i).padStart(2, "0")}`, activeEngagements: i % 6, openFlags: i % 3 }),
    );
    const ranked = rankVendors(need(), vendors, stats, 10);
    expect(ranked).toHaveLength(10);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(rankVendors(need(), vendors, stats, 0)).toEqual([]);
  });

  it("breaks a tie by the higher quality part", () => {
    const base = {
      categories: ["accounting"] as Category[],
      packages: [{ category: "accounting" as const, priceFrom: 60 * M, priceTo: 80 * M }],
    };
    // 2.72 more quality points and 2.5 fewer for one open flag: both round to the same score
    const proven = vendor({
      ...base,
      id: "z-proven",
      ratingSum: 96,
      ratingCount: 20,
      milestonesDue: 40,
      milestonesOnTime: 40,
      openFlags: 1,
    });
    const fresh = vendor({ ...base, id: "a-fresh" });
    const [first, second] = rankVendors(need(), [fresh, proven], stats);
    expect(first!.score).toBe(second!.score);
    expect([first!.vendorId, second!.vendorId]).toEqual(["z-proven", "a-fresh"]);
  });

  it("then by more completed engagements in the sector, then by vendor id", () => {
    const declared = vendor({ id: "a-declared", sectors: ["logistics"] }); // 10 sector points by declaring
    const delivered = vendor({ id: "b-delivered", completedInSector: 3 }); // 10 by three engagements
    const twinB = vendor({ id: "d-twin" });
    const twinA = vendor({ id: "c-twin" });
    expect(score(need(), declared).parts).toEqual(score(need(), delivered).parts);
    expect(rankVendors(need(), [twinB, declared, twinA, delivered], stats).map((m) => m.vendorId)).toEqual([
      "b-delivered",
      "a-declared",
      "c-twin",
      "d-twin",
    ]);
  });

  it("ranks needs for a vendor with the same score, its own category first", () => {
    const v = vendor({
      categories: ["accounting"],
      sectors: ["retail_trade"],
      packages: [{ category: "accounting", priceFrom: 20 * M, priceTo: 40 * M }],
    });
    const needs = [
      need({ id: "n-crm", category: "crm" }),
      need({ id: "n-related", category: "e_invoice" }),
      need({ id: "n-accounting-retail", sector: "retail_trade", budgetMin: 20 * M, budgetMax: 50 * M }),
      need({ id: "n-accounting-logistics", budgetMin: 20 * M, budgetMax: 50 * M }),
    ];
    const ranked = rankNeedsForVendor(v, needs, stats, 10, { logistics: 3 });
    expect(ranked.map((m) => m.needId)).toEqual([
      // 86 each: three completed engagements in logistics weigh what declaring retail does; then by id
      "n-accounting-logistics",
      "n-accounting-retail",
      "n-related",
      "n-crm",
    ]);
    expect(ranked[0]!.score).toBe(scoreVendor(needs[3]!, { ...v, completedInSector: 3 }, stats)!.score);
    expect(rankNeedsForVendor(v, needs, stats, 2)).toHaveLength(2);
  });
});

describe("vendors for a category alone (the assessment's recommendations)", () => {
  it("ranks by quality and availability, leaving out the unvetted and those not offering the category", () => {
    const vendors = [
      vendor({ id: "busy", categories: ["crm"], activeEngagements: 5 }),
      vendor({ id: "rated", categories: ["crm"], ratingSum: 48 * 20, ratingCount: 20 }),
      vendor({ id: "fresh", categories: ["crm"] }),
      vendor({ id: "other", categories: ["erp"], ratingSum: 100, ratingCount: 20 }),
      vendor({ id: "unvetted", vetted: false, categories: ["crm"], ratingSum: 100, ratingCount: 20 }),
    ];
    const ranked = rankVendorsForCategory("crm", vendors, stats, 5);
    expect(ranked.map((r) => r.vendorId)).toEqual(["rated", "fresh", "busy"]);
    expect(ranked[1]!.points - ranked[2]!.points).toBeCloseTo(5);
    expect(rankVendorsForCategory("crm", vendors, stats, 1).map((r) => r.vendorId)).toEqual(["rated"]);
  });

  it("breaks ties by vendor id whatever the input order", () => {
    const vendors = [vendor({ id: "b", categories: ["crm"] }), vendor({ id: "a", categories: ["crm"] })];
    expect(rankVendorsForCategory("crm", vendors, stats).map((r) => r.vendorId)).toEqual(["a", "b"]);
    expect(rankVendorsForCategory("crm", [...vendors].reverse(), stats).map((r) => r.vendorId)).toEqual(["a", "b"]);
  });
});

describe("market statistics", () => {
  it("fall back to the empty-market priors and otherwise average everything", () => {
    expect(marketStatsFrom({ ratingSum: 0, ratingCount: 0, milestonesDue: 0, milestonesOnTime: 0 })).toEqual(
      EMPTY_MARKET_STATS,
    );
    expect(marketStatsFrom({ ratingSum: 430, ratingCount: 100, milestonesDue: 200, milestonesOnTime: 150 })).toEqual({
      meanRating: 4.3,
      onTimeRate: 0.75,
    });
  });
});

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("properties over generated inputs", () => {
  const rnd = random(80_2021);
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length - 1)]!;
  const some = <T>(xs: readonly T[]) => xs.filter(() => rnd() < 0.2);

  const genVendor = (i: number): VendorForMatch => {
    const ratingCount = int(3) === 0 ? 0 : int(60);
    const milestonesDue = int(80);
    return {
      id: `v${i}`,
      name: `Vendor ${i}`,
      vetted: rnd() < 0.8,
      categories: some(CATEGORIES),
      sectors: some(SECTORS),
      packages: Array.from({ length: int(4) }, () => {
        const from = int(500) * M;
        return { category: pick(CATEGORIES), priceFrom: from, priceTo: from + int(300) * M };
      }),
      ratingCount,
      ratingSum: ratingCount * (1 + rnd() * 4),
      completedInSector: int(3) === 0 ? int(40) : 0,
      milestonesDue,
      milestonesOnTime: int(milestonesDue),
      activeEngagements: int(12),
      openFlags: int(2) === 0 ? int(6) : 0,
    };
  };
  const genNeed = (i: number): NeedForMatch => {
    const min = int(800) * M;
    return {
      id: `n${i}`,
      category: pick(CATEGORIES),
      sector: pick(SECTORS),
      budgetMin: min,
      budgetMax: min + int(800) * M + 1,
    };
  };
  const vendors = Array.from({ length: 120 }, (_, i) => genVendor(i));
  const needs = Array.from({ length: 20 }, (_, i) => genNeed(i));
  const marketStats = { meanRating: 1 + rnd() * 4, onTimeRate: rnd() };

  it("keep every score in 0–100 and every part within its weight", () => {
    for (const n of needs) {
      for (const v of vendors) {
        const s = scoreVendor(n, v, marketStats);
        if (!v.vetted) {
          expect(s).toBeNull();
          continue;
        }
        expect(s).not.toBeNull();
        expect(Number.isInteger(s!.score)).toBe(true);
        expect(s!.score).toBeGreaterThanOrEqual(0);
        expect(s!.score).toBeLessThanOrEqual(100);
        let sum = 0;
        for (const [part, weight] of Object.entries(MATCH_WEIGHTS)) {
          const value = s!.parts[part as keyof typeof MATCH_WEIGHTS];
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value, part).toBeLessThanOrEqual(weight);
          sum += value;
        }
        expect(s!.score).toBe(Math.round(sum));
      }
    }
  }, 30_000);

  it("never rank a vendor before its best possible rank, nor one offering only a related category above its ceiling", () => {
    for (const n of needs.slice(0, 40)) {
      for (const v of vendors) {
        const s = scoreVendor(n, v, marketStats);
        const best = bestPossibleRank(n, v, marketStats);
        if (!s || !best) {
          expect(s).toBeNull();
          expect(best).toBeNull();
          continue;
        }
        const actual = { match: { vendorId: v.id, ...s }, completed: v.completedInSector };
        expect(compareVendorRanks(best, actual), `${v.id} on ${n.id}`).toBeLessThanOrEqual(0);
        expect(best.match.parts.quality).toBe(s.parts.quality);
        expect(s.score).toBeLessThanOrEqual(scoreCeiling(n, v));
        const bestNeed = bestPossibleNeedMatch(v, n, marketStats)!;
        expect(compareNeedMatches(bestNeed, { needId: n.id, ...s }), `${n.id} for ${v.id}`).toBeLessThan(0);
      }
    }
    // Each ceiling is reached: a perfect vendor with those facts scores it.
    const n = need({ category: "accounting", sector: "logistics" });
    const perfect = (v: Partial<VendorForMatch>) =>
      vendor({ packages: [{ category: "accounting", priceFrom: 60 * M, priceTo: 70 * M }], ...v });
    const best = { ratingSum: 5e6, ratingCount: 1e6, milestonesDue: 1e7, milestonesOnTime: 1e7 };
    expect(scoreCeiling(n, { categories: ["erp"], sectors: ["logistics"], completedInSector: 3 })).toBe(79);
    expect(scoreCeiling(n, { categories: ["accounting"], sectors: [], completedInSector: 0 })).toBe(80);
    expect(scoreCeiling(n, { categories: ["accounting"], sectors: [], completedInSector: 2 })).toBe(87);
    for (const facts of [
      { categories: ["erp"] as Category[], sectors: ["logistics"] as Sector[], completedInSector: 3 },
      { categories: ["accounting"] as Category[], sectors: [], completedInSector: 1 },
    ]) {
      expect(score(n, perfect({ ...facts, ...best })).score).toBe(scoreCeiling(n, facts));
    }
  });

  it("rank the same whatever the input order, never listing an unvetted vendor", () => {
    const vetted = new Set(vendors.filter((v) => v.vetted).map((v) => v.id));
    for (const n of needs.slice(0, 10)) {
      const expected = rankVendors(n, vendors, marketStats, 25);
      const shuffled = [...vendors].sort(() => rnd() - 0.5);
      expect(rankVendors(n, shuffled, marketStats, 25)).toEqual(expected);
      expect(rankVendors(n, [...vendors].reverse(), marketStats, 25)).toEqual(expected);
      for (const m of expected) expect(vetted.has(m.vendorId)).toBe(true);
      for (let i = 1; i < expected.length; i++)
        expect(expected[i - 1]!.score).toBeGreaterThanOrEqual(expected[i]!.score);
    }
    const v = vendors.find((x) => x.vetted)!;
    expect(rankNeedsForVendor(v, [...needs].reverse(), marketStats, 15)).toEqual(
      rankNeedsForVendor(v, needs, marketStats, 15),
    );
  });
});
