import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { EventForm, EventSchema, eventDefaults, eventInputFrom } from "~/components/events/event-form";
import { refusalErrors } from "~/components/need-form";
import { Card, PageHeader } from "~/components/ui/page";
import { getEventForStaff, updateEvent } from "~/models/events.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "events.staff.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = getEventForStaff(params.eventId ?? "");
  if (event.status === "cancelled" || event.endsAt <= Date.now()) {
    throw redirect(`/staff/events/${event.id}?notice=notEditable`);
  }
  return json({ id: event.id, title: event.title, defaults: eventDefaults(event) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const event = getEventForStaff(params.eventId ?? "");
  const submission = parseWithZod(await request.formData(), { schema: EventSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = updateEvent(event.id, user, eventInputFrom(submission.value));
  if (!result.ok) return json(submission.reply(refusalErrors(result)), { status: 400 });
  return redirect(`/staff/events/${event.id}?notice=saved`);
}

export default function EditEvent() {
  const { t } = useTranslation();
  const { id, title: eventTitle, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link to={`/staff/events/${id}`} className="text-sm font-medium text-brand-700 underline">
          ← {eventTitle}
        </Link>
      </p>
      <PageHeader title={t("events.staff.editTitle")} lead={eventTitle} />
      <Card>
        <EventForm id={`event-${id}`} lastResult={lastResult} defaultValue={defaults} mode="edit" />
      </Card>
    </div>
  );
}
