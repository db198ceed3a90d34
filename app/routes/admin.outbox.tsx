import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/field";
import { FilterSelect } from "~/components/ui/filter-select";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDateTime } from "~/lib/format";
import { isOutboxStatus, OUTBOX_STATUSES, type OutboxStatus } from "~/lib/mail-queue";
import { listOutbox, outboxCounts, retryMail } from "~/models/outbox.server";
import { requireRole } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "adminOutbox.title");

const RetrySchema = z.object({
  intent: z.literal("retry"),
  id: z.number({ required_error: "errors.required", invalid_type_error: "errors.required" }).int().positive(),
});

/** The list's filter and page, read the same way by the loader and the action's redirect. */
function listState(url: URL) {
  const status = url.searchParams.get("status");
  return { status: isOutboxStatus(status) ? status : undefined, page: pageParam(url) };
}

function listSearch({ status, page }: { status?: OutboxStatus; page: number }, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const state = listState(url);
  const retried = Number(url.searchParams.get("retried"));
  return json({
    status: state.status ?? "",
    page: state.page,
    search: listSearch(state),
    counts: outboxCounts(),
    smtpConfigured: !!env().SMTP_URL,
    retried: Number.isInteger(retried) && retried > 0 ? retried : null,
    ...listOutbox(state),
  });
}

const FAILURES = {
  not_found: "adminOutbox.errors.notFound",
  not_failed: "adminOutbox.errors.notFailed",
  stale: "errors.stale",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: RetrySchema });
  const id = Number(formData.get("id"));
  if (submission.status !== "success") return json({ id, result: submission.reply() }, { status: 400 });
  const result = retryMail(submission.value.id, admin, context.ip);
  if (!result.ok) {
    return json({ id, result: submission.reply({ formErrors: [FAILURES[result.error]] }) }, { status: 409 });
  }
  const state = listState(new URL(request.url));
  return redirect(`/admin/outbox${listSearch(state, { retried: String(submission.value.id) })}`);
}

const TONES: Record<OutboxStatus, "amber" | "green" | "red" | "neutral"> = {
  pending: "amber",
  sent: "green",
  failed: "red",
  kept: "neutral",
};

function StatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`adminOutbox.statuses.${status}`)}</Badge>;
}

const RETRY_ERRORS_ID = "retry-errors";

type RetryData = { id?: number; result?: SubmissionResult<string[]> };

/**
 * The "send again" button of one failed mail: a POST form that works without JavaScript. A refusal
 * shows above the list (`RetryRefused`): the list reloads after the post, and the row may be gone.
 */
function RetryForm({ id, to, action, variant }: { id: number; to: string; action: string; variant: "table" | "list" }) {
  const { t } = useTranslation();
  const data = useActionData<RetryData>();
  const [form] = useForm({
    id: `retry-${variant}-${id}`,
    lastResult: data?.id === id ? data.result : undefined,
    constraint: getZodConstraint(RetrySchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RetrySchema }),
  });
  return (
    <Form
      method="post"
      action={action}
      {...getFormProps(form)}
      aria-describedby={form.errors ? RETRY_ERRORS_ID : undefined}
      className="space-y-2"
    >
      <input type="hidden" name="intent" value="retry" />
      <input type="hidden" name="id" value={id} />
      <Button variant="secondary" className="whitespace-nowrap" aria-label={t("adminOutbox.retryLabel", { id, to })}>
        {t("adminOutbox.retry")}
      </Button>
    </Form>
  );
}

function RetryRefused() {
  const data = useActionData<RetryData>();
  const errors = data?.result?.error ? Object.values(data.result.error).flatMap((e) => e ?? []) : [];
  return <FormErrors id={RETRY_ERRORS_ID} errors={errors} />;
}

type Row = SerializeFrom<typeof loader>["rows"][number];

/** When the worker tries a pending mail next. */
function NextAttempt({ mail }: { mail: Row }) {
  const { t } = useTranslation();
  if (mail.status !== "pending" || !mail.nextAttemptAt) return null;
  return (
    <span className="mt-1 block text-xs text-slate-600">
      {t("adminOutbox.nextAttempt", { date: formatDateTime(mail.nextAttemptAt) })}
    </span>
  );
}

function LastError({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (!error) return <span className="text-slate-600">{t("adminOutbox.none")}</span>;
  return <span className="break-words font-mono text-xs text-red-800">{error}</span>;
}

export default function AdminOutbox() {
  const { t } = useTranslation();
  const { status, page, search, counts, smtpConfigured, retried, rows, total, pageCount } =
    useLoaderData<typeof loader>();
  const action = `/admin/outbox${search}`;
  const none = <span className="text-slate-600">{t("adminOutbox.none")}</span>;
  return (
    <div>
      <PageHeader title={t("adminOutbox.title")} lead={t("adminOutbox.lead")} />
      <div className="mb-4 space-y-3">
        {retried ? (
          <Alert tone="success" role="status">
            {t("adminOutbox.retried", { id: retried })}
          </Alert>
        ) : null}
        <RetryRefused />
        {smtpConfigured ? null : <Alert tone="warning">{t("adminOutbox.noSmtp")}</Alert>}
      </div>
      <Form
        method="get"
        role="search"
        aria-label={t("adminOutbox.filters")}
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[16rem_auto] sm:items-end sm:justify-start"
      >
        <FilterSelect
          name="status"
          label={t("adminOutbox.status")}
          value={status}
          emptyLabel={t("adminOutbox.allStatuses")}
          options={OUTBOX_STATUSES.map((s) => ({
            value: s,
            label: t("adminOutbox.statusWithCount", { status: t(`adminOutbox.statuses.${s}`), count: counts[s] }),
          }))}
        />
        <Button variant="secondary">{t("adminOutbox.filter")}</Button>
      </Form>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("adminOutbox.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("adminOutbox.empty")}
        </p>
      ) : (
        <>
          <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white lg:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("adminOutbox.caption")}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("adminOutbox.columns.status")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("adminOutbox.columns.to")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("adminOutbox.columns.subject")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    {t("adminOutbox.columns.attempts")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("adminOutbox.columns.error")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("adminOutbox.columns.created")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t("adminOutbox.columns.sent")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    <span className="sr-only">{t("adminOutbox.columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((mail) => (
                  <tr key={mail.id} className="align-top">
                    <td className="px-3 py-3">
                      <span className="whitespace-nowrap">
                        <StatusBadge status={mail.status} />
                      </span>
                      <NextAttempt mail={mail} />
                    </td>
                    <td className="max-w-[13rem] break-words px-3 py-3">{mail.to}</td>
                    <td className="max-w-[14rem] px-3 py-3">{mail.subject}</td>
                    <td className="px-3 py-3 text-right tabular-nums">{mail.attempts}</td>
                    <td className="max-w-[14rem] px-3 py-3">
                      <LastError error={mail.error} />
                    </td>
                    <td className="px-3 py-3">{formatDateTime(mail.createdAt)}</td>
                    <td className="px-3 py-3">{mail.sentAt ? formatDateTime(mail.sentAt) : none}</td>
                    <td className="px-3 py-3">
                      {mail.status === "failed" ? (
                        <RetryForm id={mail.id} to={mail.to} action={action} variant="table" />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white lg:hidden">
            {rows.map((mail) => (
              <li key={mail.id} className="space-y-2 p-4">
                <p className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={mail.status} />
                  <span className="break-all text-sm font-semibold">{mail.to}</span>
                </p>
                <p>{mail.subject}</p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t("adminOutbox.columns.attempts")}</dt>
                  <dd>
                    {mail.attempts}
                    <NextAttempt mail={mail} />
                  </dd>
                  <dt className="text-slate-600">{t("adminOutbox.columns.created")}</dt>
                  <dd>{formatDateTime(mail.createdAt)}</dd>
                  {mail.sentAt ? (
                    <>
                      <dt className="text-slate-600">{t("adminOutbox.columns.sent")}</dt>
                      <dd>{formatDateTime(mail.sentAt)}</dd>
                    </>
                  ) : null}
                  {mail.error ? (
                    <>
                      <dt className="text-slate-600">{t("adminOutbox.columns.error")}</dt>
                      <dd className="min-w-0">
                        <LastError error={mail.error} />
                      </dd>
                    </>
                  ) : null}
                </dl>
                {mail.status === "failed" ? (
                  <RetryForm id={mail.id} to={mail.to} action={action} variant="list" />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
