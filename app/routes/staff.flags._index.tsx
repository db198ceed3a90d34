import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlagText, SeverityBadge } from "~/components/flag-text";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { RULE_CODES, SEVERITIES } from "~/lib/flag-options";
import { formatDate } from "~/lib/format";
import { SECTORS } from "~/lib/reference";
import { listFlags, type FlagFilters } from "~/models/flags.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "flags.title");

const STATUS_FILTERS = ["active", "open", "acknowledged", "resolved", "dismissed"] as const;
const pick = <T extends string>(list: readonly T[], v: string | null) =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  const url = new URL(request.url);
  const p = url.searchParams;
  const filters: FlagFilters = {
    status: pick(STATUS_FILTERS, p.get("status")) ?? "active",
    severity: pick(SEVERITIES, p.get("severity")),
    code: pick(RULE_CODES, p.get("code")),
    sector: pick(SECTORS, p.get("sector")),
    assignee: p.get("assignee") || undefined,
    vendorId: p.get("vendor") || undefined,
  };
  const page = pageParam(url);
  return json({ filters, page, ...listFlags(filters, user.id, page) });
}

const SELECT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

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
        <div>
          <label htmlFor="severity" className="mb-1 block text-sm font-medium">
            {t("flags.filters.severity")}
          </label>
          <select id="severity" name="severity" defaultValue={filters.severity ?? ""} className={SELECT}>
            <option value="">{t("flags.filters.all")}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`flags.severities.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="lg:col-span-2">
          <label htmlFor="code" className="mb-1 block text-sm font-medium">
            {t("flags.filters.rule")}
          </label>
          <select id="code" name="code" defaultValue={filters.code ?? ""} className={SELECT}>
            <option value="">{t("flags.filters.all")}</option>
            {RULE_CODES.map((c) => (
              <option key={c} value={c}>
                {t(`flags.rules.${c}.title`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium">
            {t("flags.filters.status")}
          </label>
          <select id="status" name="status" defaultValue={filters.status} className={SELECT}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`flags.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="assignee" className="mb-1 block text-sm font-medium">
            {t("flags.filters.assignee")}
          </label>
          <select id="assignee" name="assignee" defaultValue={filters.assignee ?? ""} className={SELECT}>
            <option value="">{t("flags.filters.anyone")}</option>
            <option value="me">{t("flags.filters.me")}</option>
            <option value="unassigned">{t("flags.filters.unassigned")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="sector" className="mb-1 block text-sm font-medium">
            {t("flags.filters.sector")}
          </label>
          <select id="sector" name="sector" defaultValue={filters.sector ?? ""} className={SELECT}>
            <option value="">{t("flags.filters.all")}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sectors.${s}`)}
              </option>
            ))}
          </select>
        </div>
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
