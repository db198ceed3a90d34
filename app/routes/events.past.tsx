import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { EventCard } from "~/components/events/event-card";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { listPastEvents } from "~/models/events.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "events.pastTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const page = pageParam(new URL(request.url));
  return json({ page, ...listPastEvents({ page }) });
}

export default function PastEvents() {
  const { t } = useTranslation();
  const { rows, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to="/events" className="text-sm font-medium text-brand-700 underline">
          ← {t("events.title")}
        </Link>
      </p>
      <PageHeader title={t("events.pastTitle")} />
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("events.nonePast")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
