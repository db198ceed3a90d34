import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Button, buttonClass } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { getDraftAssessment, saveAssessmentStep } from "~/models/assessments.server";
import { requireRole } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { title } from "~/utils/meta";
import { ErrorSummary } from "~/components/ui/error-summary";

type StepCriterion = { id: string; options: { points: number }[] };

/** One step's form: every question of the pillar answered with one of its options. */
function stepSchema(criteria: StepCriterion[]) {
  const shape: Record<string, z.ZodTypeAny> = { step: z.coerce.number().int().min(0) };
  for (const c of criteria) {
    const values = c.options.map((o) => String(o.points)) as [string, ...string[]];
    shape[c.id] = z.enum(values, { errorMap: () => ({ message: "errors.choose" }) });
  }
  return z.object(shape);
}

export const meta: MetaFunction = (args) => title(args, "assessment.take.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  const draft = getDraftAssessment(user.organisationId);
  if (!draft) throw redirect("/assessment");
  const lang = getLang(request);
  // ?step=N is 1-based; a step not reached yet shows the one the SME is on.
  const asked = Number(new URL(request.url).searchParams.get("step")) - 1;
  const step = Number.isInteger(asked) && asked >= 0 && asked <= draft.step ? asked : draft.step;
  const q = draft.questionnaire;
  const pillar = q.pillars[step]!;
  return json({
    step,
    reached: draft.step,
    questionnaireTitle: q.title[lang],
    steps: q.pillars.map((p) => p.title[lang]),
    pillar: {
      id: pillar.id,
      title: pillar.title[lang],
      intro: pillar.intro[lang],
      criteria: pillar.criteria.map((c) => ({
        id: c.id,
        question: c.question[lang],
        hint: c.hint?.[lang] ?? null,
        options: c.options.map((o) => ({ points: o.points, label: o.label[lang] })),
      })),
    },
    answers: Object.fromEntries(
      pillar.criteria.filter((c) => draft.answers[c.id] !== undefined).map((c) => [c.id, String(draft.answers[c.id])]),
    ),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const draft = getDraftAssessment(user.organisationId);
  if (!draft) throw redirect("/assessment");
  const formData = await request.formData();
  const step = Number(formData.get("step"));
  const pillar = Number.isInteger(step) ? draft.questionnaire.pillars[step] : undefined;
  if (!pillar || step > draft.step) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(formData, { schema: stepSchema(pillar.criteria) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const answers = Object.fromEntries(pillar.criteria.map((c) => [c.id, Number(submission.value[c.id])]));
  const outcome = saveAssessmentStep(user, step, answers);
  // Completed from another tab first: the answers stay on screen with the reason.
  if (!outcome.ok) return json(submission.reply({ formErrors: ["errors.stale"] }), { status: 409 });
  if (outcome.kind === "completed") return redirect(`/assessment/${outcome.assessmentId}?notice=completed`);
  return redirect(`/assessment/take?step=${outcome.step + 1}`);
}

export default function TakeAssessment() {
  const { t } = useTranslation();
  const { step, steps, pillar, answers, questionnaireTitle } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = useMemo(() => stepSchema(pillar.criteria), [pillar.criteria]);
  const [form, fields] = useForm({
    id: `assessment-step-${step}`,
    lastResult,
    defaultValue: { step: String(step), ...answers },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const last = step === steps.length - 1;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={pillar.title} lead={questionnaireTitle} />
      <div>
        <p className="mb-1 text-sm font-medium text-slate-800" id="progress-label">
          {t("assessment.take.progress", { step: step + 1, count: steps.length })}
        </p>
        <progress
          aria-labelledby="progress-label"
          value={step + 1}
          max={steps.length}
          className="h-2 w-full overflow-hidden rounded bg-slate-200 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700"
        />
        <ol className="mt-2 hidden gap-2 text-xs text-slate-600 sm:flex">
          {steps.map((name, i) => (
            <li
              key={name}
              aria-current={i === step ? "step" : undefined}
              className={i === step ? "font-semibold text-brand-800" : ""}
            >
              {i + 1}. {name}
            </li>
          ))}
        </ol>
      </div>
      <p className="text-slate-700">{pillar.intro}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <ErrorSummary form={form} />
        <input type="hidden" name="step" value={step} />
        {pillar.criteria.map((c, index) => {
          const meta = fields[c.id]!;
          const chosen =
            typeof meta.value === "string"
              ? meta.value
              : typeof meta.initialValue === "string"
                ? meta.initialValue
                : undefined;
          return (
            <Card key={c.id}>
              <fieldset aria-describedby={meta.errors ? meta.errorId : undefined}>
                <legend className="font-semibold text-slate-900">
                  <span className="text-slate-600">{index + 1}. </span>
                  {c.question}
                </legend>
                {c.hint ? <p className="mt-1 text-sm text-slate-600">{c.hint}</p> : null}
                <div className="mt-3 space-y-2">
                  {c.options.map((o) => {
                    const id = `${c.id}-${o.points}`;
                    return (
                      <div
                        key={o.points}
                        className="flex items-start gap-3 rounded-md border border-slate-200 px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                      >
                        <input
                          id={id}
                          type="radio"
                          name={meta.name}
                          value={String(o.points)}
                          defaultChecked={chosen === String(o.points)}
                          required
                          className="mt-0.5 h-5 w-5 shrink-0"
                        />
                        <label htmlFor={id} className="flex-1 text-sm">
                          {o.label}
                        </label>
                      </div>
                    );
                  })}
                </div>
                <FieldErrors id={meta.errorId} errors={meta.errors} />
              </fieldset>
            </Card>
          );
        })}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
          {step > 0 ? (
            <Link to={`/assessment/take?step=${step}`} className={buttonClass("secondary")}>
              {t("assessment.take.previous")}
            </Link>
          ) : (
            <Link to="/assessment" className={buttonClass("ghost")}>
              {t("assessment.take.later")}
            </Link>
          )}
          <Button disabled={navigation.state === "submitting"}>
            {last ? t("assessment.take.finish") : t("assessment.take.next")}
          </Button>
        </div>
        <p className="text-sm text-slate-600">{t("assessment.take.savedNote")}</p>
      </Form>
    </div>
  );
}
