import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import { thrownStatus } from "../../db/test/responses";
import { questionPages } from "~/lib/questionnaire";
import {
  getAssessmentForOwner,
  getDraftAssessment,
  latestAssessment,
  listCompletedAssessments,
  previousAssessment,
  saveAssessmentStep,
  startAssessment,
} from "./assessments.server";
import { currentQuestionnaire } from "./questionnaires.server";

const owner = () => {
  const u = createUser({ role: "sme" });
  return { id: u.id, organisationId: u.organisationId };
};

const pages = () => questionPages(currentQuestionnaire());

/** Every question of one page answered with its highest option, or its lowest. */
function answersFor(step: number, best: boolean | ((pillar: string) => boolean)) {
  const page = pages()[step]!;
  const high = typeof best === "function" ? best(page.pillar) : best;
  return Object.fromEntries(page.criteria.map((c) => [c.id, high ? Math.max(...c.options.map((o) => o.points)) : 0]));
}

describe("taking an assessment", () => {
  it("saves each page so that it resumes where it was left, then scores it on the last", () => {
    const sme = owner();
    const id = startAssessment(sme);
    expect(startAssessment(sme)).toBe(id); // one draft at a time
    expect(saveAssessmentStep(sme, 0, answersFor(0, true))).toEqual({ ok: true, kind: "next", step: 1 });
    expect(saveAssessmentStep(sme, 1, answersFor(1, true))).toEqual({ ok: true, kind: "next", step: 2 });

    const resumed = getDraftAssessment(sme.organisationId)!;
    expect(resumed.step).toBe(2);
    expect(resumed.questionnaire.id).toBe(currentQuestionnaire().id);
    expect(Object.keys(resumed.answers)).toHaveLength(pages()[0]!.criteria.length + pages()[1]!.criteria.length);

    expect(thrownStatus(() => saveAssessmentStep(sme, 4, answersFor(4, true)))).toBe(404); // not reached yet
    const last = pages().length - 1;
    for (let step = 2; step < last; step++) saveAssessmentStep(sme, step, answersFor(step, true));
    const done = saveAssessmentStep(sme, last, answersFor(last, true));
    expect(done).toEqual({ ok: true, kind: "completed", assessmentId: id });

    const result = getAssessmentForOwner(id, sme);
    expect(result).toMatchObject({ total: 320, max: 320, level: 5, questionnaireId: "dbi-2021", recommendations: [] });
    expect(getDraftAssessment(sme.organisationId)).toBeNull();
    expect(listCompletedAssessments(sme.organisationId, 1)).toMatchObject({ total: 1, rows: [{ max: 320 }] });
  });

  it("does not move on until every question of the page is answered", () => {
    const sme = owner();
    startAssessment(sme);
    const partial = answersFor(0, true);
    delete partial[Object.keys(partial)[0]!];
    expect(saveAssessmentStep(sme, 0, partial)).toEqual({ ok: true, kind: "next", step: 0 });
    const draft = getDraftAssessment(sme.organisationId)!;
    expect(draft.step).toBe(0);
    expect(Object.keys(draft.answers)).toHaveLength(pages()[0]!.criteria.length - 1); // what was answered is kept
    expect(saveAssessmentStep(sme, 0, { ...partial, bogus: 5, cx_presence: 9 })).toEqual({
      ok: true,
      kind: "next",
      step: 0,
    });
  });

  it("recommends categories for the weakest pillars with why, and keeps each result to its own SME", () => {
    const sme = owner();
    const id = startAssessment(sme);
    pages().forEach((_, step) =>
      saveAssessmentStep(
        sme,
        step,
        answersFor(step, (pillar) => pillar !== "data" && pillar !== "culture"),
      ),
    );
    const result = latestAssessment(sme.organisationId)!;
    expect(result.id).toBe(id);
    const data = result.pillars.find((p) => p.pillar === "data")!;
    expect(data).toMatchObject({ level: 0, title: { en: "Data and information assets" } });
    expect(data.meaning.en).toMatch(/paper/);
    expect(result.recommendations.map((r) => r.pillar)).toEqual(["culture", "data"]);
    expect(result.recommendations[1]!.categories.map((c) => c.category)).toContain("data_analytics");
    expect(result.recommendations[1]!.categories[0]!.why.vi).not.toBe("");
    expect(thrownStatus(() => getAssessmentForOwner(id, owner()))).toBe(404);
  });

  it("finds the assessment before this one for the before/after", () => {
    const sme = owner();
    const take = (best: boolean, at: number) => {
      startAssessment(sme, at);
      pages().forEach((_, step) => saveAssessmentStep(sme, step, answersFor(step, best), at));
      return latestAssessment(sme.organisationId)!;
    };
    const first = take(false, 1_000);
    const second = take(true, 2_000);
    expect(previousAssessment(first, sme.organisationId)).toBeNull();
    expect(previousAssessment(second, sme.organisationId)).toMatchObject({ id: first.id, total: 0, level: 0 });
  });
});
