import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { PillarTable, RadarChart } from "~/components/radar-chart";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { RecommendedLearning } from "~/components/resources/recommended-learning";
import { compareResults } from "~/lib/dbi";
import { formatDate, formatMoney, formatNumber } from "~/lib/format";
import { getAssessmentForOwner, getDraftAssessment, previousAssessment } from "~/models/assessments.server";
import { upcomingEventsFor } from "~/models/events.server";
import { topVendorsForCategories, type CategoryVendor } from "~/models/matching.server";
import { recommendedResources } from "~/models/resources.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "assessment.result.title");

/** How many solution categories each weak pillar's card offers (the file lists them best first). */
const CATEGORIES_PER_PILLAR = 2;

/**
 * The result page's data, one part per section. A section added later (e.g. recommended guides
 * and events) adds its own key here and its own block after the recommendations.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "sme");
  const result = getAssessmentForOwner(params.assessmentId ?? "", user);
  const previous = previousAssessment(result, user.organisationId);
  const recommendations = result.recommendations.map((r) => ({
    ...r,
    categories: r.categories.slice(0, CATEGORIES_PER_PILLAR),
  }));
  return json({
    result: { ...result, recommendations },
    previous: previous
      ? { id: previous.id, completedAt: previous.completedAt, total: previous.total, level: previous.level }
      : null,
    comparison: previous ? compareResults(previous, result) : null,
    hasDraft: getDraftAssessment(user.organisationId) !== null,
    vendorsByCategory: topVendorsForCategories(recommendations.flatMap((r) => r.categories.map((c) => c.category))),
    notice: new URL(request.url).searchParams.get("notice"),
    guides: recommendedResources(
      result.recommendations.map((r) => r.pillar),
      recommendations.flatMap((r) => r.categories.map((c) => c.category)),
    ),
    events: upcomingEventsFor(recommendations.flatMap((r) => r.categories.map((c) => c.category))),
  });
}

export default function AssessmentResult() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { result, previous, comparison, hasDraft, notice, vendorsByCategory, guides, events } =
    useLoaderData<typeof loader>();
  const levelLine = (level: number) => t("assessment.levelLine", { level, name: t(`dbiLevels.${level}`) });
  const previousLevels = comparison?.overlay ? comparison.pillars.map((p) => p.before ?? 0) : null;
  const previousLabel = previous ? t("assessment.chart.previousOn", { date: formatDate(previous.completedAt) }) : "";
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
          <p className="mt-2 text-3xl font-bold text-brand-800">{levelLine(result.level)}</p>
          <p className="mt-1 text-slate-700">{t(`assessment.levelMeaning.${result.level}`)}</p>
          <p className="mt-3 text-sm text-slate-700">
            {t("assessment.result.totalLine", { total: result.total, max: result.max })}
          </p>
          {comparison && previous ? (
            <div className="mt-4 rounded-md border border-brand-200 bg-brand-50 p-3" data-testid="change">
              <h3 className="text-sm font-semibold text-slate-800">
                {t("assessment.result.changeTitle", { date: formatDate(previous.completedAt) })}
              </h3>
              <p className="mt-1 text-xl font-bold text-brand-900">
                {comparison.points !== null
                  ? t("assessment.result.changeLine", {
                      points: `${comparison.points > 0 ? "+" : comparison.points < 0 ? "−" : "±"}${formatNumber(Math.abs(comparison.points), lang)}`,
                      before: comparison.levelBefore,
                      after: comparison.levelAfter,
                    })
                  : t("assessment.result.changeLevels", {
                      before: comparison.levelBefore,
                      after: comparison.levelAfter,
                    })}
              </p>
              {comparison.sameVersion ? null : (
                <p className="mt-1 text-sm text-slate-700">{t("assessment.result.otherVersion")}</p>
              )}
            </div>
          ) : null}
          <div className="mt-4">
            <RadarChart pillars={result.pillars} previous={previousLevels} previousLabel={previousLabel} />
          </div>
        </Card>
        <Card>
          <PillarTable
            pillars={result.pillars}
            previous={comparison ? comparison.pillars.map((p) => p.before) : null}
          />
        </Card>
      </div>
      <section aria-labelledby="recommendations-title" className="space-y-4">
        <div>
          <h2 id="recommendations-title" className="text-xl font-semibold">
            {t("assessment.result.recommendationsTitle")}
          </h2>
          <p className="mt-1 text-slate-700">
            {result.recommendations.length === 0
              ? t("assessment.result.noRecommendations")
              : t("assessment.result.recommendationsLead")}
          </p>
        </div>
        {result.recommendations.map((r) => (
          <Card key={r.pillar}>
            <section aria-labelledby={`rec-${r.pillar}`}>
              <h3 id={`rec-${r.pillar}`} className="text-lg font-semibold">
                {r.title[lang]}
              </h3>
              <p className="text-sm text-slate-600">
                {t("assessment.result.pillarAt", { level: r.level, name: t(`dbiLevels.${r.level}`) })}
              </p>
              <div className="mt-4 space-y-5">
                {r.categories.map((c) => (
                  <article
                    key={c.category}
                    aria-labelledby={`rec-${r.pillar}-${c.category}`}
                    className="border-t border-slate-200 pt-4 first:border-t-0 first:pt-0"
                  >
                    <h4 id={`rec-${r.pillar}-${c.category}`} className="font-semibold text-slate-900">
                      {t(`categories.${c.category}`)}
                    </h4>
                    <p className="mt-0.5 text-sm text-slate-700">{c.why[lang]}</p>
                    <VendorCards category={c.category} vendors={vendorsByCategory[c.category] ?? []} />
                    <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
                      <Link
                        to={`/needs/new?category=${c.category}`}
                        className={buttonClass("secondary")}
                        aria-label={t("assessment.result.postNeedOfAria", { category: t(`categories.${c.category}`) })}
                      >
                        {t("assessment.result.postNeedOf")}
                      </Link>
                      <Link
                        to={`/vendors?category=${c.category}&sort=rating`}
                        className="text-sm font-medium text-brand-800 underline"
                      >
                        {t("assessment.result.allVendors", { category: t(`categories.${c.category}`) })}
                      </Link>
                    </div>
                  </article>
                ))}
              </div>
            </section>
          </Card>
        ))}
      </section>
      <RecommendedLearning guides={guides} events={events} />
      <div className="flex flex-col gap-3 sm:flex-row">
        {hasDraft ? (
          <Link to="/assessment/take" className={buttonClass("primary")}>
            {t("assessment.continue")}
          </Link>
        ) : (
          <Form method="post" action="/assessment">
            <input type="hidden" name="intent" value="start" />
            <Button variant="secondary" className="w-full sm:w-auto">
              {t("assessment.retake")}
            </Button>
          </Form>
        )}
        <Link to="/needs/new" className={buttonClass("primary")}>
          {t("assessment.result.postNeed")}
        </Link>
      </div>
    </div>
  );
}

/** Two or three vetted vendors for a recommended category: rating with count, from-price, vetted by. */
function VendorCards({ category, vendors }: { category: string; vendors: CategoryVendor[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  if (vendors.length === 0) {
    return <p className="mt-2 text-sm text-slate-600">{t("matchmaking.assessment.noVendors")}</p>;
  }
  return (
    <ul
      aria-label={t("matchmaking.assessment.topVendors", { category: t(`categories.${category}`) })}
      className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      {vendors.map((v) => (
        <li key={v.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <Link to={`/vendors/${v.id}`} className="font-medium text-brand-800 underline">
            {v.name}
          </Link>
          <p className="mt-1 text-slate-700">
            {v.ratingAvg !== null && v.ratingCount > 0
              ? t("vendors.rating", { rating: formatNumber(v.ratingAvg / 100, lang, 1), count: v.ratingCount })
              : t("vendors.noReviews")}
          </p>
          {v.priceFrom !== null ? (
            <p className="text-slate-700">{t("vendors.priceFrom", { amount: formatMoney(v.priceFrom, lang) })}</p>
          ) : null}
          {v.vettedBy ? (
            <p className="text-slate-600">
              {t("vendors.badge.vetted", { org: t(`staffOrganisationsShort.${v.vettedBy}`) })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
