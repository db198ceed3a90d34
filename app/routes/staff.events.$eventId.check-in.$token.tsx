import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, Narrow, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/lib/format";
import { checkinRegistration, getEventForStaff, markAttendance } from "~/models/events.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "events.checkIn.title");

/**
 * The page a staff member's phone opens from a registration's QR code: who it is, and one button
 * that marks them present (nothing changes on GET). A link that is not signed for this event is
 * refused.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const event = getEventForStaff(params.eventId ?? "");
  const person = checkinRegistration(event.id, params.token ?? "");
  return json({ event: { id: event.id, title: event.title }, person });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "staff");
  const event = getEventForStaff(params.eventId ?? "");
  const person = checkinRegistration(event.id, params.token ?? "");
  if (!person) throw new Response("Not found", { status: 404 });
  const result = markAttendance(event.id, person.id, user, true);
  return redirect(`/staff/events/${event.id}?notice=${result.ok ? "checkedIn" : result.error}#attendance`);
}

export default function CheckIn() {
  const { t } = useTranslation();
  const { event, person } = useLoaderData<typeof loader>();
  return (
    <Narrow>
      <PageHeader title={t("events.checkIn.title")} lead={event.title} />
      <Card>
        {!person ? (
          <Alert tone="error">{t("events.checkIn.invalid")}</Alert>
        ) : person.status !== "registered" ? (
          <Alert tone="warning">{t("events.checkIn.notRegistered", { name: person.name })}</Alert>
        ) : (
          <div className="space-y-3">
            <p className="text-lg font-semibold">{person.name}</p>
            <p className="text-slate-700">{person.organisation}</p>
            {person.attendedAt ? (
              <Alert tone="success">{t("events.checkIn.already", { at: formatDateTime(person.attendedAt) })}</Alert>
            ) : (
              <Form method="post">
                <Button>{t("events.checkIn.markPresent")}</Button>
              </Form>
            )}
          </div>
        )}
        <p className="mt-4">
          <Link to={`/staff/events/${event.id}#attendance`} className="text-brand-800 underline">
            {t("events.checkIn.backToList")}
          </Link>
        </p>
      </Card>
    </Narrow>
  );
}
