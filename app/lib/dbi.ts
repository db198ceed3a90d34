/**
 * DX assessment scoring, modelled on the Ministry's Digital Business Indicators for SMEs. Pure and
 * version-free: the pillars, their maxima, the share-to-level thresholds and the overall rule are
 * data in each questionnaire file (db/questionnaires/*.json, read by app/lib/questionnaire.ts), so
 * a new index with other pillars loads without code. Level names live in the locale files under
 * `dbiLevels.*` (levels run 0–5 in every version).
 */

export const LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export const ASSESSMENT_STATUSES = ["draft", "completed"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** A pillar's key, as the questionnaire file names it (e.g. `customer`). */
export type Pillar = string;
/** Points per pillar key. */
export type PillarScores = Record<Pillar, number>;

/** A level is reached while the score is at most `upToPercent` % of the pillar's maximum. */
export type LevelThreshold = { level: Level; upToPercent: number };
/** The overall level: a total above `totalAbove` and at least `pillarsAtLevel` pillars at that level. */
export type OverallRule = { level: Level; totalAbove: number; pillarsAtLevel: number };

/** What scoring needs from a questionnaire version: its pillars (in order) and its rules. */
export type ScoringModel = {
  pillars: readonly { id: Pillar; max: number }[];
  levels: readonly LevelThreshold[];
  overall: readonly OverallRule[];
};

export const totalMax = (model: Pick<ScoringModel, "pillars">) => model.pillars.reduce((s, p) => s + p.max, 0);

/**
 * A pillar's level from its share of the pillar's maximum: the first threshold (in ascending
 * order) the score does not exceed. Whole-number arithmetic, so 10 % of 65 (6.5) is exact.
 */
export function pillarLevel(score: number, max: number, levels: readonly LevelThreshold[]): Level {
  const sorted = [...levels].sort((a, b) => a.upToPercent - b.upToPercent);
  if (max <= 0) return sorted[0]?.level ?? 0;
  for (const threshold of sorted) if (score * 100 <= max * threshold.upToPercent) return threshold.level;
  return sorted[sorted.length - 1]?.level ?? 0;
}

/** The highest level whose two conditions (total and pillars at that level) both hold; else 0. */
export function overallLevel(total: number, pillarLevels: readonly Level[], rules: readonly OverallRule[]): Level {
  for (const rule of [...rules].sort((a, b) => b.level - a.level)) {
    const reached = pillarLevels.filter((l) => l >= rule.level).length;
    if (total > rule.totalAbove && reached >= rule.pillarsAtLevel) return rule.level;
  }
  return 0;
}

export type PillarResult = { pillar: Pillar; score: number; max: number; level: Level };
export type DbiResult = { pillars: PillarResult[]; total: number; max: number; level: Level };

/** Pillar levels, the total and the overall level from the pillar scores, by the version's rules. */
export function dbiResult(model: ScoringModel, scores: PillarScores): DbiResult {
  const pillars = model.pillars.map(({ id, max }) => {
    const score = Math.max(0, Math.min(max, scores[id] ?? 0));
    return { pillar: id, score, max, level: pillarLevel(score, max, model.levels) };
  });
  const total = pillars.reduce((sum, p) => sum + p.score, 0);
  return {
    pillars,
    total,
    max: totalMax(model),
    level: overallLevel(
      total,
      pillars.map((p) => p.level),
      model.overall,
    ),
  };
}

/**
 * The pillars to work on first: those at the lowest level (ties broken by the smaller share of
 * the maximum, then the questionnaire's order), at most `count`; none when every pillar leads.
 */
export function weakestPillars(result: DbiResult, count = 2): Pillar[] {
  const order = result.pillars.map((p) => p.pillar);
  return result.pillars
    .filter((p) => p.level < 5)
    .sort(
      (a, b) =>
        a.level - b.level || a.score / a.max - b.score / b.max || order.indexOf(a.pillar) - order.indexOf(b.pillar),
    )
    .slice(0, count)
    .map((p) => p.pillar);
}

type Scored = DbiResult & { questionnaireId: string };

export type PillarChange = { pillar: Pillar; before: Level | null; after: Level };

/**
 * Before and after: within one questionnaire version, points and levels; across two versions
 * (other pillars, other maxima) only levels, since their points do not measure the same thing.
 * Pillars are matched by key; one the earlier version lacks has no "before".
 */
export type Comparison = {
  sameVersion: boolean;
  /** Change in total points; null across versions. */
  points: number | null;
  levelBefore: Level;
  levelAfter: Level;
  pillars: PillarChange[];
  /** Whether every current pillar has a level in the earlier assessment (the radar can overlay it). */
  overlay: boolean;
};

export function compareResults(before: Scored, after: Scored): Comparison {
  const sameVersion = before.questionnaireId === after.questionnaireId;
  const earlier = new Map(before.pillars.map((p) => [p.pillar, p.level]));
  const pillars = after.pillars.map((p) => ({
    pillar: p.pillar,
    before: earlier.get(p.pillar) ?? null,
    after: p.level,
  }));
  return {
    sameVersion,
    points: sameVersion ? after.total - before.total : null,
    levelBefore: before.level,
    levelAfter: after.level,
    pillars,
    overlay: pillars.every((p) => p.before !== null),
  };
}
