import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import { thrownStatus } from "../../db/test/responses";
import { PILLARS } from "~/lib/dbi";
import {
  getAssessmentForOwner,
  getDraftAssessment,
  latestAssessment,
  listCompletedAssessments,
  saveAssessmentStep,
  startAssessment,
} from "./assessments.server";
import { currentQuestionnaire } from "./questionnaires.server";

const owner = () => {
  const u = createUser({ role: "sme" });
  return { id: u.id, organisationId: u.organisationId };
};

/** Every criterion of one pillar answered with its highest option, or its lowest. */
function answersFor(step: number, best: boolean) {
  const pillar = currentQuestionnaire().pillars[step]!;
  return Object.fromEntries(pillar.criteria.map((c) => [c.id, best ? Math.max(...c.options.map((o) => o.points)) : 0]));
}

describe("taking an assessment", () => {
  it("saves each step so that it resumes where it was left, then scores it on the last", () => {
    const sme = owner();
    const id = startAssessment(sme);
    expect(startAssessment(sme)).toBe(id); // one draft at a time
    expect(saveAssessmentStep(sme, 0, answersFor(0, true))).toEqual({ ok: true, kind: "next", step: 1 });
    expect(saveAssessmentStep(sme, 1, answersFor(1, true))).toEqual({ ok: true, kind: "next", step: 2 });

    const resumed = getDraftAssessment(sme.organisationId)!;
    expect(resumed.step).toBe(2);
    expect(resumed.questionnaire.id).toBe(currentQuestionnaire().id);
    expect(Object.keys(resumed.answers)).toHaveLength(14);

    expect(thrownStatus(() => saveAssessmentStep(sme, 4, answersFor(4, true)))).toBe(404); // not reached yet
    for (let step = 2; step < PILLARS.length - 1; step++) saveAssessmentStep(sme, step, answersFor(step, true));
    const done = saveAssessmentStep(sme, PILLARS.length - 1, answersFor(PILLARS.length - 1, true));
    expect(done).toEqual({ ok: true, kind: "completed", assessmentId: id });

    const result = getAssessmentForOwner(id, sme);
    expect(result).toMatchObject({ total: 320, level: 5, questionnaireId: "dbi-2021", recommendations: [] });
    expect(getDraftAssessment(sme.organisationId)).toBeNull();
    expect(listCompletedAssessments(sme.organisationId, 1).total).toBe(1);
  });

  it("does not move on until every question of the step is answered", () => {
    const sme = owner();
    startAssessment(sme);
    const partial = answersFor(0, true);
    delete partial[Object.keys(partial)[0]!];
    expect(saveAssessmentStep(sme, 0, partial)).toEqual({ ok: true, kind: "next", step: 0 });
    const draft = getDraftAssessment(sme.organisationId)!;
    expect(draft.step).toBe(0);
    expect(Object.keys(draft.answers)).toHaveLength(12); // what was answered is kept
    expect(saveAssessmentStep(sme, 0, { ...partial, bogus: 5, cx_presence: 9 })).toEqual({
      ok: true,
      kind: "next",
      step: 0,
    });
  });

  it("recommends categories for the weakest pillars, and keeps each result to its own SME", () => {
    const sme = owner();
    const id = startAssessment(sme);
    PILLARS.forEach((pillar, step) =>
      saveAssessmentStep(sme, step, answersFor(step, pillar !== "data" && pillar !== "culture")),
    );
    const result = latestAssessment(sme.organisationId)!;
    expect(result.id).toBe(id);
    expect(result.pillars.find((p) => p.pillar === "data")!.level).toBe(0);
    expect(result.recommendations.map((r) => r.pillar)).toEqual(["culture", "data"]);
    expect(result.recommendations[1]!.categories).toContain("data_analytics");
    expect(thrownStatus(() => getAssessmentForOwner(id, owner()))).toBe(404);
  });
});
