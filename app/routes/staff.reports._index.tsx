/**
 * The staff's programme report (docs/product.md §11): one page of sections over one period and
 * sector. Over 400 lines because it is one page whose sections share the loader's data, the figure
 * helper and the CSV links; the parts that stand alone are in components/reports and charts.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { BarChart } from "~/components/charts/bar-chart";
import { ChartFigure } from "~/components/charts/chart-figure";
import { DistributionChart } from "~/components/charts/distribution-chart";
import { MonthChart } from "~/components/charts/month-chart";
import {
  CsvLink,
  KeyFigure,
  KeyFigures,
  ReportSection,
  timeAndDate,
  useFigureFormat,
} from "~/components/reports/parts";
import { ReportTable } from "~/components/reports/report-table";
import { attendanceByEvent, type AttendanceRow } from "~/models/events.server";
import { Button, buttonClass } from "~/components/ui/button";
import { FilterSelect } from "~/components/ui/filter-select";
import { PageHeader } from "~/components/ui/page";
import { pickOne } from "~/lib/query-params";
import { SECTORS } from "~/lib/reference";
import { CLIENT_OUTCOME_MIN_ENGAGEMENTS, share } from "~/lib/report-figures";
import { formatMonth, parsePeriod } from "~/lib/report-period";
import { reportTables } from "~/lib/report-table-builders";
import type { ReportTableId, TableData } from "~/lib/report-tables";
import { getReport } from "~/models/report-tables.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "reports.title");

/** Attendance per event in the period (events that have started), as a report table. */
function attendanceTable(rows: AttendanceRow[]): TableData {
  return {
    columns: [
      { header: "reports.attendance.event", type: "text" },
      { header: "reports.attendance.date", type: "date" },
      { header: "reports.attendance.registered", type: "int" },
      { header: "reports.attendance.attended", type: "int" },
      { header: "reports.attendance.rate", type: "percent" },
    ],
    rows: rows.map((r) => [r.title, r.startsAt, r.registered, r.attended, r.rate]),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "staff");
  const url = new URL(request.url);
  const now = Date.now();
  const { period, errors, input } = parsePeriod(url.searchParams, now);
  const sector = pickOne(SECTORS, url.searchParams.get("sector"));
  const { computedAt, value: report } = await getReport(
    { start: period.start, end: period.end, months: period.months, sector },
    now,
  );
  const query = new URLSearchParams({ from: period.from, to: period.to, ...(sector ? { sector } : {}) }).toString();
  return json({
    period: { from: period.from, to: period.to, months: period.months },
    errors,
    input,
    sector,
    query,
    computedAt,
    // The aggregates only: the page builds its tables from them (reportTables), not sent twice.
    data: report.data,
    attendance: attendanceTable(attendanceByEvent({ start: period.start, end: period.end, now })),
  });
}

const SECTIONS = ["smes", "outcomes", "vendors", "needs", "engagements", "value", "attendance", "downloads"] as const;

export default function StaffReports() {
  const { t } = useTranslation();
  const { period, errors, input, sector, query, computedAt, data, attendance } = useLoaderData<typeof loader>();
  const tables = useMemo(() => reportTables(data), [data]);
  const f = useFigureFormat();
  const csv = (id: ReportTableId) => `/staff/reports/csv/${id}?${query}`;
  const range = `${formatMonth(period.from)} – ${formatMonth(period.to)}`;
  const values = { period: range };
  const months = period.months;

  /** A chart with its table and the table's CSV link. */
  const figure = (
    id: ReportTableId,
    caption: string,
    chart: JSX.Element,
    opts: { note?: string; wide?: boolean } = {},
  ) => (
    <ChartFigure
      caption={caption}
      chart={chart}
      stacked={opts.wide}
      note={opts.note}
      table={
        <>
          <ReportTable table={(tables as Record<string, TableData>)[id]!} caption={caption} />
          <CsvLink href={csv(id)} name={caption} />
        </>
      }
    />
  );

  const n = data.needs.total;
  const d = data.delivery.total;
  const o = data.outcomes;
  const awardedEngagements = data.statuses.reduce((s, r) => s + r.engagements, 0);
  const contracted = data.statuses.reduce((s, r) => s + r.value, 0);
  const onTime = share(d.milestonesOnTime, d.milestonesDue);

  return (
    <div className="space-y-8">
      <PageHeader title={t("reports.title")} lead={t("reports.lead")} />

      <Form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <MonthField
          name="from"
          label={t("reports.filters.from")}
          value={input.from || period.from}
          error={errors.from}
        />
        <MonthField name="to" label={t("reports.filters.to")} value={input.to || period.to} error={errors.to} />
        <FilterSelect
          name="sector"
          label={t("reports.filters.sector")}
          value={sector ?? ""}
          emptyLabel={t("reports.filters.allSectors")}
          options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
        />
        <div className="flex flex-wrap items-end gap-2">
          <Button>{t("reports.filters.apply")}</Button>
          <Link to="/staff/reports" className={buttonClass("ghost")}>
            {t("reports.filters.reset")}
          </Link>
        </div>
      </Form>

      <div className="space-y-2" role="status">
        <p className="font-semibold text-slate-900">
          {t("reports.showing", {
            period: range,
            sector: sector ? t(`sectors.${sector}`) : t("reports.filters.allSectors"),
          })}
        </p>
        <p className="text-sm text-slate-700">{t("reports.computedAt", timeAndDate(computedAt))}</p>
        {errors.from || errors.to ? <p className="text-sm text-red-700">{t("reports.errors.showingDefault")}</p> : null}
      </div>

      <nav aria-labelledby="contents" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="contents" className="text-sm font-semibold text-slate-900">
          {t("reports.contents")}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} className="inline-block py-1 text-brand-800 underline">
                {t(`reports.${s}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <KeyFigures>
        <KeyFigure label={t("reports.key.registered")} value={f.number(data.smes.total.registered)} />
        <KeyFigure label={t("reports.key.assessed")} value={f.number(data.smes.total.assessed)} />
        <KeyFigure label={t("reports.key.posted")} value={f.number(n.posted)} />
        <KeyFigure
          label={t("reports.key.shareAwarded")}
          value={n.posted ? f.percent(n.awarded / n.posted) : "—"}
          note={t("reports.key.awardedOf", { awarded: f.number(n.awarded), posted: f.number(n.posted) })}
        />
        <KeyFigure label={t("reports.key.engagements")} value={f.number(awardedEngagements)} />
        <KeyFigure
          label={t("reports.key.onTime")}
          value={onTime === null ? "—" : f.percent(onTime)}
          note={t("reports.key.onTimeOf", { onTime: f.number(d.milestonesOnTime), due: f.number(d.milestonesDue) })}
        />
        <KeyFigure wide label={t("reports.key.value")} value={f.money(contracted)} />
        <KeyFigure wide label={t("reports.key.support")} value={f.money(data.support.total.support)} />
      </KeyFigures>

      <ReportSection id="smes" title={t("reports.smes.title")} lead={t("reports.smes.lead")}>
        {figure(
          "smes",
          t("reports.smes.byMonth"),
          <MonthChart
            title={t("reports.smes.byMonth")}
            description={t("reports.smes.byMonthDesc", values)}
            months={months}
            series={[
              { label: t("reports.smes.registeredSeries"), values: data.smes.months.map((m) => m.registered) },
              { label: t("reports.smes.assessedSeries"), values: data.smes.months.map((m) => m.assessed) },
            ]}
            kind="line"
            format={f.number}
          />,
        )}
        {figure(
          "levels",
          t("reports.smes.levels"),
          <DistributionChart
            title={t("reports.smes.levels")}
            description={t("reports.smes.levelsDesc", { ...values, count: data.levels.smes })}
            buckets={data.levels.levels.map((l) => ({
              label: `${l.level} · ${t(`dbiLevels.${l.level}`)}`,
              value: l.smes,
            }))}
            mean={data.levels.average}
            meanLabel={
              data.levels.average === null
                ? undefined
                : t("reports.smes.average", { value: f.decimal(data.levels.average) })
            }
            format={f.number}
            formatShare={f.wholePercent}
          />,
        )}
      </ReportSection>

      <ReportSection id="outcomes" title={t("reports.outcomes.title")} lead={t("reports.outcomes.lead")}>
        <p className="rounded-md bg-brand-50 p-3 text-slate-900">
          {o.overall
            ? t("reports.outcomes.overall", {
                change: f.signed(o.overall.change),
                count: o.overall.engagements,
                completed: o.completed,
              })
            : t("reports.outcomes.none", { completed: o.completed })}
        </p>
        {figure(
          "outcomes-category",
          t("reports.outcomes.byCategory"),
          <BarChart
            title={t("reports.outcomes.byCategory")}
            description={t("reports.outcomes.byCategoryDesc", values)}
            data={o.byCategory.map((c) => ({ label: t(`categories.${c.category}`), value: c.change }))}
            format={f.signed}
            emptyText={t("reports.outcomes.noneShort")}
          />,
        )}
        {figure(
          "outcomes-vendor",
          t("reports.outcomes.byVendor"),
          <BarChart
            title={t("reports.outcomes.byVendor")}
            description={t("reports.outcomes.byVendorDesc", { ...values, min: CLIENT_OUTCOME_MIN_ENGAGEMENTS })}
            data={o.byVendor.map((v) => ({ label: v.vendorName, value: v.change }))}
            format={f.signed}
            emptyText={t("reports.outcomes.vendorEmpty", { min: CLIENT_OUTCOME_MIN_ENGAGEMENTS })}
          />,
          {
            note: t("reports.outcomes.vendorNote", {
              min: CLIENT_OUTCOME_MIN_ENGAGEMENTS,
              count: o.vendorsBelowMinimum,
            }),
          },
        )}
      </ReportSection>

      <ReportSection id="vendors" title={t("reports.vendors.title")} lead={t("reports.vendors.lead")}>
        {figure(
          "vendors",
          t("reports.vendors.standing"),
          <BarChart
            title={t("reports.vendors.standing")}
            description={t("reports.vendors.standingDesc", values)}
            data={(["approved", "vetted", "suspended", "expiring"] as const).map((m) => ({
              label: t(`reports.vendors.measures.${m}`),
              value: data.vendors[m],
            }))}
            format={f.number}
          />,
        )}
        {figure(
          "vendor-categories",
          t("reports.vendors.byCategory"),
          <BarChart
            title={t("reports.vendors.byCategory")}
            description={t("reports.vendors.byCategoryDesc")}
            data={data.vendorCategories.map((c) => ({ label: t(`categories.${c.category}`), value: c.vendors }))}
            format={f.number}
          />,
          { note: t("reports.vendors.categoryNote") },
        )}
      </ReportSection>

      <ReportSection id="needs" title={t("reports.needs.title")} lead={t("reports.needs.lead")}>
        <KeyFigures>
          <KeyFigure label={t("reports.needs.keyBids")} value={n.posted ? f.decimal(n.bids / n.posted, 2) : "—"} />
          <KeyFigure
            label={t("reports.needs.keyMedianDays")}
            value={n.medianDaysToAward === null ? "—" : t("reports.days", { value: f.decimal(n.medianDaysToAward) })}
          />
          <KeyFigure
            label={t("reports.needs.keyMeanDays")}
            value={n.meanDaysToAward === null ? "—" : t("reports.days", { value: f.decimal(n.meanDaysToAward) })}
          />
          <KeyFigure label={t("reports.needs.keyExpired")} value={f.number(n.expired)} />
        </KeyFigures>
        {figure(
          "needs",
          t("reports.needs.byMonth"),
          <MonthChart
            stacked
            title={t("reports.needs.byMonth")}
            description={t("reports.needs.byMonthDesc", values)}
            months={months}
            series={(["awarded", "cancelled", "expired", "pending"] as const).map((k) => ({
              label: t(`reports.needs.series.${k}`),
              values: data.needs.months.map((m) => m[k]),
            }))}
            format={f.number}
          />,
          { wide: true },
        )}
      </ReportSection>

      <ReportSection id="engagements" title={t("reports.engagements.title")} lead={t("reports.engagements.lead")}>
        <KeyFigures>
          <KeyFigure
            label={t("reports.engagements.keyRating")}
            value={d.averageRating === null ? "—" : f.decimal(d.averageRating, 2)}
            note={t("reports.engagements.reviews", { count: d.reviews })}
          />
          <KeyFigure label={t("reports.engagements.keyIncidents")} value={f.number(d.incidents)} />
          <KeyFigure label={t("reports.engagements.keyResolved")} value={f.number(d.incidentsResolved)} />
          <KeyFigure
            label={t("reports.engagements.keyResolution")}
            value={
              d.medianResolutionDays === null ? "—" : t("reports.days", { value: f.decimal(d.medianResolutionDays) })
            }
          />
        </KeyFigures>
        {figure(
          "engagement-status",
          t("reports.engagements.byStatus"),
          <BarChart
            orientation="vertical"
            title={t("reports.engagements.byStatus")}
            description={t("reports.engagements.byStatusDesc", values)}
            data={data.statuses.map((s) => ({ label: t(`engagementStatuses.${s.status}`), value: s.engagements }))}
            format={f.number}
          />,
        )}
        {figure(
          "delivery",
          t("reports.engagements.delivery"),
          <MonthChart
            title={t("reports.engagements.delivery")}
            description={t("reports.engagements.deliveryDesc", values)}
            months={months}
            series={[
              { label: t("reports.engagements.dueSeries"), values: data.delivery.months.map((m) => m.milestonesDue) },
              {
                label: t("reports.engagements.onTimeSeries"),
                values: data.delivery.months.map((m) => m.milestonesOnTime),
              },
            ]}
            format={f.number}
          />,
          { wide: true, note: t("reports.engagements.onTimeNote") },
        )}
      </ReportSection>

      <ReportSection id="value" title={t("reports.value.title")} lead={t("reports.value.lead")}>
        {figure(
          "value-sector",
          t("reports.value.bySector"),
          <BarChart
            title={t("reports.value.bySector")}
            description={t("reports.value.bySectorDesc", values)}
            data={data.bySector.map((s) => ({ label: t(`sectors.${s.sector}`), value: s.value }))}
            format={f.money}
          />,
        )}
        {figure(
          "value-month",
          t("reports.value.byMonth"),
          <MonthChart
            title={t("reports.value.byMonth")}
            description={t("reports.value.byMonthDesc", values)}
            months={months}
            series={[{ label: t("reports.columns.value"), values: data.byMonth.map((m) => m.value) }]}
            format={f.money}
          />,
        )}
        {figure(
          "support",
          t("reports.value.support"),
          <BarChart
            title={t("reports.value.support")}
            description={t("reports.value.supportDesc", values)}
            data={data.support.bySizeClass.map((r) => ({
              label: r.sizeClass === "unknown" ? t("reports.support.unknownSize") : t(`sizeClasses.${r.sizeClass}`),
              value: r.support,
            }))}
            format={f.money}
          />,
          { note: t("reports.value.supportNote") },
        )}
      </ReportSection>

      <ReportSection id="attendance" title={t("reports.attendance.title")} lead={t("reports.attendance.lead")}>
        <div className="overflow-x-auto">
          <ReportTable table={attendance} caption={t("reports.attendance.title")} />
        </div>
      </ReportSection>

      <ReportSection id="downloads" title={t("reports.downloads.title")} lead={t("reports.downloads.lead")}>
        <ul className="grid gap-x-6 sm:grid-cols-2">
          {(["engagements", ...Object.keys(tables)] as ReportTableId[]).map((id) => (
            <li key={id}>
              <CsvLink href={csv(id)} name={t(`reports.downloads.names.${id}`)} named />
            </li>
          ))}
        </ul>
        <div className="border-t border-slate-200 pt-4">
          <h3 className="font-semibold text-slate-900">{t("reports.downloads.ocdsTitle")}</h3>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("reports.downloads.ocdsLead")}</p>
          <a
            href="/staff/reports/ocds"
            download
            className="mt-2 inline-flex min-h-11 items-center text-sm font-semibold text-brand-800 underline"
          >
            {t("reports.downloads.ocds")}
          </a>
        </div>
      </ReportSection>
    </div>
  );
}

function MonthField({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  const { t } = useTranslation();
  const errorId = `${name}-error`;
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        type="month"
        id={name}
        name={name}
        defaultValue={value}
        placeholder="2026-01"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : `${name}-hint`}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600"
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {t(error)}
        </p>
      ) : (
        <p id={`${name}-hint`} className="sr-only">
          {t("reports.filters.monthHint")}
        </p>
      )}
    </div>
  );
}
