import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/page";
import { PackageList } from "~/components/vendor/package-list";
import { VettedBadge } from "~/components/vendor/vetted-badge";
import { formatDate, formatNumber } from "~/lib/format";
import { vendorReviews } from "~/models/reviews.server";
import { trackRecords } from "~/models/engagements.server";
import { getPublicProfile } from "~/models/directory.server";
import { getUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.vendor.legalName} · Kết Nối Số` : "Kết Nối Số" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getUser(request);
  const { dossier, vetted } = getPublicProfile(params.vendorId ?? "", viewer);
  const record = trackRecords([dossier.id]).get(dossier.id)!;
  // Only what the public may read: no tax code, references or personal contacts.
  return json({
    vetted,
    status: dossier.effectiveStatus,
    record,
    reviews: vendorReviews(dossier.id),
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
      ratingAvg: dossier.ratingAvg,
      ratingCount: dossier.ratingCount,
    },
  });
}

export default function VendorProfile() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { vendor, vetted, status, record, reviews } = useLoaderData<typeof loader>();
  const facts = [
    vendor.yearFounded ? [t("vendors.profile.founded"), String(vendor.yearFounded)] : null,
    vendor.teamSize ? [t("vendors.profile.team"), t("vendors.profile.people", { count: vendor.teamSize })] : null,
    vendor.ward || vendor.city
      ? [t("vendors.profile.location"), [vendor.ward, vendor.city].filter(Boolean).join(", ")]
      : null,
  ].filter((f): f is string[] => f !== null);
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
      <header className="space-y-3">
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
              className="font-medium text-brand-700 underline"
            >
              {vendor.website}
            </a>
          </p>
        ) : null}
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="packages">
            <h2 id="packages" className="mb-3 text-xl font-semibold">
              {t("vendors.profile.packages")}
            </h2>
            <PackageList packages={vendor.packages} />
          </section>
          <section aria-labelledby="reviews">
            <h2 id="reviews" className="mb-3 text-xl font-semibold">
              {t("vendors.profile.reviews")}
            </h2>
            <Card>
              <dl className="grid gap-3 sm:grid-cols-3">
                <div>
                  <dt className="text-sm text-slate-600">{t("vendors.profile.average")}</dt>
                  <dd className="text-lg font-semibold">
                    {vendor.ratingAvg !== null
                      ? t("vendors.rating", {
                          rating: formatNumber(vendor.ratingAvg / 100, lang, 1),
                          count: vendor.ratingCount,
                        })
                      : t("vendors.noReviews")}
                  </dd>
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
              </dl>
              {reviews.length === 0 ? (
                <p className="mt-3 text-slate-700">{t("vendors.profile.noReviews")}</p>
              ) : (
                <ul className="mt-4 space-y-3">
                  {reviews.map((r) => (
                    <li key={r.id} className="rounded-md border border-slate-200 p-3">
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
              )}
            </Card>
          </section>
        </div>
        <aside className="space-y-4">
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
