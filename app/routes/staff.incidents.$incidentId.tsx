import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IncidentStatusBadge } from "~/components/incident-status-badge";
import { StaleAlert } from "~/components/stale-alert";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/lib/format";
import { assignIncident, getIncidentForStaff, resolveIncident, type IncidentFailure } from "~/models/incidents.server";
import { activeStaff } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { useIntentResult } from "~/utils/use-intent-result";
import { text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

export const meta: MetaFunction = (args) => title(args, "staffIncidents.detail.title");

const AssignSchema = z.object({
  intent: z.literal("assign"),
  assigneeId: z.string({ required_error: "errors.choose" }).min(1, "errors.choose"),
});
const ResolveSchema = z.object({ intent: z.literal("resolve"), resolution: text(2000) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const incident = getIncidentForStaff(params.incidentId ?? "");
  return json({
    incident,
    staff: activeStaff(),
    selfId: staff.id,
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

/** Where each refusal of the model shows: next to its field, or above the form. */
const FAILURES: Record<
  Exclude<IncidentFailure["error"], "stale" | "illegal_transition">,
  { field?: string; message: string }
> = {
  note_required: { field: "resolution", message: "errors.required" },
  bad_assignee: { field: "assigneeId", message: "staffIncidents.errors.badAssignee" },
  already_assigned: { field: "assigneeId", message: "staffIncidents.errors.alreadyAssigned" },
  not_raiser: { message: "staffIncidents.errors.illegal" },
  not_resolved: { message: "staffIncidents.errors.illegal" },
  already_rated: { message: "staffIncidents.errors.illegal" },
  bad_rating: { message: "staffIncidents.errors.illegal" },
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const incidentId = getIncidentForStaff(params.incidentId ?? "").id;
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  if (intent !== "assign" && intent !== "resolve") throw new Response("Bad request", { status: 400 });
  const submission =
    intent === "assign"
      ? parseWithZod(formData, { schema: AssignSchema })
      : parseWithZod(formData, { schema: ResolveSchema });
  if (submission.status !== "success")
    return json({ intent, result: submission.reply(), stale: false }, { status: 400 });
  const value = submission.value;
  const result =
    value.intent === "assign"
      ? await assignIncident(staff, incidentId, value.assigneeId, context.ip)
      : await resolveIncident(staff, incidentId, value.resolution, context.ip);
  if (!result.ok) {
    // A colleague acted first: the page shows the incident as it now stands, the form keeps what was
    // typed. The page only offers what the incident's state allows, so an illegal step means the same.
    if (result.error === "stale" || result.error === "illegal_transition") {
      return json({ intent, result: submission.reply(), stale: true }, { status: 409 });
    }
    const failure = FAILURES[result.error];
    return json(
      {
        intent,
        result: submission.reply(
          failure.field ? { fieldErrors: { [failure.field]: [failure.message] } } : { formErrors: [failure.message] },
        ),
        stale: false,
      },
      { status: 409 },
    );
  }
  return redirect(`/staff/incidents/${incidentId}?notice=${intent}`);
}

function AssignForm({
  staff,
  selfId,
  assignedTo,
}: {
  staff: { id: string; name: string; email: string }[];
  selfId: string;
  assignedTo: string | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "assign",
    lastResult: useIntentResult("assign"),
    constraint: getZodConstraint(AssignSchema),
    defaultValue: { assigneeId: assignedTo === selfId ? "" : selfId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignSchema }),
  });
  const options = [
    ...staff
      .filter((s) => s.id === selfId)
      .map((s) => ({ value: s.id, label: t("staffIncidents.myself", { name: s.name }) })),
    ...staff.filter((s) => s.id !== selfId).map((s) => ({ value: s.id, label: `${s.name} (${s.email})` })),
  ];
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="assign" />
      <ErrorSummary form={form} labels={{ assigneeId: t("staffIncidents.detail.assignTo") }} />
      <SelectField
        meta={fields.assigneeId}
        label={t("staffIncidents.detail.assignTo")}
        options={options}
        placeholder={t("form.choose")}
      />
      <Button variant={assignedTo ? "secondary" : "primary"}>
        {t(assignedTo ? "staffIncidents.detail.reassign" : "staffIncidents.detail.assign")}
      </Button>
    </Form>
  );
}

function ResolveForm() {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "resolve",
    lastResult: useIntentResult("resolve"),
    constraint: getZodConstraint(ResolveSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResolveSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="resolve" />
      <ErrorSummary form={form} labels={{ resolution: t("staffIncidents.detail.resolution") }} />
      <TextareaField
        meta={fields.resolution}
        label={t("staffIncidents.detail.resolution")}
        hint={t("staffIncidents.detail.resolutionHint")}
        rows={4}
      />
      <Button>{t("staffIncidents.detail.resolve")}</Button>
    </Form>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function StaffIncident() {
  const { t } = useTranslation();
  const { incident: i, staff, selfId, notice } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff/incidents" className="text-sm font-medium text-brand-700 underline">
          ← {t("staffIncidents.detail.back")}
        </Link>
      </p>
      <PageHeader
        title={t("staffIncidents.detail.heading", { category: t(`delivery.incidents.categories.${i.category}`) })}
        lead={
          <span className="flex flex-wrap items-center gap-2">
            <IncidentStatusBadge status={i.status} />
            <span>{t("staffIncidents.detail.raisedOn", { date: formatDateTime(i.createdAt) })}</span>
          </span>
        }
      />
      <StaleAlert />
      {notice ? (
        <Alert tone="success" role="status">
          {t(`staffIncidents.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card>
            <h2 className="text-lg font-semibold">{t("staffIncidents.detail.incident")}</h2>
            <p className="mt-2 whitespace-pre-line">{i.description}</p>
            <dl className="mt-4 grid gap-3 sm:grid-cols-2">
              <Detail label={t("staffIncidents.detail.raisedBy")}>
                {i.raiserName} ({t(`delivery.timeline.sides.${i.raisedBySide}`)})
                <a href={`mailto:${i.raiserEmail}`} className="block break-all text-brand-700 underline">
                  {i.raiserEmail}
                </a>
              </Detail>
              <Detail label={t("staffIncidents.assignee")}>
                {i.assigneeName ?? <span className="font-semibold text-red-800">{t("staffIncidents.unassigned")}</span>}
              </Detail>
              {i.resolution ? (
                <Detail label={t("staffIncidents.detail.resolution")}>
                  <span className="whitespace-pre-line">{i.resolution}</span>
                  {i.resolvedAt ? (
                    <span className="block text-sm text-slate-600">{formatDateTime(i.resolvedAt)}</span>
                  ) : null}
                </Detail>
              ) : null}
              {i.status === "resolved" ? (
                <Detail label={t("staffIncidents.detail.rating")}>
                  {i.handlingRating !== null
                    ? t("staffIncidents.detail.rated", { rating: i.handlingRating })
                    : t("staffIncidents.detail.notRated")}
                </Detail>
              ) : null}
            </dl>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("staffIncidents.detail.engagement")}</h2>
            <dl className="mt-2 grid gap-3 sm:grid-cols-2">
              <Detail label={t("engagement.need")}>
                <Link to={`/needs/${i.needId}`} className="text-brand-700 underline">
                  {i.needTitle}
                </Link>
              </Detail>
              <Detail label={t("staffIncidents.detail.engagementStatus")}>
                <Badge tone={i.engagementStatus === "terminated" ? "red" : "blue"}>
                  {t(`engagementStatuses.${i.engagementStatus}`)}
                </Badge>
              </Detail>
              <Detail label={t("engagement.sme")}>{i.smeName}</Detail>
              <Detail label={t("engagement.vendor")}>
                <Link to={`/staff/vendors/${i.vendorId}`} className="text-brand-700 underline">
                  {i.vendorName}
                </Link>
              </Detail>
            </dl>
            <p className="mt-4">
              <Link to={`/engagements/${i.engagementId}`} className="font-semibold text-brand-800 underline">
                {t("staffIncidents.detail.openEngagement")}
              </Link>
            </p>
          </Card>
        </div>
        <div className="space-y-6 lg:col-span-2">
          {i.status !== "resolved" ? (
            <>
              <Card>
                <h2 className="mb-3 text-lg font-semibold">{t("staffIncidents.detail.assignTitle")}</h2>
                <AssignForm staff={staff} selfId={selfId} assignedTo={i.assignedTo} />
              </Card>
              <Card>
                <h2 className="mb-3 text-lg font-semibold">{t("staffIncidents.detail.resolveTitle")}</h2>
                {i.status === "open" ? (
                  <p className="mb-3 text-sm text-slate-700">{t("staffIncidents.detail.resolveOpenHint")}</p>
                ) : null}
                <ResolveForm />
              </Card>
            </>
          ) : null}
          <section aria-labelledby="history">
            <h2 id="history" className="mb-3 text-lg font-semibold">
              {t("staffIncidents.detail.history")}
            </h2>
            <ol className="space-y-3">
              {i.history.map((h) => (
                <li key={`${h.kind}-${h.id}`} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                  <p>
                    <span className="font-medium">{t(`staffIncidents.history.${h.kind}`, h.params)}</span>
                    <span className="text-slate-600">
                      {" · "}
                      {h.actorName ?? t("delivery.timeline.system")} · {formatDateTime(h.at)}
                    </span>
                  </p>
                  {h.body ? <p className="mt-1 whitespace-pre-line">{h.body}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
