import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { FilterSelect } from "~/components/ui/filter-select";
import { FlagText, SeverityBadge } from "~/components/flag-text";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { FLAG_STATUS_FILTERS, parseFlagFilters, RULE_CODES, SEVERITIES } from "~/lib/flag-options";
import { formatDate } from "~/lib/format";
import { SECTORS } from "~/lib/reference";
import { listFlags } from "~/models/flag-queue.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "flags.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  const url = new URL(request.url);
  const filters = parseFlagFilters(url.searchParams);
  const page = pageParam(url);
  return json({ filters, page, ...listFlags(filters, user.id, page) });
}

export default function Flags() {
  const { t } = useTranslation();
  const { filters, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={t("flags.title")} lead={t("flags.lead")} />
      <Form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
      >
        <FilterSelect
          name="severity"
          label={t("flags.filters.severity")}
          value={filters.severity ?? ""}
          emptyLabel={t("flags.filters.all")}
          options={SEVERITIES.map((s) => ({ value: String(s), label: t(`flags.severities.${s}`) }))}
        />
        <FilterSelect
          name="code"
          label={t("flags.filters.rule")}
          value={filters.code ?? ""}
          emptyLabel={t("flags.filters.all")}
          options={RULE_CODES.map((c) => ({ value: String(c), label: t(`flags.rules.${c}.title`) }))}
          className="lg:col-span-2"
        />
        <FilterSelect
          name="status"
          label={t("flags.filters.status")}
          value={filters.status}
          options={FLAG_STATUS_FILTERS.map((s) => ({ value: String(s), label: t(`flags.statuses.${s}`) }))}
        />
        <FilterSelect
          name="assignee"
          label={t("flags.filters.assignee")}
          value={filters.assignee ?? ""}
          emptyLabel={t("flags.filters.anyone")}
          options={[
            { value: "me", label: t("flags.filters.me") },
            { value: "unassigned", label: t("flags.filters.unassigned") },
          ]}
        />
        <FilterSelect
          name="sector"
          label={t("flags.filters.sector")}
          value={filters.sector ?? ""}
          emptyLabel={t("flags.filters.all")}
          options={SECTORS.map((s) => ({ value: String(s), label: t(`sectors.${s}`) }))}
        />
        {filters.vendorId ? <input type="hidden" name="vendor" value={filters.vendorId} /> : null}
        <div className="flex items-end gap-2 lg:col-span-6">
          <Button variant="secondary">{t("flags.filters.apply")}</Button>
          <Link to="/staff/flags" className="px-3 py-2 text-sm font-medium text-brand-700 underline">
            {t("vendors.clear")}
          </Link>
        </div>
      </Form>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("flags.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("flags.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((f) => (
            <li key={f.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="mb-1 flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={f.severity} />
                  <span className="text-xs text-slate-600">
                    {t(`flags.statuses.${f.status}`)} · {t("flags.raisedOn", { date: formatDate(f.raisedAt) })}
                    {f.assigneeName ? ` · ${t("flags.assignedTo", { name: f.assigneeName })}` : ""}
                  </span>
                </p>
                <Link to={`/staff/flags/${f.id}`} className="text-brand-800 hover:underline">
                  <FlagText code={f.code} evidence={f.evidence} />
                </Link>
                <p className="mt-1 text-xs text-slate-600">{[f.needTitle, f.vendorName].filter(Boolean).join(" · ")}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
