import { json, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { BarChart } from "~/components/charts/bar-chart";
import { ChartFigure, FigureTable } from "~/components/charts/chart-figure";
import { DistributionChart } from "~/components/charts/distribution-chart";
import { MonthChart } from "~/components/charts/month-chart";
import { StackedBarChart } from "~/components/charts/stacked-bar-chart";
import { KeyFigure, KeyFigures, ReportSection, timeAndDate, useFigureFormat } from "~/components/reports/parts";
import { PageHeader } from "~/components/ui/page";
import { MIN_PUBLIC_GROUP, share } from "~/lib/report-figures";
import { formatMonth } from "~/lib/report-period";
import { getPublicStats } from "~/models/stats.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "stats.title");

export async function loader() {
  return json(await getPublicStats());
}

/** The city's own figures (docs/product.md §1), as its reports give them. */
const CONTEXT = [
  { key: "platforms", value: 0.7118 },
  { key: "econtracts", value: 0.802 },
  { key: "etax", value: 0.9521 },
] as const;

export default function Stats() {
  const { t } = useTranslation();
  const s = useLoaderData<typeof loader>();
  const f = useFigureFormat();
  const { time, date } = timeAndDate(s.computedAt);
  const hidden = t("stats.hidden");
  const onTime = share(s.engagements.milestonesOnTime, s.engagements.milestonesDue);
  const late = s.engagements.milestonesDue - s.engagements.milestonesOnTime;
  const privacyNote = (count: number) =>
    count > 0 ? t("stats.groupsHidden", { count, min: MIN_PUBLIC_GROUP }) : undefined;

  return (
    <div className="space-y-8">
      <PageHeader title={t("stats.title")} lead={t("stats.lead")} />
      <p className="text-sm text-slate-700">{t("stats.computedAt", { time, date })}</p>

      <KeyFigures>
        <KeyFigure label={t("stats.key.smesAssessed")} value={f.number(s.smesAssessed)} />
        <KeyFigure label={t("stats.key.vendorsVetted")} value={f.number(s.vendorsVetted)} />
        <KeyFigure label={t("stats.key.needsPosted")} value={f.number(s.needs.posted)} />
        <KeyFigure
          label={t("stats.key.needsAwarded")}
          value={f.number(s.needs.awarded)}
          note={
            s.needs.posted ? t("stats.key.ofPosted", { share: f.percent(s.needs.awarded / s.needs.posted) }) : undefined
          }
        />
        <KeyFigure label={t("stats.key.completed")} value={f.number(s.engagements.completed)} />
        <KeyFigure
          label={t("stats.key.onTime")}
          value={onTime === null ? "—" : f.percent(onTime)}
          note={t("stats.key.onTimeOf", {
            onTime: f.number(s.engagements.milestonesOnTime),
            due: f.number(s.engagements.milestonesDue),
          })}
        />
        <KeyFigure wide label={t("stats.key.value")} value={s.value.total === null ? hidden : f.money(s.value.total)} />
      </KeyFigures>

      <ReportSection id="levels" title={t("stats.levels.title")} lead={t("stats.levels.lead")}>
        <ChartFigure
          foldTable
          caption={t("stats.levels.caption")}
          note={privacyNote(s.levels.filter((l) => l.smes === null).length)}
          chart={
            <DistributionChart
              title={t("stats.levels.caption")}
              description={t("stats.levels.desc", { count: s.smesAssessed })}
              buckets={s.levels.map((l) => ({
                label: `${l.level} · ${t(`dbiLevels.${l.level}`)}`,
                value: l.smes ?? 0,
                hidden: l.smes === null,
              }))}
              total={s.smesAssessed}
              hiddenLabel={hidden}
              mean={s.averageLevel}
              meanLabel={
                s.averageLevel === null ? undefined : t("reports.smes.average", { value: f.decimal(s.averageLevel) })
              }
              format={f.number}
              formatShare={f.wholePercent}
            />
          }
          table={
            <FigureTable
              head={[t("reports.columns.level"), t("reports.columns.smes")]}
              numeric={[1]}
              rows={s.levels.map((l) => [
                `${l.level} · ${t(`dbiLevels.${l.level}`)}`,
                l.smes === null ? hidden : f.number(l.smes),
              ])}
            />
          }
        />
      </ReportSection>

      <ReportSection id="outcomes" title={t("stats.outcomes.title")} lead={t("stats.outcomes.lead")}>
        <p className="rounded-md bg-brand-50 p-3 text-slate-900">
          {s.outcomes.overall
            ? t("stats.outcomes.overall", {
                change: f.signed(s.outcomes.overall.change),
                count: s.outcomes.overall.engagements,
              })
            : t("stats.outcomes.none", { min: MIN_PUBLIC_GROUP })}
        </p>
        <ChartFigure
          foldTable
          caption={t("stats.outcomes.caption")}
          note={privacyNote(s.outcomes.suppressedCategories)}
          chart={
            <BarChart
              title={t("stats.outcomes.caption")}
              description={t("stats.outcomes.desc")}
              data={s.outcomes.byCategory.map((c) => ({ label: t(`categories.${c.category}`), value: c.change }))}
              format={f.signed}
              emptyText={t("stats.outcomes.categoriesNone", { min: MIN_PUBLIC_GROUP })}
            />
          }
          table={
            <FigureTable
              head={[t("reports.columns.category"), t("reports.columns.measured"), t("reports.columns.levelChange")]}
              numeric={[1, 2]}
              rows={s.outcomes.byCategory.map((c) => [
                t(`categories.${c.category}`),
                f.number(c.engagements),
                f.signed(c.change),
              ])}
            />
          }
        />
      </ReportSection>

      <ReportSection id="vendors" title={t("stats.vendors.title")} lead={t("stats.vendors.lead")}>
        <ChartFigure
          foldTable
          caption={t("stats.vendors.caption")}
          note={t("reports.vendors.categoryNote")}
          chart={
            <BarChart
              title={t("stats.vendors.caption")}
              description={t("stats.vendors.desc", { count: s.vendorsVetted })}
              data={s.vendorsByCategory.map((c) => ({ label: t(`categories.${c.category}`), value: c.vendors }))}
              format={f.number}
            />
          }
          table={
            <FigureTable
              head={[t("reports.columns.category"), t("reports.columns.vendors")]}
              numeric={[1]}
              rows={s.vendorsByCategory.map((c) => [t(`categories.${c.category}`), f.number(c.vendors)])}
            />
          }
        />
      </ReportSection>

      <ReportSection id="needs" title={t("stats.needs.title")} lead={t("stats.needs.lead")}>
        <ChartFigure
          foldTable
          caption={t("stats.needs.caption")}
          chart={
            <MonthChart
              kind="line"
              title={t("stats.needs.caption")}
              description={t("stats.needs.desc")}
              months={s.needs.months.map((m) => m.month)}
              series={[
                { label: t("stats.needs.posted"), values: s.needs.months.map((m) => m.posted) },
                { label: t("stats.needs.awarded"), values: s.needs.months.map((m) => m.awarded) },
              ]}
              format={f.number}
            />
          }
          table={
            <FigureTable
              head={[t("reports.columns.month"), t("stats.needs.posted"), t("stats.needs.awarded")]}
              numeric={[1, 2]}
              rows={s.needs.months.map((m) => [formatMonth(m.month), f.number(m.posted), f.number(m.awarded)])}
            />
          }
        />
      </ReportSection>

      <ReportSection id="engagements" title={t("stats.engagements.title")} lead={t("stats.engagements.lead")}>
        <div className="grid gap-8 lg:grid-cols-2">
          <ChartFigure
            foldTable
            caption={t("stats.engagements.byStatus")}
            chart={
              <BarChart
                orientation="vertical"
                title={t("stats.engagements.byStatus")}
                description={t("stats.engagements.byStatusDesc")}
                data={(["active", "completed", "terminated"] as const).map((k) => ({
                  label: t(`engagementStatuses.${k}`),
                  value: s.engagements[k],
                }))}
                format={f.number}
              />
            }
            table={
              <FigureTable
                head={[t("reports.columns.status"), t("reports.columns.engagements")]}
                numeric={[1]}
                rows={(["active", "completed", "terminated"] as const).map((k) => [
                  t(`engagementStatuses.${k}`),
                  f.number(s.engagements[k]),
                ])}
              />
            }
          />
          <ChartFigure
            foldTable
            caption={t("stats.engagements.milestones")}
            note={t("reports.engagements.onTimeNote")}
            chart={
              <StackedBarChart
                title={t("stats.engagements.milestones")}
                description={t("stats.engagements.milestonesDesc")}
                series={[t("stats.engagements.onTime"), t("stats.engagements.late")]}
                rows={[{ label: t("stats.engagements.allMilestones"), values: [s.engagements.milestonesOnTime, late] }]}
                format={f.number}
              />
            }
            table={
              <FigureTable
                head={[t("stats.engagements.milestones"), t("reports.columns.milestones")]}
                numeric={[1]}
                rows={[
                  [t("stats.engagements.onTime"), f.number(s.engagements.milestonesOnTime)],
                  [t("stats.engagements.late"), f.number(late)],
                ]}
              />
            }
          />
        </div>
      </ReportSection>

      <ReportSection id="value" title={t("stats.value.title")} lead={t("stats.value.lead")}>
        <ChartFigure
          foldTable
          caption={t("stats.value.caption")}
          note={privacyNote(s.value.suppressedSectors)}
          chart={
            <BarChart
              title={t("stats.value.caption")}
              description={t("stats.value.desc")}
              data={s.value.bySector.map((v) => ({ label: t(`sectors.${v.sector}`), value: v.value }))}
              format={f.money}
              emptyText={t("stats.value.none", { min: MIN_PUBLIC_GROUP })}
            />
          }
          table={
            <FigureTable
              head={[t("reports.columns.sector"), t("reports.columns.engagements"), t("reports.columns.value")]}
              numeric={[1, 2]}
              rows={s.value.bySector.map((v) => [t(`sectors.${v.sector}`), f.number(v.engagements), f.money(v.value)])}
            />
          }
        />
      </ReportSection>

      <ReportSection id="context" title={t("stats.context.title")} lead={t("stats.context.lead")}>
        <ChartFigure
          foldTable
          caption={t("stats.context.caption")}
          note={t("stats.context.source")}
          chart={
            <BarChart
              title={t("stats.context.caption")}
              description={t("stats.context.desc")}
              data={CONTEXT.map((c) => ({ label: t(`stats.context.${c.key}`), value: c.value }))}
              max={1}
              format={(v) => `${f.decimal(v * 100, 2)} %`}
            />
          }
          table={
            <FigureTable
              head={[t("stats.context.indicator"), t("stats.context.share")]}
              numeric={[1]}
              rows={CONTEXT.map((c) => [t(`stats.context.${c.key}`), `${f.decimal(c.value * 100, 2)} %`])}
            />
          }
        />
        <div>
          <h3 className="font-semibold text-slate-900">{t("stats.context.targets")}</h3>
          <KeyFigures>
            <KeyFigure label={t("stats.context.target2025")} value="25 %" />
            <KeyFigure label={t("stats.context.target2030")} value="40 %" />
          </KeyFigures>
          <p className="mt-2 text-sm text-slate-700">{t("stats.context.targetsSource")}</p>
        </div>
      </ReportSection>

      <p className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700">
        {t("stats.privacy", { min: MIN_PUBLIC_GROUP })}
      </p>
    </div>
  );
}
