import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { BarChart } from "~/components/charts/bar-chart";
import { ChartFigure, FigureTable } from "~/components/charts/chart-figure";
import { MonthChart } from "~/components/charts/month-chart";
import { StackedBarChart } from "~/components/charts/stacked-bar-chart";
import { timeAndDate, useFigureFormat } from "~/components/reports/parts";
import { PageHeader } from "~/components/ui/page";
import { formatDate } from "~/lib/format";
import { DAY_MS } from "~/lib/local-date";
import { HEALTH_FILTERS } from "~/lib/flag-options";
import { dashboard, OUTCOME_WINDOW_DAYS, type FirstItem, type TileKey, type TileTone } from "~/models/dashboard.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "staffHome.title");

/** What needs attention now: each figure is the count of the list it links to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "staff");
  const now = Date.now();
  const d = await dashboard(staff.id, now);
  const outcome = ({ engagements, before, after }: { engagements: number; before: number; after: number }) => ({
    engagements,
    before,
    after,
  });
  // Only what the page shows: the loader's data is sent again inside the HTML.
  return json({
    now,
    outcomeWindowDays: OUTCOME_WINDOW_DAYS,
    tiles: d.tiles,
    flagsByRule: d.flagsByRule,
    flagsByWeek: d.flagsByWeek,
    bySector: d.bySector,
    outcomes: {
      completed: d.outcomes.completed,
      overall: d.outcomes.overall ? outcome(d.outcomes.overall) : null,
      byCategory: d.outcomes.byCategory.map((c) => ({ category: c.category, ...outcome(c) })),
    },
    outcomesComputedAt: d.outcomesComputedAt,
    first: d.first,
  });
}

const VALUE_COLOUR: Record<TileTone, string> = {
  slate: "text-slate-900",
  red: "text-red-700",
  amber: "text-amber-800",
  green: "text-green-700",
};

function Tile({ href, label, value, tone = "slate" }: { href: string; label: string; value: number; tone?: TileTone }) {
  const { t } = useTranslation();
  return (
    <Link
      to={href}
      data-tile=""
      className="group block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
    >
      <span className="block text-sm font-medium text-brand-800 underline underline-offset-2 group-hover:no-underline">
        {label}
      </span>
      <span data-tile-value="" className={`mt-1 block text-3xl font-bold tabular-nums ${VALUE_COLOUR[tone]}`}>
        {value}
      </span>
      <span className="mt-1 block text-xs text-slate-700" aria-hidden="true">
        {t("staffHome.seeList")}
      </span>
    </Link>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Panel({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border border-slate-200 bg-white p-3 sm:p-5">{children}</div>;
}

function firstLink(item: FirstItem) {
  if (item.kind === "flag") return `/staff/flags/${item.id}`;
  if (item.kind === "dossier") return `/staff/vendors/${item.id}`;
  return `/staff/incidents/${item.id}`;
}

export default function StaffHome() {
  const { t } = useTranslation();
  const f = useFigureFormat();
  const { tiles, flagsByRule, flagsByWeek, bySector, outcomes, outcomesComputedAt, first, now, outcomeWindowDays } =
    useLoaderData<typeof loader>();
  const tile = (key: TileKey, label: string, tone: TileTone = "slate") => (
    <Tile href={tiles[key].href} label={label} value={tiles[key].count} tone={tiles[key].count ? tone : "slate"} />
  );
  const ruleOrder = ["high", "medium", "low"] as const;
  const weekLabels = flagsByWeek.map((w) => formatDate(w.weekStart).slice(0, 5));
  const healthLabels = HEALTH_FILTERS.map((h) => t(`health.${h}`));
  const o = outcomes.overall;
  const days = (since: number) => Math.max(0, Math.floor((now - since) / DAY_MS));
  return (
    <div className="space-y-8">
      <PageHeader title={t("staffHome.title")} lead={t("staffHome.lead")} />

      <Section id="first" title={t("staffHome.first.title")}>
        <Panel>
          {first.length === 0 ? (
            <p className="text-slate-700">{t("staffHome.first.empty")}</p>
          ) : (
            <ol className="divide-y divide-slate-200">
              {first.map((item) => (
                <li key={`${item.kind}-${item.id}`} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline">
                  <span className="shrink-0 text-sm font-semibold text-slate-700 sm:w-40">
                    {t(`staffHome.first.kinds.${item.kind}`)}
                  </span>
                  <Link
                    to={firstLink(item)}
                    className="min-w-0 break-words font-medium text-brand-800 underline underline-offset-2 hover:no-underline"
                  >
                    {item.kind === "flag"
                      ? t("staffHome.first.flag", {
                          rule: t(`flags.rules.${item.code}.title`),
                          subject: item.needTitle ?? item.vendorName ?? "",
                        })
                      : item.kind === "dossier"
                        ? item.vendorName
                        : t("staffHome.first.incident", {
                            category: t(`delivery.incidents.categories.${item.category}`),
                            need: item.needTitle,
                          })}
                  </Link>
                  <span className="shrink-0 text-sm text-slate-700 sm:ml-auto sm:pl-3">
                    {t("staffHome.first.waiting", { count: days(item.since) })}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
      </Section>

      <Section id="queues" title={t("staffHome.queues")}>
        <div className="grid gap-3 sm:grid-cols-3">
          {tile("vetting", t("staffHome.vetting"))}
          {tile("incidents", t("staffHome.incidents"), "red")}
          {tile("overdue", t("staffHome.overdue"), "amber")}
        </div>
      </Section>

      <Section id="flags" title={t("staffHome.flags")}>
        <div className="grid gap-3 sm:grid-cols-3">
          {tile("flags_high", t("flags.severities.high"), "red")}
          {tile("flags_medium", t("flags.severities.medium"), "amber")}
          {tile("flags_low", t("flags.severities.low"))}
        </div>
        <div className="mt-4 grid gap-4 xl:grid-cols-2">
          <Panel>
            <ChartFigure
              foldTable
              caption={t("staffHome.charts.byRule")}
              chart={
                <StackedBarChart
                  title={t("staffHome.charts.byRule")}
                  description={t("staffHome.charts.byRuleDesc")}
                  emptyText={t("staffHome.charts.noFlags")}
                  series={ruleOrder.map((s) => t(`flags.severities.${s}`))}
                  rows={flagsByRule.map((r) => ({
                    label: t(`flags.rules.${r.code}.title`),
                    values: ruleOrder.map((s) => r[s]),
                  }))}
                  format={f.number}
                />
              }
              table={
                <FigureTable
                  head={[t("staffHome.charts.rule"), ...ruleOrder.map((s) => t(`flags.severities.${s}`))]}
                  numeric={[1, 2, 3]}
                  rows={flagsByRule.map((r) => [
                    <Link
                      key={r.code}
                      to={`/staff/flags?status=active&code=${r.code}`}
                      className="text-brand-800 underline underline-offset-2"
                    >
                      {t(`flags.rules.${r.code}.title`)}
                    </Link>,
                    ...ruleOrder.map((s) => f.number(r[s])),
                  ])}
                />
              }
            />
          </Panel>
          <Panel>
            <ChartFigure
              stacked
              caption={t("staffHome.charts.byWeek")}
              chart={
                <MonthChart
                  stacked
                  title={t("staffHome.charts.byWeek")}
                  description={t("staffHome.charts.byWeekDesc")}
                  emptyText={t("staffHome.charts.noNewFlags")}
                  months={flagsByWeek.map((w) => String(w.weekStart))}
                  columnLabel={(_, i) =>
                    i % 2 === 0
                      ? [weekLabels[i]!, i === 0 ? formatDate(flagsByWeek[0]!.weekStart).slice(6) : null]
                      : null
                  }
                  series={ruleOrder.map((s) => ({
                    label: t(`flags.severities.${s}`),
                    values: flagsByWeek.map((w) => w[s]),
                  }))}
                  format={f.number}
                />
              }
              table={
                <FigureTable
                  head={[t("staffHome.charts.week"), ...ruleOrder.map((s) => t(`flags.severities.${s}`))]}
                  numeric={[1, 2, 3]}
                  rows={flagsByWeek.map((w) => [formatDate(w.weekStart), ...ruleOrder.map((s) => f.number(w[s]))])}
                />
              }
              foldTable
            />
          </Panel>
        </div>
      </Section>

      <Section id="health" title={t("staffHome.health")}>
        <div className="grid gap-3 sm:grid-cols-3">
          {tile("health_red", t("health.red"), "red")}
          {tile("health_amber", t("health.amber"), "amber")}
          {tile("health_green", t("health.green"), "green")}
        </div>
        <div className="mt-4">
          <Panel>
            <ChartFigure
              caption={t("staffHome.charts.bySector")}
              chart={
                <StackedBarChart
                  title={t("staffHome.charts.bySector")}
                  description={t("staffHome.charts.bySectorDesc")}
                  emptyText={t("staffHome.charts.noEngagements")}
                  series={healthLabels}
                  rows={bySector.map((r) => ({
                    label: t(`sectors.${r.sector}`),
                    values: HEALTH_FILTERS.map((h) => r[h]),
                  }))}
                  format={f.number}
                />
              }
              table={
                <FigureTable
                  head={[t("staffHome.charts.sector"), ...HEALTH_FILTERS.map((h) => t(`staffHome.healthShort.${h}`))]}
                  numeric={[1, 2, 3]}
                  rows={bySector.map((r) => [
                    <Link
                      key={r.sector}
                      to={`/staff/engagements?status=active&sector=${r.sector}`}
                      className="text-brand-800 underline underline-offset-2"
                    >
                      {t(`sectors.${r.sector}`)}
                    </Link>,
                    ...HEALTH_FILTERS.map((h) => f.number(r[h])),
                  ])}
                />
              }
            />
          </Panel>
        </div>
      </Section>

      <Section id="outcomes" title={t("staffHome.outcomes.title")}>
        <Panel>
          <ChartFigure
            caption={t("staffHome.outcomes.caption", { days: outcomeWindowDays })}
            chart={
              <BarChart
                title={t("staffHome.outcomes.caption", { days: outcomeWindowDays })}
                description={t("staffHome.outcomes.desc")}
                emptyText={t("staffHome.outcomes.none")}
                data={
                  o
                    ? [
                        { label: t("staffHome.outcomes.before"), value: o.before },
                        { label: t("staffHome.outcomes.after"), value: o.after },
                      ]
                    : []
                }
                max={5}
                format={(v) => f.decimal(v, 2)}
              />
            }
            table={
              <FigureTable
                head={[
                  t("staffHome.outcomes.group"),
                  t("staffHome.outcomes.engagements"),
                  t("staffHome.outcomes.before"),
                  t("staffHome.outcomes.after"),
                ]}
                numeric={[1, 2, 3]}
                rows={[
                  ...(o
                    ? [
                        [
                          t("staffHome.outcomes.all"),
                          f.number(o.engagements),
                          f.decimal(o.before, 2),
                          f.decimal(o.after, 2),
                        ],
                      ]
                    : []),
                  ...outcomes.byCategory.map((c) => [
                    t(`categories.${c.category}`),
                    f.number(c.engagements),
                    f.decimal(c.before, 2),
                    f.decimal(c.after, 2),
                  ]),
                ]}
              />
            }
            note={`${t("staffHome.outcomes.note", { count: outcomes.completed })} ${t(
              "staffHome.outcomes.computedAt",
              timeAndDate(outcomesComputedAt),
            )}`}
          />
        </Panel>
      </Section>
    </div>
  );
}
