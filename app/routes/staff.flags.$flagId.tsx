import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlagText, SeverityBadge } from "~/components/flag-text";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/lib/format";
import { actOnFlag, flagHistory, getFlag } from "~/models/flags.server";
import { activeStaff } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "flags.detailTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "staff");
  const flag = getFlag(params.flagId ?? "");
  return json({
    flag,
    history: flagHistory(flag.id),
    staff: activeStaff(),
    me: user.id,
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

const ERRORS: Record<string, string> = {
  illegal_transition: "errors.flagIllegal",
  note_required: "errors.noteRequired",
  not_staff: "errors.choose",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (intent !== "acknowledge" && intent !== "resolve" && intent !== "dismiss")
    throw new Response("Bad request", { status: 400 });
  const result = actOnFlag(
    user,
    params.flagId ?? "",
    intent,
    { assigneeId: String(form.get("assignee") || user.id), note: String(form.get("note") ?? "") },
    context.ip,
  );
  if (!result.ok) return json({ intent, error: ERRORS[result.error]! }, { status: 400 });
  return redirect(`/staff/flags/${params.flagId}?notice=${intent}`);
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

export default function FlagDetail() {
  const { t } = useTranslation();
  const { flag, history, staff, me, notice } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const link = subjectLink(flag);
  const error = (intent: string) =>
    failed?.intent === intent ? (
      <p role="alert" className="text-sm text-red-700">
        {t(failed.error)}
      </p>
    ) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/staff/flags" className="text-sm font-medium text-brand-700 underline">
          ← {t("flags.title")}
        </Link>
      </p>
      <PageHeader title={t(`flags.rules.${flag.code}.title`)} actions={<SeverityBadge severity={flag.severity} />} />
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
      {flag.status === "open" || flag.status === "acknowledged" ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("flags.actions.title")}</h2>
          <Form method="post" className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
            <input type="hidden" name="intent" value="acknowledge" />
            <div className="flex-1">
              <label htmlFor="assignee" className="mb-1 block text-sm font-medium">
                {t("flags.actions.assignTo")}
              </label>
              <select
                id="assignee"
                name="assignee"
                defaultValue={flag.assignedTo ?? me}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
              >
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id === me ? t("flags.actions.me", { name: s.name }) : s.name}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary">
              {t(flag.status === "open" ? "flags.actions.acknowledge" : "flags.actions.reassign")}
            </Button>
          </Form>
          {error("acknowledge")}
          {flag.status === "acknowledged" ? (
            <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
              <label htmlFor="note" className="block text-sm font-medium">
                {t("flags.actions.note")}
              </label>
              <textarea
                id="note"
                name="note"
                rows={3}
                required
                className="block w-full rounded-md border border-slate-300 px-3 py-2"
              />
              {error("resolve")}
              {error("dismiss")}
              <div className="flex flex-wrap gap-2">
                <Button name="intent" value="resolve">
                  {t("flags.actions.resolve")}
                </Button>
                <Button name="intent" value="dismiss" variant="secondary">
                  {t("flags.actions.dismiss")}
                </Button>
              </div>
            </Form>
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
