/**
 * The shape of a questionnaire file (db/questionnaires/<id>.json) and the rules that bind it to
 * the scoring of app/lib/dbi.ts. A new version is a new file: nothing here names a version.
 */
import { z } from "zod";
import { CATEGORIES, type Category } from "./reference";
import { PILLAR_MAX, PILLARS, type Pillar, type PillarScores } from "./dbi";

const Text = z.object({ vi: z.string(), en: z.string() });
export type LocalText = z.infer<typeof Text>;

const Option = z.object({ points: z.number().int().min(0), label: Text });
export type AnswerOption = z.infer<typeof Option>;

const Criterion = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
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
  scales: z.record(z.array(Option)),
  pillars: z.array(
    z.object({
      id: z.enum(PILLARS),
      title: Text,
      intro: Text,
      /** Solution categories that lift this pillar: the assessment's recommendations. */
      categories: z.array(z.enum(CATEGORIES)),
      criteria: z.array(Criterion),
    }),
  ),
});
export type QuestionnaireFile = z.infer<typeof QuestionnaireFile>;

export type QuestionnaireCriterion = { id: string; question: LocalText; hint?: LocalText; options: AnswerOption[] };
export type QuestionnairePillar = {
  id: Pillar;
  title: LocalText;
  intro: LocalText;
  categories: Category[];
  criteria: QuestionnaireCriterion[];
};
export type Questionnaire = {
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
    pillars: file.pillars.map((p) => ({
      ...p,
      criteria: p.criteria.map((c) => ({
        id: c.id,
        question: c.question,
        hint: c.hint,
        options: c.options ?? (c.scale ? (file.scales[c.scale] ?? []) : []),
      })),
    })),
  };
}

export const criterionMax = (c: QuestionnaireCriterion) => Math.max(0, ...c.options.map((o) => o.points));

/** What is wrong with a questionnaire, in words for a developer; empty when it can be used. */
export function questionnaireProblems(q: Questionnaire): string[] {
  const problems: string[] = [];
  const filled = (t: LocalText | undefined) => !!t && t.vi.trim() !== "" && t.en.trim() !== "";
  const order = q.pillars.map((p) => p.id).join();
  if (order !== PILLARS.join()) problems.push(`pillars must be ${PILLARS.join(", ")} in that order, not ${order}`);
  const ids = new Set<string>();
  for (const pillar of q.pillars) {
    if (!filled(pillar.title) || !filled(pillar.intro))
      problems.push(`${pillar.id}: title or intro missing a language`);
    if (pillar.categories.length === 0) problems.push(`${pillar.id}: no solution categories`);
    const max = pillar.criteria.reduce((sum, c) => sum + criterionMax(c), 0);
    if (max !== PILLAR_MAX[pillar.id])
      problems.push(`${pillar.id}: criteria add up to ${max}, not ${PILLAR_MAX[pillar.id]}`);
    for (const c of pillar.criteria) {
      if (ids.has(c.id)) problems.push(`${c.id}: id used twice`);
      ids.add(c.id);
      if (!filled(c.question)) problems.push(`${c.id}: question missing a language`);
      if (c.options.length < 2) problems.push(`${c.id}: fewer than two answer options`);
      if (c.options.some((o) => !filled(o.label))) problems.push(`${c.id}: an option missing a language`);
      if (!c.options.some((o) => o.points === 0)) problems.push(`${c.id}: no option worth 0 points`);
      if (new Set(c.options.map((o) => o.points)).size !== c.options.length) problems.push(`${c.id}: points repeated`);
    }
  }
  return problems;
}

export const criteriaCount = (q: Questionnaire) => q.pillars.reduce((n, p) => n + p.criteria.length, 0);

/** Keeps only answers that name a criterion of this pillar and one of its options' points. */
export function validAnswers(pillar: QuestionnairePillar, answers: Answers): Answers {
  const kept: Answers = {};
  for (const c of pillar.criteria) {
    const points = answers[c.id];
    if (points !== undefined && c.options.some((o) => o.points === points)) kept[c.id] = points;
  }
  return kept;
}

/** Each pillar's score: the sum of its answered criteria (an unanswered one counts 0). */
export function pillarScores(q: Questionnaire, answers: Answers): PillarScores {
  const scores = Object.fromEntries(PILLARS.map((p) => [p, 0])) as PillarScores;
  for (const pillar of q.pillars) {
    scores[pillar.id] = Object.values(validAnswers(pillar, answers)).reduce((s, n) => s + n, 0);
  }
  return scores;
}

/** Whether every criterion of the pillar has a valid answer. */
export function pillarComplete(pillar: QuestionnairePillar, answers: Answers): boolean {
  return Object.keys(validAnswers(pillar, answers)).length === pillar.criteria.length;
}
