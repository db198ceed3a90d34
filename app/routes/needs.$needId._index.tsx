import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { NeedStatusBadge } from "~/components/need-status-badge";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { FieldErrors, FormErrors } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDate, formatDateTime, formatMoney } from "~/lib/format";
import { allowedNeedActions } from "~/lib/need-status";
import { closeNeed, getNeedForViewer, needHistory, type NeedHistoryEntry } from "~/models/needs.server";
import { requireRole, requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";

/** Closing bidding early: the owner confirms it. */
const CloseSchema = z.object({
  intent: z.literal("close"),
  confirm: z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) }),
});

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.need.title} · Kết Nối Số` }] : title(args, "needs.board.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const need = getNeedForViewer(params.needId ?? "", user);
  const url = new URL(request.url);
  const history = need.canReadHistory ? needHistory(need.id, pageParam(url)) : null;
  return json({
    need: {
      id: need.id,
      title: need.title,
      description: need.description,
      requirements: need.requirements,
      category: need.category,
      sector: need.sector,
      budgetMin: need.budgetMin,
      budgetMax: need.budgetMax,
      desiredStart: need.desiredStart,
      deadline: need.deadline,
      publishedAt: need.publishedAt,
      cancelReason: need.cancelReason,
      status: need.statusNow,
      organisationName: need.organisationName,
    },
    actions: need.isOwner ? allowedNeedActions(need.statusNow) : [],
    history,
    page: pageParam(url),
    notice: url.searchParams.get("notice"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "sme");
  const submission = parseWithZod(await request.formData(), { schema: CloseSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = closeNeed(params.needId ?? "", user);
  if (!result.ok) return json(submission.reply({ formErrors: [result.error] }), { status: 400 });
  return redirect(`/needs/${params.needId}?notice=closed`);
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default function NeedPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, actions, history, page, notice } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={need.title} lead={need.organisationName} actions={<NeedStatusBadge status={need.status} />} />
      {notice ? (
        <Alert tone="success" role="status">
          {t(`needs.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {need.status === "cancelled" && need.cancelReason ? (
        <Alert tone="warning">
          <strong>{t("needs.detail.cancelReason")}:</strong> {need.cancelReason}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">{t("needs.fields.description")}</h2>
          <p className="mt-2 whitespace-pre-line text-slate-800">{need.description}</p>
          {need.requirements ? (
            <>
              <h2 className="mt-6 text-lg font-semibold">{t("needs.fields.requirements")}</h2>
              <p className="mt-2 whitespace-pre-line text-slate-800">{need.requirements}</p>
            </>
          ) : null}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("needs.detail.summary")}</h2>
          <dl className="mt-2 divide-y divide-slate-100">
            <Detail label={t("needs.fields.category")}>{t(`categories.${need.category}`)}</Detail>
            <Detail label={t("needs.fields.sector")}>{t(`sectors.${need.sector}`)}</Detail>
            <Detail label={t("needs.fields.budget")}>
              {formatMoney(need.budgetMin, lang)} – {formatMoney(need.budgetMax, lang)}
            </Detail>
            <Detail label={t("needs.fields.deadline")}>{formatDate(need.deadline)}</Detail>
            <Detail label={t("needs.fields.desiredStart")}>{formatDate(need.desiredStart)}</Detail>
            {need.publishedAt ? (
              <Detail label={t("needs.detail.publishedAt")}>{formatDate(need.publishedAt)}</Detail>
            ) : null}
          </dl>
        </Card>
      </div>
      {actions.length ? <OwnerActions id={need.id} actions={actions} /> : null}
      {history ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("needs.history.title")}</h2>
          <ol className="mt-3 space-y-3">
            {history.rows.map((entry) => (
              <HistoryItem key={entry.id} entry={entry} />
            ))}
          </ol>
          <Pagination page={page} pageCount={history.pageCount} />
        </Card>
      ) : null}
    </div>
  );
}

function OwnerActions({ id, actions }: { id: string; actions: string[] }) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `close-${id}`,
    lastResult,
    constraint: getZodConstraint(CloseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CloseSchema }),
  });
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("needs.detail.manage")}</h2>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row">
        {actions.includes("edit") ? (
          <Link to={`/needs/${id}/edit`} className={buttonClass("primary")}>
            {actions.includes("publish") ? t("needs.detail.editAndPublish") : t("needs.detail.edit")}
          </Link>
        ) : null}
        {actions.includes("cancel") ? (
          <Link to={`/needs/${id}/cancel`} className={buttonClass("secondary")}>
            {t("needs.detail.cancel")}
          </Link>
        ) : null}
      </div>
      {actions.includes("close") ? (
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("needs.close.title")}</h3>
          <p className="text-sm text-slate-700">{t("needs.close.explain")}</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="close" />
          <div className="flex items-start gap-2">
            <input
              id={fields.confirm.id}
              name={fields.confirm.name}
              type="checkbox"
              required
              aria-invalid={fields.confirm.errors ? true : undefined}
              aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined}
              className="mt-1 h-5 w-5"
            />
            <label htmlFor={fields.confirm.id} className="text-sm">
              {t("needs.close.confirm")}
            </label>
          </div>
          <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
          <Button variant="secondary">{t("needs.close.submit")}</Button>
        </Form>
      ) : null}
    </Card>
  );
}

const MONEY_FIELDS = new Set(["budgetMin", "budgetMax"]);
const DATE_FIELDS = new Set(["deadline", "desiredStart"]);

function HistoryItem({ entry }: { entry: NeedHistoryEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const show = (field: string, value: unknown) => {
    if (MONEY_FIELDS.has(field)) return formatMoney(Number(value), lang);
    if (DATE_FIELDS.has(field)) return formatDate(Number(value));
    if (field === "category") return t(`categories.${value}`);
    if (field === "sector") return t(`sectors.${value}`);
    return String(value ?? "") || "—";
  };
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="text-sm">
        <span className="font-semibold">{t(`needs.history.events.${entry.event}`)}</span>
        <span className="text-slate-600">
          {" · "}
          {entry.actorName} · {formatDateTime(entry.at)}
        </span>
      </p>
      {entry.note ? <p className="mt-1 text-sm text-slate-800">{entry.note}</p> : null}
      {entry.changes ? (
        <ul className="mt-2 space-y-1 text-sm">
          {Object.entries(entry.changes).map(([field, [before, after]]) => (
            <li key={field} className="break-words">
              <span className="font-medium">{t(`needs.fields.${field}`)}:</span>{" "}
              <del className="text-slate-600">{show(field, before)}</del> →{" "}
              <ins className="no-underline">{show(field, after)}</ins>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
