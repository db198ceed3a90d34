import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "~/utils/i18n-react";
import { timeRange } from "~/components/events/event-card";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/lib/format";
import { cancelRegistration, checkinUrl, getEventForViewer, registerForEvent } from "~/models/events.server";
import { getUser, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? ""} · Kết Nối Số` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = (await getUser(request)) ? await requireUser(request) : null;
  const view = getEventForViewer(params.eventId ?? "", user);
  // The QR code of a person's seat: a signed check-in link, drawn as SVG on the server.
  const qr =
    view.registration?.status === "registered"
      ? await QRCode.toString(checkinUrl(view.event.id, view.registration.id), {
          type: "svg",
          errorCorrectionLevel: "M",
          margin: 2,
        })
      : null;
  return json({
    ...view,
    qr,
    signedIn: !!user,
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

const NOTICES = [
  "registered",
  "waitlisted",
  "cancelled",
  "deadline_passed",
  "not_published",
  "already_registered",
  "audience",
  "role",
  "started",
  "not_registered",
  "stale",
] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const eventId = params.eventId ?? "";
  const intent = (await request.formData()).get("intent");
  if (intent === "register") {
    const result = registerForEvent(eventId, user);
    return redirect(`/events/${eventId}?notice=${result.ok ? result.status : result.error}`);
  }
  if (intent === "cancel") {
    const result = cancelRegistration(eventId, user);
    return redirect(`/events/${eventId}?notice=${result.ok ? "cancelled" : result.error}`);
  }
  throw new Response("Bad request", { status: 400 });
}

export default function EventPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { event, registration } = data;
  const notice = (NOTICES as readonly string[]).includes(data.notice ?? "") ? data.notice : null;
  const good = notice === "registered" || notice === "waitlisted" || notice === "cancelled";
  const left = Math.max(0, event.capacity - data.registered);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/events" className="text-sm font-medium text-brand-700 underline">
          ← {t("events.title")}
        </Link>
      </p>
      <div className="flex flex-wrap gap-2">
        <Badge tone="blue">{t(`events.types.${event.type}`)}</Badge>
        <Badge>{t(`events.audiences.${event.audience}`)}</Badge>
        {event.status !== "published" ? (
          <Badge tone={event.status === "cancelled" ? "red" : "neutral"}>{t(`events.statuses.${event.status}`)}</Badge>
        ) : null}
      </div>
      <PageHeader
        title={event.title}
        lead={t("events.organisedBy", { organiser: t(`staffOrganisations.${event.organiser}`) })}
      />
      {notice ? (
        <Alert tone={good ? "success" : "warning"} role="status">
          {t(`events.notices.${notice}`)}
        </Alert>
      ) : null}
      {event.status === "cancelled" ? (
        <Alert tone="error">{t("events.cancelledBecause", { reason: event.cancelReason ?? "" })}</Alert>
      ) : null}
      <Card>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm font-medium text-slate-600">{t("events.when")}</dt>
            <dd>{timeRange(event.startsAt, event.endsAt)}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t("events.where")}</dt>
            <dd>
              {event.place ?? null}
              {event.place && event.hasOnlineLink ? <br /> : null}
              {event.hasOnlineLink ? (
                data.onlineUrl ? (
                  <a href={data.onlineUrl} className="text-brand-800 underline" rel="noopener noreferrer">
                    {t("events.joinOnline")}
                  </a>
                ) : (
                  <span className="text-slate-700">{t("events.onlineForRegistered")}</span>
                )
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t("events.deadline")}</dt>
            <dd>{formatDateTime(event.registrationDeadline)}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium text-slate-600">{t("events.seats")}</dt>
            <dd>
              {t("events.seatsLine", { registered: data.registered, capacity: event.capacity })}
              {data.waitlisted > 0 ? ` · ${t("events.waitingLine", { count: data.waitlisted })}` : null}
            </dd>
          </div>
        </dl>
        <div className="mt-4 whitespace-pre-line text-slate-800">{event.description}</div>
        {event.category ? (
          <p className="mt-4">
            <Link to={`/vendors?category=${event.category}`} className="font-medium text-brand-800 underline">
              {t("events.vendorsOf", { category: t(`categories.${event.category}`) })}
            </Link>
          </p>
        ) : null}
      </Card>

      {event.status === "published" ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("events.registration")}</h2>
          {registration ? (
            <div className="mt-2 space-y-4">
              {registration.status === "registered" ? (
                <>
                  <p>{t("events.youAreRegistered")}</p>
                  <p>
                    <a href={`/events/${event.id}/ics`} className={buttonClass("secondary")} download>
                      {t("events.addToCalendar")}
                    </a>
                  </p>
                  {data.qr ? (
                    <figure className="max-w-xs">
                      <div
                        role="img"
                        aria-label={t("events.qrLabel")}
                        className="w-48 [&>svg]:h-auto [&>svg]:w-full"
                        // Drawn on the server by the qrcode package from our own signed link: no user text.
                        dangerouslySetInnerHTML={{ __html: data.qr }}
                      />
                      <figcaption className="mt-1 text-sm text-slate-700">{t("events.qrCaption")}</figcaption>
                    </figure>
                  ) : null}
                </>
              ) : (
                <p>{t("events.youAreWaiting", { position: registration.waitlistPosition ?? 1 })}</p>
              )}
              {data.canCancel ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  <Button variant="danger">
                    {registration.status === "registered" ? t("events.cancelRegistration") : t("events.leaveWaitlist")}
                  </Button>
                </Form>
              ) : null}
            </div>
          ) : data.canRegister ? (
            <Form method="post" className="mt-2 space-y-2">
              <p className="text-slate-700">
                {left > 0 ? t("events.seatsLeft", { count: left }) : t("events.fullJoinWaitlist")}
              </p>
              <input type="hidden" name="intent" value="register" />
              <Button>{left > 0 ? t("events.register") : t("events.joinWaitlist")}</Button>
            </Form>
          ) : !data.signedIn ? (
            <p className="mt-2">
              <Link
                to={`/login?redirectTo=${encodeURIComponent(`/events/${event.id}`)}`}
                className={buttonClass("primary")}
              >
                {t("events.signInToRegister")}
              </Link>
            </p>
          ) : (
            <p className="mt-2 text-slate-700">
              {data.isStaff
                ? t("events.staffCannotRegister")
                : data.registrationRefusal
                  ? t(`events.notices.${data.registrationRefusal}`)
                  : t("events.notices.audience")}
            </p>
          )}
          {data.isStaff ? (
            <p className="mt-4">
              <Link to={`/staff/events/${event.id}`} className="font-medium text-brand-800 underline">
                {t("events.staff.manage")}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
