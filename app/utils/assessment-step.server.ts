/**
 * One page of the assessment, read on the server only: every question on it answered with one of
 * its options. The page's JavaScript then carries neither zod nor Conform's browser half (~24 KB
 * gzipped; ADR 015) — the SME takes the assessment on a phone, and a question left unanswered is
 * shown next to it after the server's answer, as without JavaScript.
 */
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";

type StepCriterion = { id: string; options: { points: number }[] };

function stepSchema(criteria: StepCriterion[]) {
  const shape: Record<string, z.ZodTypeAny> = { step: z.coerce.number().int().min(0) };
  for (const c of criteria) {
    const values = c.options.map((o) => String(o.points)) as [string, ...string[]];
    shape[c.id] = z.enum(values, { errorMap: () => ({ message: "errors.choose" }) });
  }
  return z.object(shape);
}

export const parseAssessmentStep = (formData: FormData, criteria: StepCriterion[]) =>
  parseWithZod(formData, { schema: stepSchema(criteria) });
