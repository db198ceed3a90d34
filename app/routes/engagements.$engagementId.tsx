import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDate, formatMoney } from "~/lib/format";
import { getEngagementForViewer } from "~/models/engagements.server";
import { requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "engagement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const engagement = getEngagementForViewer(params.engagementId ?? "", user);
  return json({ engagement, notice: new URL(request.url).searchParams.get("notice"), now: Date.now() });
}

export default function Engagement() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { engagement: e, notice, now } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={e.needTitle}
        lead={t("engagement.lead", { date: formatDate(e.awardedAt) })}
        actions={<Badge tone="blue">{t(`engagementStatuses.${e.status}`)}</Badge>}
      />
      {notice === "awarded" ? (
        <Alert tone="success" role="status">
          {t("engagement.awardedNotice")}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <h2 className="text-lg font-semibold">{t("engagement.parties")}</h2>
          <dl className="mt-2 space-y-3">
            <div>
              <dt className="text-sm text-slate-600">{t("engagement.sme")}</dt>
              <dd>{e.smeName}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("engagement.vendor")}</dt>
              <dd>
                <Link to={`/vendors/${e.vendorId}`} className="text-brand-700 underline">
                  {e.vendorName}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("engagement.value")}</dt>
              <dd className="text-lg font-semibold">{formatMoney(e.total, lang)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("engagement.need")}</dt>
              <dd>
                <Link to={`/needs/${e.needId}`} className="text-brand-700 underline">
                  {e.needTitle}
                </Link>
              </dd>
            </div>
          </dl>
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">{t("engagement.milestones")}</h2>
          <ol className="mt-3 space-y-2">
            {e.milestones.map((m, i) => {
              const overdue = m.status === "pending" && m.dueAt < now;
              return (
                <li
                  key={m.id}
                  className="flex flex-col gap-1 rounded-md border border-slate-200 p-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <span className="font-medium">
                    {i + 1}. {m.title}
                  </span>
                  <span className="flex flex-wrap items-center gap-2 text-sm">
                    <span className={overdue ? "font-semibold text-red-700" : "text-slate-700"}>
                      {t(overdue ? "engagement.overdueSince" : "engagement.due", { date: formatDate(m.dueAt) })}
                    </span>
                    <span>{formatMoney(m.amount, lang)}</span>
                    <Badge>{t(`milestoneStatuses.${m.status}`)}</Badge>
                  </span>
                </li>
              );
            })}
          </ol>
        </Card>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
