import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NeedStatusBadge } from "~/components/need-status-badge";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/page";
import { formatDate } from "~/lib/format";
import type { NeedStatus } from "~/lib/need-status";

export type SmeOverviewData = {
  assessment: { id: string; level: number; completedAt: number } | null;
  needs: { status: NeedStatus; count: number; needs: { id: string; title: string; deadline: number }[] }[];
};

/** On an SME's home: where it stands (the latest assessment) and its needs grouped by state. */
export function SmeOverview({ assessment, needs }: SmeOverviewData) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card>
        <h2 className="text-lg font-semibold">{t("assessment.home.title")}</h2>
        {assessment ? (
          <>
            <p className="mt-2 text-2xl font-bold text-brand-800">
              {t("assessment.levelLine", { level: assessment.level, name: t(`dbiLevels.${assessment.level}`) })}
            </p>
            <p className="text-sm text-slate-700">
              {t("assessment.home.takenOn", { date: formatDate(assessment.completedAt) })}
            </p>
            <Link to={`/assessment/${assessment.id}`} className={buttonClass("secondary", "mt-4")}>
              {t("assessment.seeResult")}
            </Link>
          </>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-700">{t("assessment.home.none")}</p>
            <Link to="/assessment" className={buttonClass("primary", "mt-4")}>
              {t("assessment.start")}
            </Link>
          </>
        )}
      </Card>
      <Card className="lg:col-span-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("needs.mine.title")}</h2>
          <Link to="/needs/new" className={buttonClass("primary")}>
            {t("needs.mine.create")}
          </Link>
        </div>
        {needs.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("needs.mine.empty")}</p>
        ) : (
          <div className="mt-3 space-y-4">
            {needs.map((group) => (
              <section key={group.status} aria-labelledby={`needs-${group.status}`}>
                <h3 id={`needs-${group.status}`} className="flex items-center gap-2 text-sm font-semibold">
                  <NeedStatusBadge status={group.status} />
                  <span>{t("needs.mine.groupCount", { count: group.count })}</span>
                </h3>
                <ul className="mt-1 space-y-1">
                  {group.needs.map((n) => (
                    <li key={n.id} className="text-sm">
                      <Link to={`/needs/${n.id}`} className="text-brand-800 underline">
                        {n.title}
                      </Link>
                      <span className="text-slate-600">
                        {" "}
                        · {t("needs.card.deadline", { date: formatDate(n.deadline) })}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            <Link to="/needs" className="inline-block text-sm font-medium text-brand-700 underline">
              {t("needs.mine.seeAll")}
            </Link>
          </div>
        )}
      </Card>
    </div>
  );
}
