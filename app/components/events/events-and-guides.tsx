import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { EventCard, type EventSummary } from "~/components/events/event-card";
import { ResourceCard, type ResourceSummary } from "~/components/resources/resource-card";

/** The home page's "next events / newest guides" section. */
export function EventsAndGuides({ events, guides }: { events: EventSummary[]; guides: ResourceSummary[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="learn" className="space-y-4">
      <h2 id="learn" className="text-2xl font-bold">
        {t("events.home.title")}
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="text-lg font-semibold">{t("events.home.nextEvents")}</h3>
          {events.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("events.none")}</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {events.map((e) => (
                <EventCard key={e.id} event={e} />
              ))}
            </ul>
          )}
          <p className="mt-3">
            <Link to="/events" className="font-medium text-brand-800 underline">
              {t("events.home.allEvents")}
            </Link>
          </p>
        </div>
        <div>
          <h3 className="text-lg font-semibold">{t("events.home.newestGuides")}</h3>
          {guides.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("resources.none")}</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {guides.map((r) => (
                <ResourceCard key={r.id} resource={r} />
              ))}
            </ul>
          )}
          <p className="mt-3">
            <Link to="/resources" className="font-medium text-brand-800 underline">
              {t("events.home.allGuides")}
            </Link>
          </p>
        </div>
      </div>
    </section>
  );
}
