import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { FlagText, SeverityBadge } from "~/components/flag-text";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { FieldErrors, TextareaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDate, formatDateTime, formatMoney } from "~/lib/format";
import { flagCaseFile } from "~/models/flag-case.server";
import { actOnFlag, flagHistory, getFlag } from "~/models/flag-queue.server";
import { activeStaff } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";
import { text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

export const meta: MetaFunction = (args) => title(args, "flags.detailTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  const flag = getFlag(params.flagId ?? "");
  return json({
    flag,
    caseFile: flagCaseFile(flag),
    history: flagHistory(flag.id),
    staff: activeStaff(),
    me: user.id,
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

const AcknowledgeSchema = z.object({
  intent: z.literal("acknowledge"),
  assignee: z.string({ required_error: "errors.choose" }).min(1, "errors.choose"),
});
const CloseSchema = z.object({
  intent: z.enum(["resolve", "dismiss"], { errorMap: () => ({ message: "errors.choose" }) }),
  note: text(2000),
});

/** Where each refusal of the model shows: next to its field, or above the form. */
const FAILURES: Record<"note_required" | "not_staff", { field?: string; message: string }> = {
  note_required: { field: "note", message: "errors.noteRequired" },
  not_staff: { field: "assignee", message: "errors.choose" },
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const flagId = getFlag(params.flagId ?? "").id;
  const formData = await request.formData();
  const form = formData.get("intent") === "acknowledge" ? "acknowledge" : "close";
  const submission =
    form === "acknowledge"
      ? parseWithZod(formData, { schema: AcknowledgeSchema })
      : parseWithZod(formData, { schema: CloseSchema });
  if (submission.status !== "success") {
    return json({ intent: form, result: submission.reply(), stale: false }, { status: 400 });
  }
  const value = submission.value;
  const result =
    value.intent === "acknowledge"
      ? actOnFlag(user, flagId, "acknowledge", { assigneeId: value.assignee }, context.ip)
      : actOnFlag(user, flagId, value.intent, { note: value.note }, context.ip);
  if (!result.ok) {
    // A colleague acted first: the page shows the flag as it now stands, the form keeps what was typed.
    // The page only offers what the flag's state allows, so an illegal step means the same.
    if (result.error === "stale" || result.error === "illegal_transition") {
      return json({ intent: form, result: submission.reply(), stale: true }, { status: 409 });
    }
    const failure = FAILURES[result.error];
    const reply = submission.reply(
      failure.field ? { fieldErrors: { [failure.field]: [failure.message] } } : { formErrors: [failure.message] },
    );
    return json({ intent: form, result: reply, stale: false }, { status: 409 });
  }
  return redirect(`/staff/flags/${flagId}?notice=${value.intent}`);
}

function AcknowledgeForm({
  staff,
  me,
  assignedTo,
  open,
}: {
  staff: { id: string; name: string }[];
  me: string;
  assignedTo: string | null;
  open: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "acknowledge",
    lastResult: useIntentResult("acknowledge"),
    constraint: getZodConstraint(AcknowledgeSchema),
    defaultValue: { assignee: assignedTo ?? me },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcknowledgeSchema }),
  });
  const select = getSelectProps(fields.assignee);
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2">
      <input type="hidden" name="intent" value="acknowledge" />
      <ErrorSummary form={form} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor={fields.assignee.id} className="mb-1 block text-sm font-medium">
            {t("flags.actions.assignTo")}
          </label>
          <select
            {...select}
            key={select.key}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600"
          >
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === me ? t("flags.actions.me", { name: s.name }) : s.name}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t(open ? "flags.actions.acknowledge" : "flags.actions.reassign")}</Button>
      </div>
      <FieldErrors id={fields.assignee.errorId} errors={fields.assignee.errors} />
    </Form>
  );
}

function CloseForm() {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "close",
    lastResult: useIntentResult("close"),
    constraint: getZodConstraint(CloseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CloseSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      <ErrorSummary form={form} />
      <TextareaField meta={fields.note} label={t("flags.actions.note")} rows={3} />
      <FieldErrors id={fields.intent.errorId} errors={fields.intent.errors} />
      <div className="flex flex-wrap gap-2">
        <Button name="intent" value="resolve">
          {t("flags.actions.resolve")}
        </Button>
        <Button name="intent" value="dismiss" variant="secondary">
          {t("flags.actions.dismiss")}
        </Button>
      </div>
    </Form>
  );
}

function subjectLink(flag: {
  subjectType: string;
  subjectId: string;
  needId: string | null;
  engagementId: string | null;
  vendorId: string | null;
}) {
  if (flag.engagementId) return `/engagements/${flag.engagementId}`;
  if (flag.needId) return `/needs/${flag.needId}`;
  if (flag.vendorId) return `/staff/vendors/${flag.vendorId}`;
  return null;
}

type CaseFileData = ReturnType<typeof useLoaderData<typeof loader>>["caseFile"];

const CELL = "border-b border-slate-200 px-3 py-2 text-left align-top";

/** Who is involved, what the rule looked at, why it matters, what staff do, and (folded) the formula. */
function CaseFile({ code, caseFile }: { code: string; caseFile: CaseFileData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, engagement, vendor, bids, milestones } = caseFile;
  const vendorLink = (id: string, name: string) => (
    <Link to={`/staff/vendors/${id}`} className="text-brand-700 underline">
      {name}
    </Link>
  );
  return (
    <>
      <Card>
        <h2 className="text-lg font-semibold">{t("flags.case.people")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {need ? (
            <>
              <dt className="font-medium text-slate-700">{t("flags.case.need")}</dt>
              <dd>
                <Link to={`/needs/${need.id}`} className="text-brand-700 underline">
                  {need.title}
                </Link>
                <span className="block text-slate-700">
                  {t("flags.case.budget", {
                    from: formatMoney(need.budgetMin, lang),
                    to: formatMoney(need.budgetMax, lang),
                  })}
                </span>
              </dd>
              <dt className="font-medium text-slate-700">{t("flags.case.sme")}</dt>
              <dd>{need.smeName}</dd>
            </>
          ) : null}
          {engagement ? (
            <>
              <dt className="font-medium text-slate-700">{t("flags.case.engagement")}</dt>
              <dd>
                <Link to={`/engagements/${engagement.id}`} className="text-brand-700 underline">
                  {t("flags.case.engagementTotal", {
                    total: formatMoney(engagement.total, lang),
                    date: formatDate(engagement.awardedAt),
                  })}
                </Link>
              </dd>
            </>
          ) : null}
          {vendor ? (
            <>
              <dt className="font-medium text-slate-700">{t("flags.case.vendor")}</dt>
              <dd>{vendorLink(vendor.id, vendor.name)}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      {bids.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("flags.case.bids")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("flags.case.bidsLead")}</p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[32rem] border-collapse text-sm">
              <thead>
                <tr>
                  <th scope="col" className={CELL}>
                    {t("flags.case.bidVendor")}
                  </th>
                  <th scope="col" className={`${CELL} text-right`}>
                    {t("flags.case.bidTotal")}
                  </th>
                  <th scope="col" className={`${CELL} text-right`}>
                    {t("flags.case.bidDuration")}
                  </th>
                  <th scope="col" className={CELL}>
                    {t("flags.case.bidStatus")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bids.map((b) => (
                  <tr key={b.id} className={b.flagged ? "bg-amber-50" : undefined}>
                    <th scope="row" className={`${CELL} font-normal`}>
                      {vendorLink(b.vendorId, b.vendorName)}
                      {b.flagged ? (
                        <span className="ml-2 rounded-full bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950">
                          {t("flags.case.flagged")}
                        </span>
                      ) : null}
                    </th>
                    <td className={`${CELL} text-right tabular-nums`}>{formatMoney(b.total, lang)}</td>
                    <td className={`${CELL} text-right tabular-nums`}>
                      {t("flags.case.days", { count: b.durationDays })}
                    </td>
                    <td className={CELL}>{t(`bidStatuses.${b.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
      {milestones.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("flags.case.milestones")}</h2>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[32rem] border-collapse text-sm">
              <thead>
                <tr>
                  <th scope="col" className={CELL}>
                    {t("flags.case.milestone")}
                  </th>
                  <th scope="col" className={CELL}>
                    {t("flags.case.due")}
                  </th>
                  <th scope="col" className={CELL}>
                    {t("flags.case.submitted")}
                  </th>
                  <th scope="col" className={CELL}>
                    {t("flags.case.bidStatus")}
                  </th>
                  <th scope="col" className={`${CELL} text-right`}>
                    {t("flags.case.rejections")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className={`${CELL} font-normal`}>
                      {m.title}
                    </th>
                    <td className={CELL}>{formatDate(m.dueAt)}</td>
                    <td className={CELL}>
                      {m.submittedAt !== null ? formatDate(m.submittedAt) : t("flags.case.notSubmitted")}
                    </td>
                    <td className={CELL}>{t(`milestoneStatuses.${m.status}`)}</td>
                    <td className={`${CELL} text-right tabular-nums`}>{m.rejections}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("flags.case.why")}</h2>
        <p className="mt-1 text-slate-800">{t(`flags.why.${code}`)}</p>
        <h2 className="mt-4 text-lg font-semibold">{t("flags.case.todo")}</h2>
        <p className="mt-1 text-slate-800">{t(`flags.todo.${code}`)}</p>
        <details className="mt-4">
          <summary className="cursor-pointer font-medium text-brand-700">{t("flags.case.how")}</summary>
          <p className="mt-2 text-sm text-slate-700">{t(`flags.how.${code}`)}</p>
        </details>
      </Card>
    </>
  );
}

export default function FlagDetail() {
  const { t } = useTranslation();
  const { flag, caseFile, history, staff, me, notice } = useLoaderData<typeof loader>();
  const link = subjectLink(flag);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/staff/flags" className="text-sm font-medium text-brand-700 underline">
          ← {t("flags.title")}
        </Link>
      </p>
      <PageHeader title={t(`flags.rules.${flag.code}.title`)} actions={<SeverityBadge severity={flag.severity} />} />
      <StaleAlert />
      {notice ? (
        <Alert tone="success" role="status">
          {t(`flags.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      <Card>
        <FlagText code={flag.code} evidence={flag.evidence} />
        <p className="mt-2 text-sm text-slate-700">
          {t(`flags.statuses.${flag.status}`)}
          {flag.note ? ` — ${flag.note}` : ""}
        </p>
        {link ? (
          <Link to={link} className="mt-2 inline-block font-semibold text-brand-700 underline">
            {t(`flags.open.${flag.engagementId ? "engagement" : flag.needId ? "need" : "vendor"}`)}
          </Link>
        ) : null}
      </Card>
      <CaseFile code={flag.code} caseFile={caseFile} />
      {flag.status === "open" || flag.status === "acknowledged" ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("flags.actions.title")}</h2>
          <AcknowledgeForm staff={staff} me={me} assignedTo={flag.assignedTo} open={flag.status === "open"} />
          {flag.status === "acknowledged" ? (
            <CloseForm />
          ) : (
            <p className="mt-3 text-sm text-slate-700">{t("flags.actions.acknowledgeFirst")}</p>
          )}
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("flags.history")}</h2>
        <ol className="mt-2 space-y-2 text-sm">
          {history.map((h) => (
            <li key={h.id}>
              <span className="font-medium">{t(`flags.events.${h.kind}`)}</span> ·{" "}
              {h.actorName ?? t("delivery.timeline.system")} · {formatDateTime(h.at)}
              {h.severity ? ` · ${t(`flags.severities.${h.severity}`)}` : ""}
              {h.note ? <span className="block text-slate-700">{h.note}</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
