/**
 * DX assessment scoring, modelled on the Ministry's Digital Business Indicators for SMEs
 * (Decision 1970/QĐ-BTTTT, 2021), exactly as docs/product.md §4 states it. Pure: the questionnaire's texts
 * live in db/questionnaires/*.json; level names in the locale files under `dbiLevels.*`.
 */

export const PILLARS = ["customer", "strategy", "infrastructure", "operations", "culture", "data"] as const;
export type Pillar = (typeof PILLARS)[number];

/** The points each pillar can reach; 320 in all. */
export const PILLAR_MAX: Record<Pillar, number> = {
  customer: 65,
  strategy: 25,
  infrastructure: 80,
  operations: 65,
  culture: 50,
  data: 35,
};
export const TOTAL_MAX = 320;

export const LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export const ASSESSMENT_STATUSES = ["draft", "completed"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export type PillarScores = Record<Pillar, number>;

/**
 * A pillar's level from its share of the pillar's maximum: ≤10% → 0, ≤20% → 1, ≤40% → 2,
 * ≤60% → 3, ≤80% → 4, above → 5. Whole-number arithmetic, so 10% of 65 (6.5) is exact.
 */
export function pillarLevel(score: number, max: number): Level {
  if (max <= 0) return 0;
  if (score * 10 <= max) return 0;
  if (score * 5 <= max) return 1;
  if (score * 5 <= max * 2) return 2;
  if (score * 5 <= max * 3) return 3;
  if (score * 5 <= max * 4) return 4;
  return 5;
}

/** For each overall level: the total it must exceed, how many pillars must reach it. */
const OVERALL_RULES: { level: Level; totalAbove: number; pillars: number }[] = [
  { level: 5, totalAbove: 256, pillars: 6 },
  { level: 4, totalAbove: 192, pillars: 5 },
  { level: 3, totalAbove: 128, pillars: 4 },
  { level: 2, totalAbove: 64, pillars: 4 },
  { level: 1, totalAbove: 20, pillars: 4 },
];

/** The highest level whose two conditions (total and pillars at that level) both hold; else 0. */
export function overallLevel(total: number, pillarLevels: readonly Level[]): Level {
  for (const rule of OVERALL_RULES) {
    const reached = pillarLevels.filter((l) => l >= rule.level).length;
    if (total > rule.totalAbove && reached >= rule.pillars) return rule.level;
  }
  return 0;
}

export type PillarResult = { pillar: Pillar; score: number; max: number; level: Level };
export type DbiResult = { pillars: PillarResult[]; total: number; level: Level };

/** Pillar levels, the total and the overall level from the six pillar scores. */
export function dbiResult(scores: PillarScores): DbiResult {
  const pillars = PILLARS.map((pillar) => {
    const max = PILLAR_MAX[pillar];
    const score = Math.max(0, Math.min(max, scores[pillar] ?? 0));
    return { pillar, score, max, level: pillarLevel(score, max) };
  });
  const total = pillars.reduce((sum, p) => sum + p.score, 0);
  return {
    pillars,
    total,
    level: overallLevel(
      total,
      pillars.map((p) => p.level),
    ),
  };
}

/**
 * The pillars to work on first: those at the lowest level (ties broken by the smaller share of
 * the maximum), at most `count`; none when every pillar is already leading.
 */
export function weakestPillars(result: DbiResult, count = 2): Pillar[] {
  return result.pillars
    .filter((p) => p.level < 5)
    .sort(
      (a, b) =>
        a.level - b.level || a.score / a.max - b.score / b.max || PILLARS.indexOf(a.pillar) - PILLARS.indexOf(b.pillar),
    )
    .slice(0, count)
    .map((p) => p.pillar);
}
