import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { EventCard } from "~/components/events/event-card";
import { Button } from "~/components/ui/button";
import { FilterSelect } from "~/components/ui/filter-select";
import { Card, PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { EVENT_TYPES, isMonth } from "~/lib/event-rules";
import { localMonth } from "~/lib/local-datetime";
import { pickOne } from "~/lib/query-params";
import { listUpcomingEvents } from "~/models/events.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "events.title");

/** The next twelve months, for the month filter. */
function nextMonths(now: number): string[] {
  const first = localMonth(now);
  const [y, m] = first.split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const month = m - 1 + i;
    return `${y + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageParam(url);
  const type = pickOne(EVENT_TYPES, url.searchParams.get("type")) ?? null;
  const rawMonth = url.searchParams.get("month");
  const month = isMonth(rawMonth) ? rawMonth : null;
  return json({ page, type, month, months: nextMonths(Date.now()), ...listUpcomingEvents({ type, month, page }) });
}

export default function Events() {
  const { t } = useTranslation();
  const { rows, total, page, pageCount, type, month, months } = useLoaderData<typeof loader>();
  const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("events.title")}
        lead={t("events.lead")}
        actions={
          <Link to="/events/past" className="text-sm font-medium text-brand-700 underline">
            {t("events.pastLink")}
          </Link>
        }
      />
      <Card>
        <Form method="get" className="grid gap-4 sm:grid-cols-3 sm:items-end" aria-label={t("events.filters")}>
          <FilterSelect
            name="type"
            label={t("events.fields.type")}
            value={type ?? ""}
            emptyLabel={t("events.anyType")}
            options={EVENT_TYPES.map((v) => ({ value: v, label: t(`events.types.${v}`) }))}
          />
          <FilterSelect
            name="month"
            label={t("events.month")}
            value={month ?? ""}
            emptyLabel={t("events.anyMonth")}
            options={months.map((m) => ({ value: m, label: monthLabel(m) }))}
          />
          <Button variant="secondary">{t("events.filter")}</Button>
        </Form>
      </Card>
      <p className="text-sm text-slate-700" role="status">
        {t("events.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("events.none")}</p>
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
