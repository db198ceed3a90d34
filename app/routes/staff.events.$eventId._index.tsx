import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { timeRange } from "~/components/events/event-card";
import { refusalErrors } from "~/components/need-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { TextareaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/lib/format";
import {
  ATTENDANCE_OPENS_BEFORE_MS,
  cancelEvent,
  getEventForStaff,
  markAttendance,
  publishEvent,
  registrationsFor,
} from "~/models/events.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { text } from "~/utils/validation";

export const meta: MetaFunction = (args) => title(args, "events.staff.manageTitle");

const CancelSchema = z.object({ intent: z.literal("cancel"), cancelReason: text(1000) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = getEventForStaff(params.eventId ?? "");
  const now = Date.now();
  return json({
    event,
    registered: registrationsFor(event.id, "registered"),
    waitlisted: registrationsFor(event.id, "waitlisted"),
    attendanceOpen: event.status === "published" && now >= event.startsAt - ATTENDANCE_OPENS_BEFORE_MS,
    // A constant from a .server module is undefined in the browser: the time comes from here.
    attendanceOpensAt: event.startsAt - ATTENDANCE_OPENS_BEFORE_MS,
    editable: event.status !== "cancelled" && event.endsAt > now,
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const event = getEventForStaff(params.eventId ?? "");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = (notice: string) => redirect(`/staff/events/${event.id}?notice=${notice}`);
  if (intent === "publish") {
    const result = publishEvent(event.id, user);
    return back(result.ok ? "published" : "refused");
  }
  if (intent === "present" || intent === "absent") {
    const result = markAttendance(event.id, String(formData.get("registrationId") ?? ""), user, intent === "present");
    return redirect(`/staff/events/${event.id}?notice=${result.ok ? intent : result.error}#attendance`);
  }
  const submission = parseWithZod(formData, { schema: CancelSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = cancelEvent(event.id, user, submission.value.cancelReason);
  if (!result.ok) return json(submission.reply(refusalErrors(result)), { status: 400 });
  return back("cancelled");
}

const NOTICES = [
  "published",
  "saved",
  "cancelled",
  "present",
  "absent",
  "too_early",
  "not_registered",
  "refused",
  "notEditable",
  "stale",
  "checkedIn",
];

export default function ManageEvent() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { event } = data;
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `cancel-event-${event.id}`,
    lastResult,
    constraint: getZodConstraint(CancelSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelSchema }),
  });
  const notice = data.notice && NOTICES.includes(data.notice) ? data.notice : null;
  const attended = data.registered.filter((r) => r.attendedAt !== null).length;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff/events" className="text-sm font-medium text-brand-700 underline">
          ← {t("events.staff.title")}
        </Link>
      </p>
      <div className="flex flex-wrap gap-2">
        <Badge tone="blue">{t(`events.types.${event.type}`)}</Badge>
        <Badge tone={event.status === "published" ? "green" : event.status === "cancelled" ? "red" : "neutral"}>
          {t(`events.statuses.${event.status}`)}
        </Badge>
      </div>
      <PageHeader
        title={event.title}
        lead={timeRange(event.startsAt, event.endsAt)}
        actions={
          <>
            <Link to={`/events/${event.id}`} className={buttonClass("secondary")}>
              {t("events.staff.publicPage")}
            </Link>
            {data.editable ? (
              <Link to={`/staff/events/${event.id}/edit`} className={buttonClass("secondary")}>
                {t("events.staff.edit")}
              </Link>
            ) : null}
          </>
        }
      />
      {notice ? (
        <Alert tone="info" role="status">
          {t(`events.staff.notices.${notice}`)}
        </Alert>
      ) : null}
      {event.status === "cancelled" ? (
        <Alert tone="error">{t("events.cancelledBecause", { reason: event.cancelReason ?? "" })}</Alert>
      ) : null}
      {event.status === "draft" ? (
        <Card>
          <p>{t("events.staff.draftExplain")}</p>
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="publish" />
            <Button>{t("events.staff.publish")}</Button>
          </Form>
        </Card>
      ) : null}

      <Card>
        <div id="attendance" className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h2 className="text-lg font-semibold">{t("events.staff.registered")}</h2>
            <p className="text-sm text-slate-700">
              {t("events.staff.registeredLine", {
                registered: data.registered.length,
                capacity: event.capacity,
                attended,
              })}
            </p>
          </div>
          <a href={`/staff/events/${event.id}/csv`} className={buttonClass("secondary")} download>
            {t("events.staff.downloadCsv")}
          </a>
        </div>
        {!data.attendanceOpen && event.status === "published" ? (
          <p className="mt-2 text-sm text-slate-700">
            {t("events.staff.attendanceOpensAt", {
              at: formatDateTime(data.attendanceOpensAt),
            })}
          </p>
        ) : null}
        {data.registered.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("events.staff.nobody")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {data.registered.map((r) => (
              <li key={r.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium">{r.name}</p>
                  <p className="text-sm text-slate-700">
                    {r.organisation} · {t(`roles.${r.role}`)} · {r.email}
                  </p>
                  {r.attendedAt ? (
                    <p className="text-sm text-green-800">
                      {t("events.staff.presentAt", { at: formatDateTime(r.attendedAt) })}
                    </p>
                  ) : null}
                </div>
                {data.attendanceOpen ? (
                  <Form method="post">
                    <input type="hidden" name="registrationId" value={r.id} />
                    {r.attendedAt ? (
                      <Button variant="secondary" name="intent" value="absent">
                        {t("events.staff.markAbsent", { name: r.name })}
                      </Button>
                    ) : (
                      <Button name="intent" value="present">
                        {t("events.staff.markPresent", { name: r.name })}
                      </Button>
                    )}
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">{t("events.staff.waitlist")}</h2>
        {data.waitlisted.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("events.staff.nobodyWaiting")}</p>
        ) : (
          <ol className="mt-3 list-decimal space-y-1 pl-6">
            {data.waitlisted.map((r) => (
              <li key={r.id}>
                {r.name} — {r.organisation} ({formatDateTime(r.queuedAt)})
              </li>
            ))}
          </ol>
        )}
      </Card>

      {data.editable ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("events.staff.cancelTitle")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("events.staff.cancelExplain")}</p>
          <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
            <ErrorSummary form={form} labels={{ cancelReason: t("events.staff.cancelReason") }} />
            <input type="hidden" name="intent" value="cancel" />
            <TextareaField meta={fields.cancelReason} label={t("events.staff.cancelReason")} rows={3} />
            <Button variant="danger">{t("events.staff.cancel")}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
