import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { FilterSelect } from "~/components/ui/filter-select";
import { IncidentStatusBadge } from "~/components/incident-status-badge";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDate } from "~/lib/format";
import {
  daysOpen,
  INCIDENT_ASSIGNEE_FILTERS,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUS_FILTERS,
  parseIncidentFilters,
} from "~/lib/incident-rules";
import { listIncidents } from "~/models/incidents.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "staffIncidents.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const url = new URL(request.url);
  const filters = parseIncidentFilters(url.searchParams);
  const page = pageParam(url);
  return json({ filters, page, now: Date.now(), ...listIncidents(filters, staff.id, page) });
}

export default function StaffIncidents() {
  const { t } = useTranslation();
  const { filters, page, rows, total, pageCount, now } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={t("staffIncidents.title")} lead={t("staffIncidents.lead")} />
      <Form
        method="get"
        role="search"
        aria-label={t("staffIncidents.filters")}
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end"
      >
        <FilterSelect
          name="status"
          label={t("staffIncidents.status")}
          value={filters.status}
          options={INCIDENT_STATUS_FILTERS.map((s) => ({
            value: String(s),
            label: t(`staffIncidents.statusFilters.${s}`),
          }))}
        />
        <FilterSelect
          name="category"
          label={t("staffIncidents.category")}
          value={filters.category ?? ""}
          emptyLabel={t("staffIncidents.allCategories")}
          options={INCIDENT_CATEGORIES.map((c) => ({
            value: String(c),
            label: t(`delivery.incidents.categories.${c}`),
          }))}
        />
        <FilterSelect
          name="assignee"
          label={t("staffIncidents.assignee")}
          value={filters.assignee}
          options={INCIDENT_ASSIGNEE_FILTERS.map((a) => ({
            value: String(a),
            label: t(`staffIncidents.assigneeFilters.${a}`),
          }))}
        />
        <Button variant="secondary">{t("staffIncidents.filter")}</Button>
      </Form>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("staffIncidents.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("staffIncidents.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((i) => (
            <li key={i.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <IncidentStatusBadge status={i.status} />
                  <Badge>{t(`delivery.incidents.categories.${i.category}`)}</Badge>
                </p>
                <p className="mt-1 font-semibold">
                  <Link to={`/staff/incidents/${i.id}`} className="text-brand-800 underline">
                    {i.needTitle}
                  </Link>
                </p>
                <p className="text-sm text-slate-700">
                  {i.smeName} · {i.vendorName}
                </p>
                <p className="mt-1 line-clamp-2 text-sm text-slate-800">{i.description}</p>
              </div>
              <div className="shrink-0 text-sm text-slate-700 sm:text-right">
                <p>
                  {t("staffIncidents.raisedBy", {
                    name: i.raiserName,
                    side: t(`delivery.timeline.sides.${i.raisedBySide}`),
                  })}
                </p>
                <p>
                  {formatDate(i.createdAt)}
                  {i.status === "resolved"
                    ? ""
                    : ` · ${t("staffIncidents.daysOpen", { count: daysOpen(i.createdAt, now) })}`}
                </p>
                <p className={i.assigneeName ? "" : "font-semibold text-red-800"}>
                  {i.assigneeName
                    ? t("staffIncidents.assignedTo", { name: i.assigneeName })
                    : t("staffIncidents.unassigned")}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
