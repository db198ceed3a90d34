import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PillarTable, RadarChart } from "~/components/radar-chart";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDate } from "~/lib/format";
import { TOTAL_MAX } from "~/lib/dbi";
import { getAssessmentForOwner, getDraftAssessment } from "~/models/assessments.server";
import { topVendorsForCategories } from "~/models/matching.server";
import { RecommendedLearning } from "~/components/resources/recommended-learning";
import { upcomingEventsFor } from "~/models/events.server";
import { recommendedResources } from "~/models/resources.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "assessment.result.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  const result = getAssessmentForOwner(params.assessmentId ?? "", user);
  return json({
    result,
    hasDraft: getDraftAssessment(user.organisationId) !== null,
    vendorsByCategory: topVendorsForCategories(result.recommendations.flatMap((r) => r.categories)),
    notice: new URL(request.url).searchParams.get("notice"),
    guides: recommendedResources(
      result.recommendations.map((r) => r.pillar),
      result.recommendations.flatMap((r) => r.categories),
    ),
    events: upcomingEventsFor(result.recommendations.flatMap((r) => r.categories)),
  });
}

export default function AssessmentResult() {
  const { t } = useTranslation();
  const { result, hasDraft, notice } = useLoaderData<typeof loader>();
  const { vendorsByCategory } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to="/assessment" className="text-sm font-medium text-brand-700 underline">
          ← {t("assessment.title")}
        </Link>
      </p>
      <PageHeader
        title={t("assessment.result.title")}
        lead={t("assessment.result.takenOn", { date: formatDate(result.completedAt) })}
      />
      {notice === "completed" ? (
        <Alert tone="success" role="status">
          {t("assessment.result.completed")}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            {t("assessment.result.overall")}
          </h2>
          <p className="mt-2 text-3xl font-bold text-brand-800">
            {t("assessment.levelLine", { level: result.level, name: t(`dbiLevels.${result.level}`) })}
          </p>
          <p className="mt-1 text-slate-700">{t(`assessment.levelMeaning.${result.level}`)}</p>
          <p className="mt-3 text-sm text-slate-700">
            {t("assessment.result.totalLine", { total: result.total, max: TOTAL_MAX })}
          </p>
          <div className="mt-4">
            <RadarChart pillars={result.pillars} />
          </div>
        </Card>
        <Card>
          <PillarTable pillars={result.pillars} />
        </Card>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">{t("assessment.result.recommendationsTitle")}</h2>
        {result.recommendations.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("assessment.result.noRecommendations")}</p>
        ) : (
          <>
            <p className="mt-1 text-slate-700">{t("assessment.result.recommendationsLead")}</p>
            <div className="mt-4 grid gap-4 sm:grid-cols-2">
              {result.recommendations.map((r) => (
                <section
                  key={r.pillar}
                  aria-labelledby={`rec-${r.pillar}`}
                  className="rounded-md border border-slate-200 p-4"
                >
                  <h3 id={`rec-${r.pillar}`} className="font-semibold">
                    {t(`dbiPillars.name.${r.pillar}`)}
                  </h3>
                  <p className="text-sm text-slate-600">
                    {t("assessment.result.pillarAt", { level: r.level, name: t(`dbiLevels.${r.level}`) })}
                  </p>
                  <ul className="mt-2 space-y-2">
                    {r.categories.map((c) => (
                      <li key={c}>
                        <Link to={`/vendors?category=${c}&sort=rating`} className="text-brand-800 underline">
                          {t(`categories.${c}`)}
                        </Link>
                        <TopVendors category={c} vendors={vendorsByCategory[c] ?? []} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </>
        )}
      </Card>
      <RecommendedLearning
        guides={useLoaderData<typeof loader>().guides}
        events={useLoaderData<typeof loader>().events}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        {hasDraft ? (
          <Link to="/assessment/take" className={buttonClass("primary")}>
            {t("assessment.continue")}
          </Link>
        ) : (
          <Form method="post" action="/assessment">
            <input type="hidden" name="intent" value="start" />
            <Button variant="secondary">{t("assessment.retake")}</Button>
          </Form>
        )}
        <Link to="/needs/new" className={buttonClass("primary")}>
          {t("assessment.result.postNeed")}
        </Link>
      </div>
    </div>
  );
}

/** The best-placed vetted vendors for a recommended category (quality, availability and risk). */
function TopVendors({ category, vendors }: { category: string; vendors: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  if (vendors.length === 0) {
    return <p className="ml-4 text-sm text-slate-600">{t("matchmaking.assessment.noVendors")}</p>;
  }
  return (
    <ul
      aria-label={t("matchmaking.assessment.topVendors", { category: t(`categories.${category}`) })}
      className="ml-4 mt-1 list-disc space-y-0.5 pl-4 text-sm"
    >
      {vendors.map((v) => (
        <li key={v.id}>
          <Link to={`/vendors/${v.id}`} className="text-slate-800 underline">
            {v.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
