import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { FilterSelect } from "~/components/ui/filter-select";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { ENGAGEMENT_STATUS_FILTERS, HEALTH_FILTERS, parseStaffEngagementFilters } from "~/lib/flag-options";
import { formatDate, formatMoney } from "~/lib/format";
import { SECTORS } from "~/lib/reference";
import { listEngagementsForStaff } from "~/models/engagements.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "staffEngagements.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const url = new URL(request.url);
  const filters = parseStaffEngagementFilters(url.searchParams);
  const page = pageParam(url);
  return json({ filters, page, ...listEngagementsForStaff(filters, page) });
}

const TONE = { red: "red", amber: "amber", green: "green" } as const;

export default function StaffEngagements() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { filters, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={t("staffEngagements.title")} lead={t("staffEngagements.lead")} />
      <Form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <FilterSelect
          name="health"
          label={t("staffEngagements.health")}
          value={filters.health ?? ""}
          emptyLabel={t("flags.filters.all")}
          options={HEALTH_FILTERS.map((h) => ({ value: String(h), label: t(`health.${h}`) }))}
        />
        <FilterSelect
          name="status"
          label={t("flags.filters.status")}
          value={filters.status ?? ""}
          emptyLabel={t("flags.filters.all")}
          options={ENGAGEMENT_STATUS_FILTERS.map((s) => ({ value: String(s), label: t(`engagementStatuses.${s}`) }))}
        />
        <FilterSelect
          name="sector"
          label={t("flags.filters.sector")}
          value={filters.sector ?? ""}
          emptyLabel={t("flags.filters.all")}
          options={SECTORS.map((s) => ({ value: String(s), label: t(`sectors.${s}`) }))}
        />
        {filters.vendorId ? <input type="hidden" name="vendor" value={filters.vendorId} /> : null}
        <div className="flex items-end">
          <Button variant="secondary">{t("flags.filters.apply")}</Button>
        </div>
      </Form>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("staffEngagements.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("staffEngagements.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((e) => (
            <li key={e.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <Link to={`/engagements/${e.id}`} className="font-semibold text-brand-800 underline">
                  {e.needTitle}
                </Link>
                <p className="text-sm text-slate-700">
                  {e.smeName} ↔ {e.vendorName}
                </p>
                <p className="text-xs text-slate-600">
                  {t(`sectors.${e.sector}`)} · {formatMoney(e.total, lang)} · {formatDate(e.awardedAt)}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Badge tone={TONE[e.health]}>{t(`health.${e.health}`)}</Badge>
                <Badge>{t(`engagementStatuses.${e.status}`)}</Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
