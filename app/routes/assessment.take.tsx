import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Button, buttonClass } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field-errors";
import { Card, PageHeader } from "~/components/ui/page";
import { pageProgress, questionPages } from "~/lib/questionnaire";
import { getDraftAssessment, saveAssessmentStep } from "~/models/assessments.server";
import { requireRole } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";
import { title } from "~/utils/meta";
import { ErrorSummary } from "~/components/ui/error-summary";
import { parseAssessmentStep } from "~/utils/assessment-step.server";
import { useServerForm } from "~/utils/server-form";

export const meta: MetaFunction = (args) => title(args, "assessment.take.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  const draft = getDraftAssessment(user.organisationId);
  if (!draft) throw redirect("/assessment");
  const lang = getLang(request);
  const q = draft.questionnaire;
  const pages = questionPages(q);
  // ?step=N is 1-based; a page not reached yet shows the one the SME is on.
  const reached = Math.min(draft.step, pages.length - 1);
  const asked = Number(new URL(request.url).searchParams.get("step")) - 1;
  const step = Number.isInteger(asked) && asked >= 0 && asked <= reached ? asked : reached;
  const page = pages[step]!;
  const pillar = q.pillars[page.pillarIndex]!;
  const group = pillar.groups.find((g) => g.id === page.group)!;
  return json({
    step,
    pageCount: pages.length,
    progress: pageProgress(pages, step),
    questionnaireTitle: q.title[lang],
    pillarIndex: page.pillarIndex,
    pillars: q.pillars.map((p) => p.title[lang]),
    pillar: { id: pillar.id, title: pillar.title[lang], intro: pillar.intro[lang] },
    group: { title: group.title[lang], part: page.part, parts: page.parts },
    criteria: page.criteria.map((c) => ({
      id: c.id,
      question: c.question[lang],
      hint: c.hint?.[lang] ?? null,
      options: c.options.map((o) => ({ points: o.points, label: o.label[lang] })),
    })),
    answers: Object.fromEntries(
      page.criteria.filter((c) => draft.answers[c.id] !== undefined).map((c) => [c.id, String(draft.answers[c.id])]),
    ),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const draft = getDraftAssessment(user.organisationId);
  if (!draft) throw redirect("/assessment");
  const formData = await request.formData();
  const step = Number(formData.get("step"));
  const page = Number.isInteger(step) ? questionPages(draft.questionnaire)[step] : undefined;
  if (!page || step > draft.step) throw new Response("Not found", { status: 404 });
  const submission = parseAssessmentStep(formData, page.criteria);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const answers = Object.fromEntries(page.criteria.map((c) => [c.id, Number(submission.value[c.id])]));
  const outcome = saveAssessmentStep(user, step, answers);
  // Completed from another tab first: the answers stay on screen with the reason.
  if (!outcome.ok) return json(submission.reply({ formErrors: ["errors.stale"] }), { status: 409 });
  if (outcome.kind === "completed") return redirect(`/assessment/${outcome.assessmentId}?notice=completed`);
  return redirect(`/assessment/take?step=${outcome.step + 1}`);
}

export default function TakeAssessment() {
  const { t } = useTranslation();
  const { step, pageCount, progress, pillarIndex, pillars, pillar, group, criteria, answers, questionnaireTitle } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, field } = useServerForm(`assessment-step-${step}`, lastResult, { step: String(step), ...answers });
  const last = step === pageCount - 1;
  const labels = Object.fromEntries(
    criteria.map((c, i) => [c.id, t("assessment.take.questionLabel", { n: progress.first + i, question: c.question })]),
  );
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <p className="text-sm font-semibold text-brand-800">
          {t("assessment.take.pillarLine", { n: pillarIndex + 1, total: pillars.length })}
        </p>
        <PageHeader title={pillar.title} lead={questionnaireTitle} />
      </div>
      <div className="-mt-4">
        <p className="mb-1 text-sm font-medium text-slate-800" id="progress-label">
          {progress.first === progress.last
            ? t("assessment.take.progressOne", { first: progress.first, total: progress.total })
            : t("assessment.take.progress", { first: progress.first, last: progress.last, total: progress.total })}
          {" · "}
          {t("assessment.take.minutesLeft", { count: progress.minutesLeft })}
        </p>
        <progress
          aria-labelledby="progress-label"
          value={progress.first - 1}
          max={progress.total}
          className="h-2 w-full overflow-hidden rounded bg-slate-200 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700"
        />
        <ol className="mt-2 hidden flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 sm:flex">
          {pillars.map((name, i) => (
            <li
              key={name}
              aria-current={i === pillarIndex ? "step" : undefined}
              className={i === pillarIndex ? "font-semibold text-brand-800" : i < pillarIndex ? "text-slate-700" : ""}
            >
              {i < pillarIndex ? "✓ " : `${i + 1}. `}
              {name}
            </li>
          ))}
        </ol>
      </div>
      <Form method="post" {...form.props} className="space-y-4">
        <ErrorSummary form={form} labels={labels} />
        <div>
          <h2 className="text-lg font-semibold text-slate-900">
            {group.title}
            {group.parts > 1 ? (
              <span className="ml-2 text-sm font-normal text-slate-600">
                {t("assessment.take.part", { part: group.part, parts: group.parts })}
              </span>
            ) : null}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{pillar.intro}</p>
        </div>
        <input type="hidden" name="step" value={step} />
        {criteria.map((c, index) => {
          const meta = field(c.id);
          const chosen = meta.defaultValue;
          return (
            <Card key={c.id} className={meta.errors ? "border-l-4 border-l-red-600" : ""}>
              <fieldset
                aria-describedby={meta.errors ? meta.errorId : undefined}
                aria-invalid={meta.errors ? true : undefined}
              >
                <legend className="font-semibold text-slate-900">
                  <span className="text-slate-600">{progress.first + index}. </span>
                  {c.question}
                </legend>
                {c.hint ? <p className="mt-1 text-sm text-slate-600">{c.hint}</p> : null}
                <FieldErrors id={meta.errorId} errors={meta.errors} />
                <div className="mt-3 space-y-2">
                  {c.options.map((o, i) => {
                    // The first radio carries the question's id: the error summary links to it.
                    const id = i === 0 ? `${form.id}-${c.id}` : `${form.id}-${c.id}-${o.points}`;
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
