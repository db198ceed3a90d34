import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDate } from "~/lib/format";
import { parseQueueFilter, QUEUE_FILTERS } from "~/lib/vendor-options";
import { listVettingQueue, vendorStatusCounts } from "~/models/vetting.server";
import { listPendingChanges } from "~/models/dossier-changes.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "vetting.queue.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const url = new URL(request.url);
  const status = parseQueueFilter(url.searchParams);
  const page = pageParam(url);
  return json({
    status,
    page,
    counts: vendorStatusCounts(),
    now: Date.now(),
    changes: listPendingChanges(1),
    ...listVettingQueue(status, page),
  });
}

export default function VettingQueue() {
  const { t } = useTranslation();
  const { status, page, rows, total, pageCount, counts, now, changes } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={t("vetting.queue.title")} lead={t("vetting.queue.lead")} />
      <section aria-labelledby="changes" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="changes" className="text-lg font-semibold">
          {t("dossierChange.queueTitle", { count: changes.total })}
        </h2>
        {changes.rows.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{t("dossierChange.queueEmpty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {changes.rows.map((c) => (
              <li key={c.vendorId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`/staff/vendors/${c.vendorId}`} className="font-semibold text-brand-800 underline">
                  {c.legalName}
                </Link>
                <span className="text-sm text-slate-700">
                  {t("dossierChange.queueSince", { date: formatDate(c.updatedAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <nav aria-label={t("vetting.queue.filter")} className="mb-4 flex flex-wrap gap-2">
        {QUEUE_FILTERS.map((s) => (
          <Link
            key={s}
            to={`/staff/vendors?status=${s}`}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full border px-3 py-2 text-sm font-medium ${
              s === status ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-100"
            }`}
          >
            {t(`vendorStatuses.${s}`)} ({counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("vetting.queue.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("vetting.queue.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((v) => {
            const expired = v.status === "vetted" && (v.vettingExpiresAt ?? 0) <= now;
            return (
              <li key={v.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link to={`/staff/vendors/${v.id}`} className="font-semibold text-brand-800 underline">
                    {v.legalName}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {t("fields.taxCode")}: {v.taxCode}
                  </p>
                </div>
                <p className="text-sm text-slate-700">
                  {v.submittedAt
                    ? t("vetting.queue.submittedOn", { date: formatDate(v.submittedAt) })
                    : t("vetting.queue.registeredOn", { date: formatDate(v.createdAt) })}
                  {v.vettingExpiresAt && v.status === "vetted"
                    ? ` · ${t(expired ? "vetting.queue.expiredOn" : "vetting.queue.validUntil", { date: formatDate(v.vettingExpiresAt) })}`
                    : ""}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
