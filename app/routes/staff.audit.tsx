import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Button } from "~/components/ui/button";
import { DateBoxes } from "~/components/ui/date-input";
import { ErrorSummary } from "~/components/ui/error-summary";
import { PageHeader } from "~/components/ui/page";
import { auditDetailLines, displayIp } from "~/lib/audit-details";
import { parseAuditFilters, subjectHref } from "~/lib/audit-filters";
import { formatDateTime } from "~/lib/format";
import { auditActions, listAudit } from "~/models/audit.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "audit.title");

/** Admin only (docs/product.md §11): staff get 403 like everyone else. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { filters, page } = parseAuditFilters(new URL(request.url).searchParams);
  const { fromAt: _f, toAt: _t, ...form } = filters;
  return json({ filters: form, actions: auditActions(), ...listAudit(filters, page) });
}

const INPUT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
}

/** A link to the newer or older page that keeps the filters. */
function useCursorHref() {
  const location = useLocation();
  return (key: "before" | "after", cursor: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("before");
    params.delete("after");
    params.set(key, cursor);
    return `${location.pathname}?${params.toString()}`;
  };
}

export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const label = useActionLabel();
  const href = useCursorHref();
  const { filters, actions, rows, older, newer } = useLoaderData<typeof loader>();
  const dateErrors = {
    from: filters.fromError ? [filters.fromError] : [],
    to: filters.toError ? [filters.toError] : [],
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100";
  return (
    <div>
      <PageHeader title={t("audit.title")} lead={t("audit.lead")} />
      <Form
        id="audit"
        method="get"
        role="search"
        aria-label={t("audit.filters")}
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 xl:grid-cols-4"
      >
        {filters.fromError || filters.toError ? (
          <div className="sm:col-span-2 xl:col-span-4">
            <ErrorSummary
              form={{ id: "audit", errorId: "audit-error", errors: [], allErrors: dateErrors }}
              labels={{ from: t("audit.from"), to: t("audit.to") }}
            />
          </div>
        ) : null}
        <div>
          <label htmlFor="actor" className="mb-1 block text-sm font-medium">
            {t("audit.actor")}
          </label>
          <input
            id="actor"
            name="actor"
            type="search"
            defaultValue={filters.actor}
            aria-describedby="actor-hint"
            className={INPUT}
          />
          <p id="actor-hint" className="mt-1 text-xs text-slate-600">
            {t("audit.actorHint")}
          </p>
        </div>
        <div className="self-start">
          <label htmlFor="action" className="mb-1 block text-sm font-medium">
            {t("audit.action")}
          </label>
          <select id="action" name="action" defaultValue={filters.action} className={INPUT}>
            <option value="">{t("audit.allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <DateBoxes
          id="audit-from"
          name="from"
          legend={t("audit.from")}
          value={filters.fromBoxes}
          errors={dateErrors.from}
          optional
        />
        <DateBoxes
          id="audit-to"
          name="to"
          legend={t("audit.to")}
          value={filters.toBoxes}
          errors={dateErrors.to}
          optional
        />
        <div className="flex items-center gap-3 sm:col-span-2 xl:col-span-4">
          <Button variant="secondary">{t("audit.filter")}</Button>
          <Link to="/staff/audit" className="self-center text-sm text-brand-700 underline">
            {t("audit.clear")}
          </Link>
        </div>
      </Form>
      <p className="mb-2 text-sm text-slate-700">{t("audit.timezone")}</p>
      {rows.length === 0 ? (
        <p
          role="status"
          className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700"
        >
          {t("audit.empty")}
        </p>
      ) : (
        <ol
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label={t("audit.entries")}
        >
          {rows.map((r) => {
            const subject = subjectHref(r.subjectType, r.subjectId);
            const details = auditDetailLines(r.details, { type: r.subjectType, id: r.subjectId }, t, lang);
            const list = (
              <ul className="mt-1 space-y-0.5">
                {details.map((line, n) => (
                  <li key={n} className="whitespace-pre-line break-words">
                    {line}
                  </li>
                ))}
              </ul>
            );
            return (
              <li key={r.id} className="grid gap-1 p-3 text-sm sm:grid-cols-[10rem_1fr_1fr] sm:gap-4">
                <p className="text-slate-700">
                  <time dateTime={new Date(r.at).toISOString()}>{formatDateTime(r.at)}</time>
                </p>
                <div className="min-w-0">
                  <p className="font-semibold">{label(r.action)}</p>
                  <p className="break-words text-slate-700">
                    {r.actorId && r.actorName ? (
                      <>
                        <Link to={`/admin/users/${r.actorId}`} className="text-brand-700 underline">
                          {r.actorName}
                        </Link>{" "}
                        <span className="break-all">({r.actorUserEmail})</span>
                        {r.actorRole ? ` · ${t(`roles.${r.actorRole}`)}` : ""}
                      </>
                    ) : r.actorEmail ? (
                      <span className="break-all">{t("audit.triedEmail", { email: r.actorEmail })}</span>
                    ) : (
                      t("audit.system")
                    )}
                  </p>
                  {r.ip ? <p className="text-xs text-slate-600">{t("audit.ip", { ip: displayIp(r.ip) })}</p> : null}
                </div>
                <div className="min-w-0 text-slate-800">
                  {r.subjectType ? (
                    <p className="break-all">
                      <span className="text-slate-600">
                        {t(`audit.subjects.${r.subjectType}`, { defaultValue: r.subjectType })}:{" "}
                      </span>
                      {subject ? (
                        <Link to={subject} className="text-brand-700 underline">
                          {r.subjectId}
                        </Link>
                      ) : (
                        r.subjectId
                      )}
                    </p>
                  ) : null}
                  {details.length > 4 ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-brand-700 underline">
                        {t("audit.moreDetails", { count: details.length })}
                      </summary>
                      {list}
                    </details>
                  ) : details.length ? (
                    list
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {newer || older ? (
        <nav aria-label={t("pagination.label")} className="mt-4 flex items-center justify-between gap-2">
          {newer ? (
            <Link to={href("after", newer)} className={link} rel="prev">
              {t("audit.newer")}
            </Link>
          ) : (
            <span />
          )}
          {older ? (
            <Link to={href("before", older)} className={link} rel="next">
              {t("audit.older")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
