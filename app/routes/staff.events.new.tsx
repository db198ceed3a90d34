import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { EventForm, EventSchema, eventInputFrom } from "~/components/events/event-form";
import { refusalErrors } from "~/components/need-form";
import { Card, PageHeader } from "~/components/ui/page";
import { createEvent } from "~/models/events.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "events.staff.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const submission = parseWithZod(await request.formData(), { schema: EventSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = createEvent(user, eventInputFrom(submission.value), {
    publish: submission.value.intent === "publish",
  });
  if (!result.ok) return json(submission.reply(refusalErrors(result)), { status: 400 });
  return redirect(
    `/staff/events/${result.eventId}?notice=${submission.value.intent === "publish" ? "published" : "saved"}`,
  );
}

export default function NewEvent() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl">
      <p>
        <Link to="/staff/events" className="text-sm font-medium text-brand-700 underline">
          ← {t("events.staff.title")}
        </Link>
      </p>
      <PageHeader title={t("events.staff.newTitle")} />
      <Card>
        <EventForm id="event-new" lastResult={lastResult} mode="new" />
      </Card>
    </div>
  );
}
