import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { EventCard } from "~/components/events/event-card";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { listEventsForStaff } from "~/models/events.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "events.staff.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const page = pageParam(new URL(request.url));
  return json({ page, ...listEventsForStaff({ page }) });
}

export default function StaffEvents() {
  const { t } = useTranslation();
  const { rows, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("events.staff.title")}
        lead={t("events.staff.lead")}
        actions={
          <>
            <Link to="/staff/events/new" className={buttonClass("primary")}>
              {t("events.staff.new")}
            </Link>
            <Link to="/staff/resources" className={buttonClass("secondary")}>
              {t("resources.staff.title")}
            </Link>
          </>
        }
      />
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("events.none")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map((e) => (
            <EventCard key={e.id} event={e} href={`/staff/events/${e.id}`} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
