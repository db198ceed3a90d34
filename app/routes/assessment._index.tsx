import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDate } from "~/lib/format";
import {
  getDraftAssessment,
  latestAssessment,
  listCompletedAssessments,
  startAssessment,
} from "~/models/assessments.server";
import { criteriaCount, estimatedMinutes } from "~/lib/questionnaire";
import { currentQuestionnaire } from "~/models/questionnaires.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { parseStartAssessment } from "~/utils/button-forms.server";

export const meta: MetaFunction = (args) => title(args, "assessment.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  const page = pageParam(new URL(request.url));
  const draft = getDraftAssessment(user.organisationId);
  const latest = latestAssessment(user.organisationId);
  // What the SME is about to answer: the draft's version, or the one a new assessment uses.
  const questionnaire = draft?.questionnaire ?? currentQuestionnaire();
  const questions = criteriaCount(questionnaire);
  const answered = draft
    ? questionnaire.pillars.flatMap((p) => p.criteria).filter((c) => c.id in draft.answers).length
    : 0;
  return json({
    facts: {
      questions,
      pillars: questionnaire.pillars.length,
      minutes: estimatedMinutes(questions),
      minutesLeft: estimatedMinutes(questions - answered),
    },
    draft: draft ? { answered } : null,
    latest: latest
      ? { id: latest.id, level: latest.level, total: latest.total, max: latest.max, completedAt: latest.completedAt }
      : null,
    page,
    history: listCompletedAssessments(user.organisationId, page),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const submission = parseStartAssessment(await request.formData());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  startAssessment(user);
  return redirect("/assessment/take");
}

export default function Assessment() {
  const { t } = useTranslation();
  const { draft, facts, latest, history, page } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("assessment.title")}
        lead={t("assessment.lead", { questions: facts.questions, pillars: facts.pillars, minutes: facts.minutes })}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          {draft ? (
            <>
              <h2 className="text-lg font-semibold">{t("assessment.draftTitle")}</h2>
              <p className="mt-1 text-slate-700">
                {t("assessment.draftBody", {
                  answered: draft.answered,
                  total: facts.questions,
                  minutes: facts.minutesLeft,
                })}
              </p>
              <Link to="/assessment/take" className={buttonClass("primary", "mt-4")}>
                {t("assessment.continue")}
              </Link>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold">
                {latest ? t("assessment.retakeTitle") : t("assessment.startTitle")}
              </h2>
              <p className="mt-1 text-slate-700">{latest ? t("assessment.retakeBody") : t("assessment.startBody")}</p>
              <Form method="post" className="mt-4">
                <input type="hidden" name="intent" value="start" />
                <Button>{latest ? t("assessment.retake") : t("assessment.start")}</Button>
              </Form>
            </>
          )}
        </Card>
        {latest ? (
          <Card>
            <h2 className="text-lg font-semibold">{t("assessment.latestTitle")}</h2>
            <p className="mt-2 text-3xl font-bold text-brand-800">
              {t("assessment.levelLine", { level: latest.level, name: t(`dbiLevels.${latest.level}`) })}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {t("assessment.scoreLine", {
                total: latest.total,
                max: latest.max,
                date: formatDate(latest.completedAt),
              })}
            </p>
            <Link to={`/assessment/${latest.id}`} className={buttonClass("secondary", "mt-4")}>
              {t("assessment.seeResult")}
            </Link>
          </Card>
        ) : null}
      </div>
      <Card>
        <h2 className="text-lg font-semibold">{t("assessment.historyTitle")}</h2>
        {history.rows.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("assessment.historyEmpty")}</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-2">
                  {t("assessment.historyDate")}
                </th>
                <th scope="col" className="py-2 pr-2">
                  {t("assessment.result.level")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("assessment.result.points")}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100">
                  <td className="py-2 pr-2">
                    <Link to={`/assessment/${row.id}`} className="text-brand-800 underline">
                      {formatDate(row.completedAt)}
                    </Link>
                  </td>
                  <td className="py-2 pr-2">
                    {row.level} · {t(`dbiLevels.${row.level}`)}
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {row.totalScore}/{row.max}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={page} pageCount={history.pageCount} />
      </Card>
    </div>
  );
}
