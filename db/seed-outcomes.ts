/**
 * Demo data for the outcome figures (issue 13): the SMEs of completed engagements took the DX
 * assessment before the award and, most of them, again after completion, so that /staff/reports
 * and /stats show a real level change after engagements. An SME that already has an assessment
 * in the window keeps it; one in five engagements stays without a second assessment, as in life.
 * Called by seed() inside its transaction, after the engagements exist; its own seeded faker
 * keeps it deterministic.
 */
import crypto from "node:crypto";
import { base, en, Faker, vi } from "@faker-js/faker";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import type { DB } from "./client.server";
import * as schema from "./schema";
import { dbiResult, type Pillar } from "../app/lib/dbi";
import { DAY_MS } from "../app/lib/local-date";
import { pillarScores, type Answers, type Questionnaire } from "../app/lib/questionnaire";
import { currentQuestionnaire } from "../app/models/questionnaires.server";

/** Answers that land every pillar near `level` (0–5), one pillar a step lower for realism. */
function answersAt(q: Questionnaire, level: number, weak: Pillar, faker: Faker): Answers {
  const answers: Answers = {};
  for (const pillar of q.pillars) {
    const target = Math.max(0, Math.min(5, level - (pillar.id === weak && level > 0 && level < 5 ? 1 : 0)));
    for (const c of pillar.criteria) {
      const points = c.options.map((o) => o.points).sort((a, b) => a - b);
      const index = Math.max(0, Math.min(points.length - 1, target + faker.number.int({ min: 0, max: 1 })));
      answers[c.id] = points[index]!;
    }
  }
  return answers;
}

const BEFORE_LEVELS = [1, 0, 2, 1, 3, 1, 2, 0];
const GAINS = [1, 1, 2, 0, 1, 1, 2, 1];

export function seedOutcomes(tx: DB, now: number) {
  const faker = new Faker({ locale: [vi, en, base] });
  faker.seed(20260913);
  const questionnaire = currentQuestionnaire();
  const e = schema.engagements;
  const a = schema.assessments;

  const add = (smeId: string, userId: string, level: number, completedAt: number, k: number) => {
    const answers = answersAt(questionnaire, level, questionnaire.pillars[k % questionnaire.pillars.length]!.id, faker);
    const scores = pillarScores(questionnaire, answers);
    const result = dbiResult(questionnaire, scores);
    tx.insert(a)
      .values({
        id: crypto.randomUUID(),
        organisationId: smeId,
        userId,
        questionnaireId: questionnaire.id,
        status: "completed",
        answers: JSON.stringify(answers),
        step: questionnaire.pillars.length - 1,
        pillarScores: JSON.stringify(scores),
        totalScore: result.total,
        level: result.level,
        startedAt: completedAt - 35 * 60_000,
        updatedAt: completedAt,
        completedAt,
      })
      .run();
    return result.level;
  };

  const completed = tx
    .select({ smeId: e.smeId, userId: e.awardedBy, awardedAt: e.awardedAt, completedAt: e.completedAt })
    .from(e)
    .where(eq(e.status, "completed"))
    .orderBy(asc(e.completedAt), asc(e.id))
    .all();

  completed.forEach((row, k) => {
    const completedAt = row.completedAt!;
    const after = tx
      .select({ level: a.level })
      .from(a)
      .where(and(eq(a.organisationId, row.smeId), eq(a.status, "completed"), gt(a.completedAt, completedAt)))
      .orderBy(asc(a.completedAt))
      .get();
    const latestBefore = tx
      .select({ level: a.level })
      .from(a)
      .where(and(eq(a.organisationId, row.smeId), eq(a.status, "completed"), lt(a.completedAt, row.awardedAt)))
      .orderBy(desc(a.completedAt))
      .get();
    const gain = GAINS[k % GAINS.length]!;
    // Where the SME was already assessed since, the level before is that one less the gain.
    const target = after?.level != null ? Math.max(0, after.level - gain) : BEFORE_LEVELS[k % BEFORE_LEVELS.length]!;
    const before =
      latestBefore?.level ?? add(row.smeId, row.userId, target, row.awardedAt - (12 + (k % 20)) * DAY_MS, k);
    if (after || k % 5 === 4) return;
    const at = completedAt + (7 + (k % 15)) * DAY_MS;
    if (at < now) add(row.smeId, row.userId, Math.min(5, before + gain), at, k + 1);
  });
}
