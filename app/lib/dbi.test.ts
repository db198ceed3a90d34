import { describe, expect, it } from "vitest";
import {
  compareResults,
  dbiResult,
  overallLevel,
  pillarLevel,
  totalMax,
  weakestPillars,
  type Level,
  type PillarScores,
  type ScoringModel,
} from "./dbi";

/** The 2021 model as db/questionnaires/dbi-2021.json states it (the file itself is checked in questionnaires.server.test.ts). */
const PILLAR_MAX: PillarScores = {
  customer: 65,
  strategy: 25,
  infrastructure: 80,
  operations: 65,
  culture: 50,
  data: 35,
};
const LEVELS_2021 = [10, 20, 40, 60, 80, 100].map((upToPercent, level) => ({ level: level as Level, upToPercent }));
const RULES_2021 = [
  { level: 5, totalAbove: 256, pillarsAtLevel: 6 },
  { level: 4, totalAbove: 192, pillarsAtLevel: 5 },
  { level: 3, totalAbove: 128, pillarsAtLevel: 4 },
  { level: 2, totalAbove: 64, pillarsAtLevel: 4 },
  { level: 1, totalAbove: 20, pillarsAtLevel: 4 },
] as const;
const DBI_2021: ScoringModel = {
  pillars: Object.entries(PILLAR_MAX).map(([id, max]) => ({ id, max })),
  levels: LEVELS_2021,
  overall: RULES_2021,
};
const TOTAL_MAX = 320;

const scores = (s: Partial<PillarScores>): PillarScores => ({
  customer: 0,
  strategy: 0,
  infrastructure: 0,
  operations: 0,
  culture: 0,
  data: 0,
  ...s,
});

describe("pillar level", () => {
  it("is read from the share of the pillar maximum at every boundary, and just above it", () => {
    // infrastructure, max 80: 10% = 8, 20% = 16, 40% = 32, 60% = 48, 80% = 64
    const cases: [number, Level][] = [
      [0, 0],
      [8, 0],
      [9, 1],
      [16, 1],
      [17, 2],
      [32, 2],
      [33, 3],
      [48, 3],
      [49, 4],
      [64, 4],
      [65, 5],
      [80, 5],
    ];
    for (const [score, level] of cases) expect(pillarLevel(score, 80, LEVELS_2021), `${score}/80`).toBe(level);
  });

  it("keeps the boundaries exact when the share is not a whole number of points", () => {
    // customer experience, max 65: 10% = 6.5, 20% = 13, 40% = 26, 60% = 39, 80% = 52
    expect(pillarLevel(6, 65, LEVELS_2021)).toBe(0);
    expect(pillarLevel(7, 65, LEVELS_2021)).toBe(1);
    expect(pillarLevel(13, 65, LEVELS_2021)).toBe(1);
    expect(pillarLevel(14, 65, LEVELS_2021)).toBe(2);
    expect(pillarLevel(26, 65, LEVELS_2021)).toBe(2);
    expect(pillarLevel(27, 65, LEVELS_2021)).toBe(3);
    expect(pillarLevel(39, 65, LEVELS_2021)).toBe(3);
    expect(pillarLevel(40, 65, LEVELS_2021)).toBe(4);
    expect(pillarLevel(52, 65, LEVELS_2021)).toBe(4);
    expect(pillarLevel(53, 65, LEVELS_2021)).toBe(5);
    // strategy, max 25, scored in steps of 5: 5 = 20% → 1, 10 = 40% → 2, 15 → 3, 20 → 4, 25 → 5
    expect([0, 5, 10, 15, 20, 25].map((s) => pillarLevel(s, 25, LEVELS_2021))).toEqual([0, 1, 2, 3, 4, 5]);
    // data, max 35: 10% = 3.5, 80% = 28
    expect(pillarLevel(3, 35, LEVELS_2021)).toBe(0);
    expect(pillarLevel(4, 35, LEVELS_2021)).toBe(1);
    expect(pillarLevel(28, 35, LEVELS_2021)).toBe(4);
    expect(pillarLevel(29, 35, LEVELS_2021)).toBe(5);
  });
});

describe("overall level", () => {
  it("is 0 for nothing and 5 for the maximum of 320", () => {
    expect(dbiResult(DBI_2021, scores({}))).toMatchObject({ total: 0, level: 0 });
    const max = dbiResult(DBI_2021, { ...PILLAR_MAX });
    expect(max.total).toBe(TOTAL_MAX);
    expect(max.level).toBe(5);
    expect(max.pillars.every((p) => p.level === 5)).toBe(true);
  });

  it("needs the total above each threshold", () => {
    const fourAt: Level[] = [5, 5, 5, 5, 5, 5];
    expect(overallLevel(20, fourAt, RULES_2021)).toBe(0);
    expect(overallLevel(21, fourAt, RULES_2021)).toBe(1);
    expect(overallLevel(64, fourAt, RULES_2021)).toBe(1);
    expect(overallLevel(65, fourAt, RULES_2021)).toBe(2);
    expect(overallLevel(128, fourAt, RULES_2021)).toBe(2);
    expect(overallLevel(129, fourAt, RULES_2021)).toBe(3);
    expect(overallLevel(192, fourAt, RULES_2021)).toBe(3);
    expect(overallLevel(193, fourAt, RULES_2021)).toBe(4);
    expect(overallLevel(256, fourAt, RULES_2021)).toBe(4);
    expect(overallLevel(257, fourAt, RULES_2021)).toBe(5);
  });

  it("gets the level below when the total passes a threshold but too few pillars reach the level", () => {
    // 153 points (> 128), but only two pillars at level ≥ 3: not level 3.
    const lopsided = dbiResult(
      DBI_2021,
      scores({ customer: 65, infrastructure: 64, operations: 14, culture: 6, data: 4 }),
    );
    expect(lopsided.total).toBe(153);
    expect(lopsided.pillars.filter((p) => p.level >= 3).length).toBe(2);
    // four pillars at ≥ 1 but only three at ≥ 2: level 1
    expect(lopsided.pillars.filter((p) => p.level >= 2).length).toBe(3);
    expect(lopsided.level).toBe(1);

    // 200 points (> 192) and four pillars at level 4, one short of the five level 4 needs: 3.
    const almost = dbiResult(
      DBI_2021,
      scores({ customer: 52, strategy: 20, infrastructure: 64, operations: 52, culture: 12 }),
    );
    expect(almost.total).toBe(200);
    expect(almost.level).toBe(3);
    // …and with a fifth pillar at level 4 it is level 4.
    expect(
      dbiResult(DBI_2021, scores({ customer: 52, strategy: 20, infrastructure: 64, operations: 52, culture: 40 }))
        .level,
    ).toBe(4);

    // All but one pillar leading, 300 points: not level 5, which needs all six.
    expect(dbiResult(DBI_2021, { ...PILLAR_MAX, strategy: 5 }).level).toBe(4);

    // More than 20 points in only three pillars: not even level 1.
    expect(dbiResult(DBI_2021, scores({ customer: 30, infrastructure: 30, data: 10 })).level).toBe(0);
  });

  it("names the weakest pillars, lowest level first", () => {
    const result = dbiResult(
      DBI_2021,
      scores({ customer: 40, strategy: 10, infrastructure: 20, operations: 30, culture: 30, data: 30 }),
    );
    expect(weakestPillars(result)).toEqual(["infrastructure", "strategy"]);
    expect(weakestPillars(dbiResult(DBI_2021, { ...PILLAR_MAX }))).toEqual([]);
    expect(totalMax(DBI_2021)).toBe(TOTAL_MAX);
  });
});

describe("before and after", () => {
  const at = (questionnaireId: string, s: Partial<PillarScores>, model = DBI_2021) => ({
    ...dbiResult(model, scores(s)),
    questionnaireId,
  });

  it("compares points and levels within one questionnaire version", () => {
    const before = at("dbi-2021", { customer: 13, strategy: 5, infrastructure: 16, operations: 13, culture: 10 });
    const after = at("dbi-2021", {
      customer: 39,
      strategy: 15,
      infrastructure: 48,
      operations: 39,
      culture: 30,
      data: 21,
    });
    const change = compareResults(before, after);
    expect(change).toMatchObject({ sameVersion: true, points: 135, levelBefore: 1, levelAfter: 3, overlay: true });
    expect(change.pillars.find((p) => p.pillar === "data")).toEqual({ pillar: "data", before: 0, after: 3 });
  });

  it("compares only levels across two versions, and matches pillars by key", () => {
    const seven: ScoringModel = {
      pillars: [...DBI_2021.pillars.map((p) => ({ ...p, max: 40 })), { id: "sustainability", max: 20 }],
      levels: LEVELS_2021,
      overall: [{ level: 1, totalAbove: 10, pillarsAtLevel: 5 }],
    };
    const before = at("dbi-2021", { customer: 13, strategy: 5, infrastructure: 16, operations: 13, culture: 10 });
    const after = at(
      "dbi-2025",
      { customer: 20, strategy: 20, infrastructure: 20, operations: 20, culture: 20 },
      seven,
    );
    const change = compareResults(before, after);
    expect(change.sameVersion).toBe(false);
    expect(change.points).toBeNull();
    expect(change).toMatchObject({ levelBefore: 1, levelAfter: 1, overlay: false });
    expect(change.pillars).toHaveLength(7);
    expect(change.pillars.at(-1)).toEqual({ pillar: "sustainability", before: null, after: 0 });
  });
});
