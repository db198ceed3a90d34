import { describe, expect, it } from "vitest";
import {
  estimatedMinutes,
  firstIncompletePage,
  pageProgress,
  questionPages,
  type Questionnaire,
  type QuestionnaireCriterion,
} from "./questionnaire";

const text = (s: string) => ({ vi: s, en: s });
const criterion = (id: string): QuestionnaireCriterion => ({
  id,
  question: text(id),
  options: [0, 1].map((points) => ({ points, label: text(String(points)) })),
});
/** A questionnaire whose pillars have sub-indices of the given sizes. */
function shaped(pillars: number[][]): Questionnaire {
  let n = 0;
  return {
    id: "t",
    date: "2030-01-01",
    title: text("t"),
    source: text("t"),
    levels: [
      { level: 0, upToPercent: 50 },
      { level: 1, upToPercent: 100 },
    ],
    overall: [{ level: 1, totalAbove: 0, pillarsAtLevel: 1 }],
    pillars: pillars.map((sizes, p) => {
      const groups = sizes.map((size, g) => ({
        id: `g${g}`,
        title: text(`g${g}`),
        criteria: Array.from({ length: size }, () => criterion(`q${++n}`)),
      }));
      return {
        id: `p${p}`,
        title: text(`p${p}`),
        short: text(`p${p}`),
        intro: text(""),
        max: sizes.reduce((a, b) => a + b, 0),
        levelMeanings: [text("0"), text("1")],
        recommendations: [],
        groups,
        criteria: groups.flatMap((g) => g.criteria),
      };
    }),
  };
}

describe("assessment pages", () => {
  it("put each sub-index on its own page, splitting a large one into as few, as even, pages of at most five", () => {
    const pages = questionPages(shaped([[5, 7], [1], [11, 16]]));
    expect(pages.map((p) => p.criteria.length)).toEqual([5, 4, 3, 1, 4, 4, 3, 4, 4, 4, 4]);
    expect(pages.every((p) => p.criteria.length <= 5)).toBe(true);
    expect(pages.map((p) => `${p.pillar}/${p.group} ${p.part}/${p.parts}`).slice(0, 4)).toEqual([
      "p0/g0 1/1",
      "p0/g1 1/2",
      "p0/g1 2/2",
      "p1/g0 1/1",
    ]);
    // Every question once, in order.
    expect(pages.flatMap((p) => p.criteria.map((c) => c.id))).toEqual(
      Array.from({ length: 40 }, (_, i) => `q${i + 1}`),
    );
  });

  it("count progress by question, with the time left from the page's first question", () => {
    // 60 questions, as in DBI 2021: the page starting at question 14 has 47 to go, 12 s each ≈ 9 minutes.
    const pages = questionPages(shaped([[4, 5, 4], [1], [4, 5, 3, 4], [4, 5, 4], [5, 5], [4, 3]]));
    expect(pages).toHaveLength(15);
    expect(pageProgress(pages, 0)).toEqual({ first: 1, last: 4, total: 60, minutesLeft: 12 });
    expect(pageProgress(pages, 3)).toEqual({ first: 14, last: 14, total: 60, minutesLeft: 9 });
    expect(pageProgress(pages, 14)).toEqual({ first: 58, last: 60, total: 60, minutesLeft: 1 });
    expect(estimatedMinutes(0)).toBe(0);
    expect(estimatedMinutes(1)).toBe(1);
  });

  it("find the first page with a question unanswered", () => {
    const pages = questionPages(shaped([[2], [3]]));
    expect(firstIncompletePage(pages, {})).toBe(0);
    expect(firstIncompletePage(pages, { q1: 1, q2: 0 })).toBe(1);
    expect(firstIncompletePage(pages, { q1: 1, q2: 0, q3: 1, q4: 9, q5: 0 })).toBe(1); // 9 is not an option
    expect(firstIncompletePage(pages, { q1: 1, q2: 0, q3: 1, q4: 1, q5: 0 })).toBe(-1);
  });
});
