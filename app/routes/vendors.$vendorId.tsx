import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/form-errors";
import { Card } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { CaseStudyList } from "~/components/vendor/case-study-list";
import { PackageList } from "~/components/vendor/package-list";
import { VendorLogo } from "~/components/vendor/vendor-logo";
import { VettedBadge } from "~/components/vendor/vetted-badge";
import { formatDate, formatNumber } from "~/lib/format";
import { inviteVendor } from "~/models/invitations.server";
import { getVendorProfile, openNeedsToInvite, RECOMMEND_FROM } from "~/models/vendor-profile.server";
import { getUser, requireRole } from "~/utils/auth.server";
import { parseInvite } from "~/utils/invite-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.vendor.legalName} · Kết Nối Số` : "Kết Nối Số" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const url = new URL(request.url);
  const profile = getVendorProfile(params.vendorId ?? "", viewer, pageParam(url));
  const { dossier } = profile;
  // Only what the public may read: no tax code, references or personal contacts.
  return json({
    vetted: profile.vetted,
    status: dossier.effectiveStatus,
    record: profile.record,
    rating: profile.rating,
    outcome: profile.outcome,
    reviews: profile.reviews,
    caseStudies: profile.caseStudies,
    logoUrl: profile.logoUrl,
    recommendFrom: RECOMMEND_FROM,
    // A signed-in SME may invite the vendor to one of its open needs (a vetted vendor only).
    invite:
      viewer?.role === "sme" && profile.vetted
        ? { needs: openNeedsToInvite(viewer, dossier.id), category: dossier.categories[0] ?? null }
        : null,
    notice: url.searchParams.get("notice"),
    vendor: {
      id: dossier.id,
      legalName: dossier.legalName,
      description: dossier.description,
      yearFounded: dossier.yearFounded,
      teamSize: dossier.teamSize,
      website: dossier.website,
      ward: dossier.ward,
      city: dossier.city,
      categories: dossier.categories,
      sectors: dossier.sectors,
      certifications: dossier.certifications,
      packages: dossier.packages.map(({ id, name, category, priceFrom, priceTo, unit, included }) => ({
        id,
        name,
        category,
        priceFrom,
        priceTo,
        unit,
        included,
      })),
      vettedAt: dossier.vettedAt,
      vettedBy: dossier.vettedBy,
      vettingExpiresAt: dossier.vettingExpiresAt,
    },
  });
}

/** A signed-in SME invites the vendor to bid on one of its open needs: the matches page's invitation. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const vendorId = params.vendorId ?? "";
  const submission = parseInvite(await request.formData());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await inviteVendor(user, submission.value.needId, vendorId);
  if (!result.ok) {
    const message = result.error === "stale" ? "errors.stale" : result.error;
    return json(submission.reply({ formErrors: [message] }), { status: 409 });
  }
  return redirect(`/vendors/${vendorId}?notice=${result.created ? "invited" : "alreadyInvited"}#invite`);
}

function average(value: number, lang: "vi" | "en") {
  return formatNumber(value, lang, 1);
}

export default function VendorProfile() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const {
    vendor,
    vetted,
    status,
    record,
    reviews,
    rating,
    outcome,
    caseStudies,
    logoUrl,
    invite,
    notice,
    recommendFrom,
  } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const inviteErrors = Object.values(lastResult?.error ?? {}).flatMap((m) => m ?? []);
  const facts = [
    vendor.yearFounded ? [t("vendors.profile.founded"), String(vendor.yearFounded)] : null,
    vendor.teamSize ? [t("vendors.profile.team"), t("vendors.profile.people", { count: vendor.teamSize })] : null,
    vendor.ward || vendor.city
      ? [t("vendors.profile.location"), [vendor.ward, vendor.city].filter(Boolean).join(", ")]
      : null,
  ].filter((f): f is string[] => f !== null);
  const postNeed = `/needs/new${invite?.category ? `?category=${invite.category}` : ""}`;
  const openNeeds = invite?.needs.filter((n) => !n.invited) ?? [];
  return (
    <div className="space-y-6">
      <p>
        <Link to="/vendors" className="text-sm font-medium text-brand-700 underline">
          ← {t("vendors.profile.back")}
        </Link>
      </p>
      {vetted ? null : (
        <Alert tone="warning" role="status">
          {t("vendors.profile.notListed", { status: t(`vendorStatuses.${status}`) })}
        </Alert>
      )}
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <VendorLogo name={vendor.legalName} logoUrl={logoUrl} size="lg" />
        <div className="min-w-0 space-y-3">
          <h1 className="text-2xl font-bold sm:text-3xl">{vendor.legalName}</h1>
          {vetted ? (
            <VettedBadge
              vettedBy={vendor.vettedBy}
              vettedAt={vendor.vettedAt}
              vettingExpiresAt={vendor.vettingExpiresAt}
            />
          ) : null}
          <p className="max-w-3xl whitespace-pre-line text-slate-800">{vendor.description}</p>
          {vendor.website ? (
            <p>
              <a
                href={vendor.website}
                rel="noopener noreferrer nofollow"
                className="break-all font-medium text-brand-700 underline"
              >
                {vendor.website}
              </a>
            </p>
          ) : null}
        </div>
      </header>

      {invite ? (
        <section
          id="invite"
          aria-labelledby="invite-title"
          className="rounded-lg border border-brand-200 bg-brand-50 p-4"
        >
          <h2 id="invite-title" className="text-lg font-semibold">
            {t("vendorProfile.invite.title")}
          </h2>
          {notice === "invited" || notice === "alreadyInvited" ? (
            <div className="mt-2">
              <Alert tone="success" role="status">
                {t(`vendorProfile.invite.${notice}`)}
              </Alert>
            </div>
          ) : null}
          {openNeeds.length ? (
            <Form method="post" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
              <FormErrors id="invite-errors" errors={inviteErrors} />
              <div className="min-w-0 flex-1">
                <label htmlFor="invite-need" className="mb-1 block text-sm font-medium text-slate-800">
                  {t("vendorProfile.invite.need")}
                </label>
                <select
                  id="invite-need"
                  name="needId"
                  required
                  className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
                >
                  {openNeeds.map((n) => (
                    <option key={n.id} value={n.id}>
                      {t("vendorProfile.invite.option", { title: n.title, date: formatDate(n.deadline) })}
                    </option>
                  ))}
                </select>
              </div>
              <Button>{t("vendorProfile.invite.submit")}</Button>
            </Form>
          ) : (
            <div className="mt-2 space-y-2">
              <p className="text-sm text-slate-800">
                {invite.needs.length ? t("vendorProfile.invite.allInvited") : t("vendorProfile.invite.noNeeds")}
              </p>
              <Link
                to={postNeed}
                className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
              >
                {t("vendorProfile.invite.postNeed")}
              </Link>
            </div>
          )}
          {invite.needs.some((n) => n.invited) ? (
            <p className="mt-2 text-sm text-slate-700">
              {t("vendorProfile.invite.already", {
                needs: invite.needs
                  .filter((n) => n.invited)
                  .map((n) => n.title)
                  .join(", "),
              })}
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <section aria-labelledby="track">
            <h2 id="track" className="mb-3 text-xl font-semibold">
              {t("vendorProfile.track")}
            </h2>
            <Card>
              <dl className="grid gap-4 sm:grid-cols-2">
                <div>
                  <dt className="text-sm text-slate-600">{t("vendors.profile.average")}</dt>
                  <dd className="text-lg font-semibold">
                    {rating
                      ? t("vendors.rating", {
                          rating: formatNumber(
                            (rating.quality + rating.schedule + rating.value + rating.communication) / 4,
                            lang,
                            1,
                          ),
                          count: rating.count,
                        })
                      : t("vendors.noReviews")}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">{t("vendorProfile.recommend")}</dt>
                  <dd className="text-lg font-semibold">
                    {rating ? t("vendorProfile.recommendShare", { percent: rating.recommendPercent }) : "—"}
                  </dd>
                  {rating ? (
                    <dd className="text-xs text-slate-600">
                      {t("vendorProfile.recommendHint", { from: recommendFrom })}
                    </dd>
                  ) : null}
                </div>
                <div>
                  <dt className="text-sm text-slate-600">{t("vendors.profile.completed")}</dt>
                  <dd className="text-lg font-semibold">{record.completed}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">{t("vendors.profile.onTime")}</dt>
                  <dd className="text-lg font-semibold">
                    {record.due > 0
                      ? t("vendors.profile.onTimeRate", {
                          percent: Math.round((100 * record.onTime) / record.due),
                          due: record.due,
                        })
                      : "—"}
                  </dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-sm text-slate-600">{t("vendorProfile.outcome")}</dt>
                  <dd className="font-semibold">
                    {outcome.shown
                      ? t("vendorProfile.outcomeValue", {
                          change: `${outcome.change > 0 ? "+" : ""}${formatNumber(outcome.change, lang, 1)}`,
                          count: outcome.engagements,
                        })
                      : t("vendorProfile.outcomeTooFew", { minimum: outcome.minimum })}
                  </dd>
                </div>
              </dl>
              {rating ? (
                <table className="mt-4 w-full text-left text-sm">
                  <caption className="mb-1 text-left font-semibold">{t("vendorProfile.breakdown")}</caption>
                  <tbody>
                    {(["quality", "schedule", "value", "communication"] as const).map((d) => (
                      <tr key={d} className="border-t border-slate-200">
                        <th scope="row" className="py-1.5 font-normal text-slate-700">
                          {t(`vendorProfile.dimensions.${d}`)}
                        </th>
                        <td className="py-1.5">
                          <span className="flex items-center gap-2">
                            <span aria-hidden="true" className="block h-2 w-24 overflow-hidden rounded bg-slate-200">
                              <span className="block h-2 bg-brand-700" style={{ width: `${(rating[d] / 5) * 100}%` }} />
                            </span>
                            {t("vendorProfile.outOfFive", { value: average(rating[d], lang) })}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </Card>
          </section>
          <section aria-labelledby="packages">
            <h2 id="packages" className="mb-3 text-xl font-semibold">
              {t("vendors.profile.packages")}
            </h2>
            <PackageList packages={vendor.packages} />
          </section>
          <section aria-labelledby="case-studies">
            <h2 id="case-studies" className="mb-3 text-xl font-semibold">
              {t("caseStudies.title")}
            </h2>
            <CaseStudyList caseStudies={caseStudies} />
          </section>
          <section aria-labelledby="reviews">
            <h2 id="reviews" className="mb-3 text-xl font-semibold">
              {t("vendors.profile.reviews")}
            </h2>
            {reviews.total === 0 ? (
              <p className="text-slate-700">{t("vendors.profile.noReviews")}</p>
            ) : (
              <>
                <ul className="space-y-3">
                  {reviews.rows.map((r) => (
                    <li key={r.id} className="rounded-md border border-slate-200 bg-white p-3">
                      <p className="text-sm font-medium">
                        {t("vendors.profile.reviewBy", { sme: r.smeName, need: r.needTitle })} ·{" "}
                        {formatDate(r.createdAt)}
                      </p>
                      <p className="text-sm text-slate-700">
                        {t("vendors.profile.scores", {
                          quality: r.quality,
                          schedule: r.schedule,
                          value: r.value,
                          communication: r.communication,
                          recommend: r.recommend,
                        })}
                      </p>
                      <p className="mt-1 whitespace-pre-line">{r.comment}</p>
                      {r.reply ? (
                        <p className="mt-2 rounded bg-slate-50 p-2 text-sm">
                          <span className="font-medium">{t("delivery.review.reply")}:</span> {r.reply}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <Pagination page={reviews.page} pageCount={reviews.pageCount} />
              </>
            )}
          </section>
        </div>
        <aside className="min-w-0 space-y-4">
          <Card>
            <dl className="space-y-3">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-sm text-slate-600">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
              <div>
                <dt className="text-sm text-slate-600">{t("vendors.categories")}</dt>
                <dd>{vendor.categories.map((c) => t(`categories.${c}`)).join(", ")}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t("vendors.profile.sectors")}</dt>
                <dd>{vendor.sectors.map((s) => t(`sectors.${s}`)).join(", ")}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t("vendors.profile.certifications")}</dt>
                <dd>
                  {vendor.certifications.length
                    ? vendor.certifications.join(", ")
                    : t("vendors.profile.noCertifications")}
                </dd>
              </div>
            </dl>
          </Card>
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
