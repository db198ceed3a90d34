import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { EventCard, type EventSummary } from "~/components/events/event-card";
import { ResourceCard, type ResourceSummary } from "~/components/resources/resource-card";
import { Card } from "~/components/ui/page";

/** On an assessment's result: guides for the weakest pillars, and upcoming events about their categories. */
export function RecommendedLearning({ guides, events }: { guides: ResourceSummary[]; events: EventSummary[] }) {
  const { t } = useTranslation();
  if (guides.length === 0 && events.length === 0) return null;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("resources.recommended.title")}</h2>
      <p className="mt-1 text-slate-700">{t("resources.recommended.lead")}</p>
      {guides.length ? (
        <>
          <h3 className="mt-4 font-semibold">{t("resources.recommended.guides")}</h3>
          <ul className="mt-2 grid gap-3 sm:grid-cols-2">
            {guides.map((r) => (
              <ResourceCard key={r.id} resource={r} />
            ))}
          </ul>
        </>
      ) : null}
      {events.length ? (
        <>
          <h3 className="mt-4 font-semibold">{t("resources.recommended.events")}</h3>
          <ul className="mt-2 grid gap-3 sm:grid-cols-2">
            {events.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </ul>
          <p className="mt-2">
            <Link to="/events" className="text-brand-800 underline">
              {t("events.home.allEvents")}
            </Link>
          </p>
        </>
      ) : null}
    </Card>
  );
}
