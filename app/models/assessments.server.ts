/**
 * DX assessments: a draft saved at every page (so leaving and coming back resumes), completed
 * into a scored, permanent record. Scoring is app/lib/dbi.ts with the rules of the questionnaire
 * version the assessment was started with (its file holds the questions and the scoring model).
 * A draft's `step` is the furthest page reached (app/lib/questionnaire.ts `questionPages`).
 */
import crypto from "node:crypto";
import { and, count, desc, eq, lt, ne } from "drizzle-orm";
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import {
  dbiResult,
  totalMax,
  weakestPillars,
  type DbiResult,
  type Level,
  type Pillar,
  type PillarScores,
} from "~/lib/dbi";
import {
  criteriaComplete,
  firstIncompletePage,
  pillarScores,
  questionPages,
  validAnswers,
  type Answers,
  type LocalText,
  type Questionnaire,
  type Recommendation as CategoryAdvice,
} from "~/lib/questionnaire";
import { currentQuestionnaire, getQuestionnaire } from "./questionnaires.server";
import { expectOneChange, transition, type Refused } from "./transition.server";
import { pageCount } from "~/lib/paging";

type Owner = { id: string; organisationId: string };
type Row = typeof schema.assessments.$inferSelect;

const parseAnswers = (json: string): Answers => {
  const value = JSON.parse(json) as unknown;
  return value && typeof value === "object" ? (value as Answers) : {};
};

function draftRow(organisationId: string): Row | undefined {
  return getDb()
    .select()
    .from(schema.assessments)
    .where(and(eq(schema.assessments.organisationId, organisationId), eq(schema.assessments.status, "draft")))
    .get();
}

export type AssessmentDraft = { id: string; step: number; answers: Answers; questionnaire: Questionnaire };

export function getDraftAssessment(organisationId: string): AssessmentDraft | null {
  const row = draftRow(organisationId);
  if (!row) return null;
  return {
    id: row.id,
    step: row.step,
    answers: parseAnswers(row.answers),
    questionnaire: getQuestionnaire(row.questionnaireId),
  };
}

/** The organisation's draft, made with the current questionnaire when it has none. */
export function startAssessment(user: Owner, now = Date.now()): string {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const existing = tx
        .select({ id: schema.assessments.id })
        .from(schema.assessments)
        .where(and(eq(schema.assessments.organisationId, user.organisationId), eq(schema.assessments.status, "draft")))
        .get();
      if (existing) return existing.id;
      const id = crypto.randomUUID();
      tx.insert(schema.assessments)
        .values({
          id,
          organisationId: user.organisationId,
          userId: user.id,
          questionnaireId: currentQuestionnaire().id,
          status: "draft",
          answers: "{}",
          step: 0,
          startedAt: now,
          updatedAt: now,
        })
        .run();
      return id;
    },
    { behavior: "immediate" },
  );
}

export type StepOutcome =
  { ok: true; kind: "next"; step: number } | { ok: true; kind: "completed"; assessmentId: string } | Refused<"stale">;

/**
 * Saves one page's answers. Moves the draft on to the next page, or completes and scores it once
 * every question is answered. A page beyond the one reached, or no draft, is a 404. A transition
 * (ADR 006): the draft is re-read and written back only while it is still a draft.
 */
export function saveAssessmentStep(user: Owner, step: number, answers: Answers, now = Date.now()): StepOutcome {
  return transition((tx): StepOutcome => {
    const row = tx
      .select()
      .from(schema.assessments)
      .where(and(eq(schema.assessments.organisationId, user.organisationId), eq(schema.assessments.status, "draft")))
      .get();
    if (!row) throw new Response("Not found", { status: 404 });
    const questionnaire = getQuestionnaire(row.questionnaireId);
    const pages = questionPages(questionnaire);
    const page = pages[step];
    if (!page || step > row.step) throw new Response("Not found", { status: 404 });

    const merged = { ...parseAnswers(row.answers), ...validAnswers(page.criteria, answers) };
    const missing = firstIncompletePage(pages, merged);
    if (missing === -1) {
      const scores = pillarScores(questionnaire, merged);
      const result = dbiResult(questionnaire, scores);
      writeDraft(tx, row.id, {
        answers: JSON.stringify(merged),
        step: pages.length - 1,
        status: "completed",
        pillarScores: JSON.stringify(scores),
        totalScore: result.total,
        level: result.level,
        updatedAt: now,
        completedAt: now,
      });
      return { ok: true, kind: "completed", assessmentId: row.id };
    }
    // Onwards once this page is complete; from the last page, back to the first page missing an answer.
    const next = !criteriaComplete(page.criteria, merged) ? step : step + 1 < pages.length ? step + 1 : missing;
    writeDraft(tx, row.id, { answers: JSON.stringify(merged), step: Math.max(row.step, next), updatedAt: now });
    return { ok: true, kind: "next", step: next };
  });
}

/** The compare-and-set write on a draft: only while it is still a draft. */
function writeDraft(tx: DbOrTx, id: string, set: Partial<Row>) {
  expectOneChange(
    tx
      .update(schema.assessments)
      .set(set)
      .where(and(eq(schema.assessments.id, id), eq(schema.assessments.status, "draft")))
      .run(),
    "the assessment",
  );
}

/** A weak pillar and the solution categories that lift it (from the questionnaire file). */
export type Recommendation = { pillar: Pillar; title: LocalText; level: Level; categories: CategoryAdvice[] };

/** A pillar's result with its words: name, radar label and what its level means. */
export type PillarView = DbiResult["pillars"][number] & { title: LocalText; short: LocalText; meaning: LocalText };

export type AssessmentResult = Omit<DbiResult, "pillars"> & {
  id: string;
  questionnaireId: string;
  /** The version's title, e.g. "… (modelled on DBI 2021)". */
  questionnaireTitle: LocalText;
  completedAt: number;
  pillars: PillarView[];
  recommendations: Recommendation[];
};

const EMPTY: LocalText = { vi: "", en: "" };

function resultOf(row: Row): AssessmentResult {
  const scores = JSON.parse(row.pillarScores ?? "{}") as PillarScores;
  const questionnaire = getQuestionnaire(row.questionnaireId);
  const result = dbiResult(questionnaire, scores);
  const pillars = result.pillars.map((p) => {
    const data = questionnaire.pillars.find((q) => q.id === p.pillar)!;
    return { ...p, title: data.title, short: data.short, meaning: data.levelMeanings[p.level] ?? EMPTY };
  });
  const recommendations = weakestPillars(result).map((id) => {
    const pillar = pillars.find((p) => p.pillar === id)!;
    return {
      pillar: id,
      title: pillar.title,
      level: pillar.level,
      categories: questionnaire.pillars.find((p) => p.id === id)?.recommendations ?? [],
    };
  });
  return {
    ...result,
    pillars,
    id: row.id,
    questionnaireId: row.questionnaireId,
    questionnaireTitle: questionnaire.title,
    completedAt: row.completedAt ?? row.updatedAt,
    recommendations,
  };
}

/** A completed assessment of the user's own organisation; anything else is a 404. */
export function getAssessmentForOwner(assessmentId: string, user: Owner): AssessmentResult {
  const row = getDb().select().from(schema.assessments).where(eq(schema.assessments.id, assessmentId)).get();
  if (!row || row.organisationId !== user.organisationId || row.status !== "completed") {
    throw new Response("Not found", { status: 404 });
  }
  return resultOf(row);
}

export function latestAssessment(organisationId: string): AssessmentResult | null {
  const row = getDb()
    .select()
    .from(schema.assessments)
    .where(and(eq(schema.assessments.organisationId, organisationId), eq(schema.assessments.status, "completed")))
    .orderBy(desc(schema.assessments.completedAt))
    .limit(1)
    .get();
  return row ? resultOf(row) : null;
}

/** The organisation's completed assessment just before this one (for the before/after), if any. */
export function previousAssessment(current: Pick<AssessmentResult, "id" | "completedAt">, organisationId: string) {
  const row = getDb()
    .select()
    .from(schema.assessments)
    .where(
      and(
        eq(schema.assessments.organisationId, organisationId),
        eq(schema.assessments.status, "completed"),
        lt(schema.assessments.completedAt, current.completedAt),
        ne(schema.assessments.id, current.id),
      ),
    )
    .orderBy(desc(schema.assessments.completedAt))
    .limit(1)
    .get();
  return row ? resultOf(row) : null;
}

export const ASSESSMENTS_PAGE_SIZE = 10;

/** Completed assessments, newest first: the organisation's history. */
export function listCompletedAssessments(organisationId: string, page: number) {
  const db = getDb();
  const where = and(eq(schema.assessments.organisationId, organisationId), eq(schema.assessments.status, "completed"));
  const rows = db
    .select({
      id: schema.assessments.id,
      completedAt: schema.assessments.completedAt,
      totalScore: schema.assessments.totalScore,
      level: schema.assessments.level,
      questionnaireId: schema.assessments.questionnaireId,
    })
    .from(schema.assessments)
    .where(where)
    .orderBy(desc(schema.assessments.completedAt))
    .limit(ASSESSMENTS_PAGE_SIZE)
    .offset((page - 1) * ASSESSMENTS_PAGE_SIZE)
    .all()
    .map((r) => ({
      ...r,
      max: totalMax(getQuestionnaire(r.questionnaireId)),
      completedAt: r.completedAt ?? 0,
      totalScore: r.totalScore ?? 0,
      level: (r.level ?? 0) as Level,
    }));
  const total = db.select({ n: count() }).from(schema.assessments).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, ASSESSMENTS_PAGE_SIZE) };
}
