import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { formatDate, formatDateTime } from "~/lib/format";

export type EventSummary = {
  id: string;
  type: string;
  title: string;
  organiser: string;
  startsAt: number;
  endsAt: number;
  city: string | null;
  ward: string | null;
  online: boolean;
  inPerson: boolean;
  capacity: number;
  registered: number;
  status: string;
};

/** "08:30–11:30" on one day, or two full date-times when it spans days. */
export function timeRange(startsAt: number, endsAt: number): string {
  const start = formatDateTime(startsAt);
  const end = formatDateTime(endsAt);
  return formatDate(startsAt) === formatDate(endsAt) ? `${start}–${end.slice(11)}` : `${start} – ${end}`;
}

/** One event in a list: type, title, when, where, seats left. */
export function EventCard({ event, href = `/events/${event.id}` }: { event: EventSummary; href?: string }) {
  const { t } = useTranslation();
  const left = Math.max(0, event.capacity - event.registered);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="blue">{t(`events.types.${event.type}`)}</Badge>
        {event.online ? <Badge>{t("events.online")}</Badge> : null}
        {event.status === "published" ? (
          left > 0 ? (
            <Badge tone="green">{t("events.seatsLeft", { count: left })}</Badge>
          ) : (
            <Badge tone="amber">{t("events.full")}</Badge>
          )
        ) : (
          <Badge tone={event.status === "cancelled" ? "red" : "neutral"}>{t(`events.statuses.${event.status}`)}</Badge>
        )}
      </div>
      <h3 className="mt-2 text-lg font-semibold">
        <Link to={href} className="text-brand-800 underline">
          {event.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        <time dateTime={new Date(event.startsAt).toISOString()}>{timeRange(event.startsAt, event.endsAt)}</time>
      </p>
      <p className="text-sm text-slate-700">
        {event.inPerson ? [event.ward, event.city].filter(Boolean).join(", ") : t("events.onlineOnly")}
        {" · "}
        {t(`staffOrganisationsShort.${event.organiser}`)}
      </p>
    </li>
  );
}
