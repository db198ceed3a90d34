/**
 * The shape of a questionnaire file (db/questionnaires/<id>.json): its texts AND its scoring model
 * (pillars with their maxima and plain meaning per level, the sub-indices that group the criteria,
 * the share-to-level thresholds, the overall rule). A new version — other pillars, other maxima —
 * is a new file: nothing here names a version or a pillar.
 */
import { z } from "zod";
import { CATEGORIES, type Category } from "./reference";
import { LEVELS, totalMax, type Level, type PillarScores, type ScoringModel } from "./dbi";

const Text = z.object({ vi: z.string(), en: z.string() });
export type LocalText = z.infer<typeof Text>;

const Option = z.object({ points: z.number().int().min(0), label: Text });
export type AnswerOption = z.infer<typeof Option>;

const Key = z.string().regex(/^[a-z0-9_-]+$/, "use lower-case letters, digits, _ and -");
const LevelNumber = z
  .number()
  .int()
  .refine((n): n is Level => (LEVELS as readonly number[]).includes(n), "a level runs from 0 to 5");

const Criterion = z.object({
  id: Key,
  question: Text,
  hint: Text.optional(),
  /** One of the file's shared scales, or options of its own. */
  scale: z.string().optional(),
  options: z.array(Option).optional(),
});

export const QuestionnaireFile = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The day the version was issued, yyyy-mm-dd; the newest file is the one new assessments use. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: Text,
  source: Text,
  /** Share of a pillar's maximum → pillar level: the first threshold a score does not exceed. */
  levels: z.array(z.object({ level: LevelNumber, upToPercent: z.number().int().min(0).max(100) })).min(2),
  /** The overall level: the highest whose total and number of pillars at that level both hold. */
  overall: z
    .array(
      z.object({
        level: LevelNumber,
        totalAbove: z.number().int().min(0),
        pillarsAtLevel: z.number().int().min(1),
      }),
    )
    .min(1),
  scales: z.record(z.array(Option)),
  pillars: z
    .array(
      z.object({
        id: Key,
        title: Text,
        /** The few words under the radar's axis. */
        short: Text,
        intro: Text,
        /** The points the pillar can reach: its criteria's best answers add up to it. */
        max: z.number().int().positive(),
        /** One line in plain words per level, in the order of `levels`. */
        levelMeanings: z.array(Text),
        /** Solution categories that lift this pillar, best first, each with why it helps. */
        recommendations: z.array(z.object({ category: z.enum(CATEGORIES), why: Text })).min(1),
        /** The sub-indices: the assessment shows one (or part of one) per page. */
        groups: z.array(z.object({ id: Key, title: Text, criteria: z.array(Criterion).min(1) })).min(1),
      }),
    )
    .min(1),
});
export type QuestionnaireFile = z.infer<typeof QuestionnaireFile>;

/** A Zod failure as one line per problem, each naming the field: "pillars.2.max: Required". */
export function describeFileErrors(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ");
}

export type QuestionnaireCriterion = { id: string; question: LocalText; hint?: LocalText; options: AnswerOption[] };
export type QuestionnaireGroup = { id: string; title: LocalText; criteria: QuestionnaireCriterion[] };
export type Recommendation = { category: Category; why: LocalText };
export type QuestionnairePillar = {
  id: string;
  title: LocalText;
  short: LocalText;
  intro: LocalText;
  max: number;
  levelMeanings: LocalText[];
  recommendations: Recommendation[];
  groups: QuestionnaireGroup[];
  /** Every criterion of the pillar, in the order of its groups. */
  criteria: QuestionnaireCriterion[];
};
export type Questionnaire = Omit<ScoringModel, "pillars"> & {
  id: string;
  date: string;
  title: LocalText;
  source: LocalText;
  pillars: QuestionnairePillar[];
};

/** Answers: criterion id → the points of the chosen option. */
export type Answers = Record<string, number>;

/** Resolves shared scales into each criterion's own options. */
export function resolveQuestionnaire(file: QuestionnaireFile): Questionnaire {
  return {
    id: file.id,
    date: file.date,
    title: file.title,
    source: file.source,
    levels: file.levels.map((l) => ({ level: l.level as Level, upToPercent: l.upToPercent })),
    overall: file.overall.map((r) => ({ ...r, level: r.level as Level })),
    pillars: file.pillars.map((p) => {
      const groups = p.groups.map((g) => ({
        id: g.id,
        title: g.title,
        criteria: g.criteria.map((c) => ({
          id: c.id,
          question: c.question,
          hint: c.hint,
          options: c.options ?? (c.scale ? (file.scales[c.scale] ?? []) : []),
        })),
      }));
      return {
        id: p.id,
        title: p.title,
        short: p.short,
        intro: p.intro,
        max: p.max,
        levelMeanings: p.levelMeanings,
        recommendations: p.recommendations,
        groups,
        criteria: groups.flatMap((g) => g.criteria),
      };
    }),
  };
}

export const criterionMax = (c: QuestionnaireCriterion) => Math.max(0, ...c.options.map((o) => o.points));

/** What is wrong with a questionnaire, in words for a developer; empty when it can be used. */
export function questionnaireProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  const filled = (t: LocalText | undefined) => !!t && t.vi.trim() !== "" && t.en.trim() !== "";

  q.levels.forEach((l, i) => {
    if (l.level !== i) problems.push(`levels.${i}.level: expected ${i} (levels run 0, 1, 2… in order)`);
    const previous = q.levels[i - 1];
    if (previous && l.upToPercent <= previous.upToPercent)
      problems.push(`levels.${i}.upToPercent: must be above ${previous.upToPercent}`);
  });
  if (q.levels[q.levels.length - 1]?.upToPercent !== 100) problems.push(`levels: the last upToPercent must be 100`);
  const levelSet = new Set(q.levels.map((l) => l.level));
  const max = totalMax(q);
  q.overall.forEach((r, i) => {
    if (!levelSet.has(r.level)) problems.push(`overall.${i}.level: ${r.level} is not one of the levels`);
    if (r.pillarsAtLevel > q.pillars.length)
      problems.push(`overall.${i}.pillarsAtLevel: ${r.pillarsAtLevel} is more than the ${q.pillars.length} pillars`);
    if (r.totalAbove >= max) problems.push(`overall.${i}.totalAbove: ${r.totalAbove} is not below the maximum ${max}`);
  });

  const pillarIds = new Set<string>();
  const ids = new Set<string>();
  q.pillars.forEach((pillar, i) => {
    const at = `pillars.${i} (${pillar.id})`;
    if (pillarIds.has(pillar.id)) problems.push(`${at}.id: used twice`);
    pillarIds.add(pillar.id);
    if (!filled(pillar.title) || !filled(pillar.short) || !filled(pillar.intro))
      problems.push(`${at}: title, short or intro missing a language`);
    if (pillar.levelMeanings.length !== q.levels.length)
      problems.push(`${at}.levelMeanings: ${pillar.levelMeanings.length} lines for ${q.levels.length} levels`);
    if (pillar.levelMeanings.some((m) => !filled(m))) problems.push(`${at}.levelMeanings: a line missing a language`);
    if (pillar.recommendations.some((r) => !filled(r.why)))
      problems.push(`${at}.recommendations: a "why" missing a language`);
    const sum = pillar.criteria.reduce((s, c) => s + criterionMax(c), 0);
    if (sum !== pillar.max) problems.push(`${at}.max: criteria add up to ${sum}, not ${pillar.max}`);
    const groupIds = new Set<string>();
    for (const group of pillar.groups) {
      if (groupIds.has(group.id)) problems.push(`${at}.groups.${group.id}: id used twice`);
      groupIds.add(group.id);
      if (!filled(group.title)) problems.push(`${at}.groups.${group.id}: title missing a language`);
    }
    for (const c of pillar.criteria) {
      if (ids.has(c.id)) problems.push(`${c.id}: id used twice`);
      ids.add(c.id);
      if (!filled(c.question)) problems.push(`${c.id}: question missing a language`);
      if (c.options.length < 2) problems.push(`${c.id}: fewer than two answer options (unknown scale?)`);
      if (c.options.some((o) => !filled(o.label))) problems.push(`${c.id}: an option missing a language`);
      if (!c.options.some((o) => o.points === 0)) problems.push(`${c.id}: no option worth 0 points`);
      if (new Set(c.options.map((o) => o.points)).size !== c.options.length) problems.push(`${c.id}: points repeated`);
    }
  });
  return problems;
}

export const criteriaCount = (q: Questionnaire) => q.pillars.reduce((n, p) => n + p.criteria.length, 0);

/** Keeps only answers that name one of these criteria and one of its options' points. */
export function validAnswers(criteria: readonly QuestionnaireCriterion[], answers: Answers): Answers {
  const kept: Answers = {};
  for (const c of criteria) {
    const points = answers[c.id];
    if (points !== undefined && c.options.some((o) => o.points === points)) kept[c.id] = points;
  }
  return kept;
}

/** Each pillar's score: the sum of its answered criteria (an unanswered one counts 0). */
export function pillarScores(q: Questionnaire, answers: Answers): PillarScores {
  const scores: PillarScores = {};
  for (const pillar of q.pillars) {
    scores[pillar.id] = Object.values(validAnswers(pillar.criteria, answers)).reduce((s, n) => s + n, 0);
  }
  return scores;
}

/** Whether every one of these criteria has a valid answer. */
export function criteriaComplete(criteria: readonly QuestionnaireCriterion[], answers: Answers): boolean {
  return Object.keys(validAnswers(criteria, answers)).length === criteria.length;
}

// ---------------------------------------------------------------------------------------------
// Pages: what one screen of the assessment asks

/** At most this many questions on one page: a phone screen or two, not a 6,500 px scroll. */
export const QUESTIONS_PER_PAGE = 5;
/** How long one question takes on average, for "about 9 minutes left". */
export const SECONDS_PER_QUESTION = 12;

export type QuestionPage = {
  pillarIndex: number;
  pillar: string;
  group: string;
  /** 1-based part of a sub-index split over several pages, and how many parts it has. */
  part: number;
  parts: number;
  criteria: QuestionnaireCriterion[];
  /** 0-based position of the page's first question in the whole questionnaire. */
  first: number;
};

/**
 * The pages: one per sub-index, in the questionnaire's order; a sub-index with more than
 * `perPage` questions is split into as few, as even, pages as fit (7 → 4 + 3, 11 → 4 + 4 + 3).
 */
export function questionPages(q: Questionnaire, perPage = QUESTIONS_PER_PAGE): QuestionPage[] {
  const pages: QuestionPage[] = [];
  let first = 0;
  q.pillars.forEach((pillar, pillarIndex) => {
    for (const group of pillar.groups) {
      const parts = Math.ceil(group.criteria.length / perPage);
      const size = Math.ceil(group.criteria.length / parts);
      for (let part = 0; part < parts; part++) {
        const criteria = group.criteria.slice(part * size, (part + 1) * size);
        pages.push({ pillarIndex, pillar: pillar.id, group: group.id, part: part + 1, parts, criteria, first });
        first += criteria.length;
      }
    }
  });
  return pages;
}

export type Progress = { first: number; last: number; total: number; minutesLeft: number };

/** "Questions 14–18 of 60 · about 10 minutes left": counted from the page's first question. */
export function pageProgress(pages: readonly QuestionPage[], index: number): Progress {
  const total = pages.reduce((n, p) => n + p.criteria.length, 0);
  const page = pages[index];
  if (!page) return { first: total, last: total, total, minutesLeft: 0 };
  return {
    first: page.first + 1,
    last: page.first + page.criteria.length,
    total,
    minutesLeft: estimatedMinutes(total - page.first),
  };
}

/** Minutes for `questions` questions, rounded, at least one while any remain. */
export const estimatedMinutes = (questions: number) =>
  questions <= 0 ? 0 : Math.max(1, Math.round((questions * SECONDS_PER_QUESTION) / 60));

/** The first page with an unanswered question, or -1 when every question is answered. */
export function firstIncompletePage(pages: readonly QuestionPage[], answers: Answers): number {
  return pages.findIndex((p) => !criteriaComplete(p.criteria, answers));
}
