import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { NeedStatusBadge } from "~/components/need-status-badge";
import { RadarChart } from "~/components/radar-chart";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/page";
import type { RadarPillar } from "~/components/radar-chart";
import { formatDate } from "~/lib/format";
import type { NeedStatus } from "~/lib/need-status";
import { URGENT_REVIEW_DAYS, type SmeTask } from "~/lib/sme-tasks";

export type SmeOverviewData = {
  tasks: SmeTask[];
  idleStep: "take_assessment" | "post_need";
  assessment: { id: string; level: number; completedAt: number; pillars: RadarPillar[] } | null;
  needs: { status: NeedStatus; count: number; needs: { id: string; title: string; deadline: number }[] }[];
};

/** On an SME's home: what waits for it now, where it stands (its level), and its needs. */
export function SmeOverview({ tasks, idleStep, assessment, needs }: SmeOverviewData) {
  return (
    <div className="space-y-6">
      <TaskList tasks={tasks} idleStep={idleStep} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Level assessment={assessment} />
        <Needs needs={needs} />
      </div>
    </div>
  );
}

type Tag = { text: string; tone: "urgent" | "action" | "waiting" };

const TAG_TONES: Record<Tag["tone"], string> = {
  urgent: "bg-red-100 text-red-900",
  action: "bg-brand-100 text-brand-900",
  waiting: "bg-slate-100 text-slate-800",
};

/** The GOV.UK task-list pattern: each task a link with a line of context, and its status on the right. */
function TaskList({ tasks, idleStep }: { tasks: SmeTask[]; idleStep: SmeOverviewData["idleStep"] }) {
  const { t } = useTranslation();
  return (
    <Card>
      <h2 className="text-xl font-semibold">{t("smeTasks.title")}</h2>
      {tasks.length === 0 ? (
        <div className="mt-2">
          <p className="text-slate-800">{t("smeTasks.none")}</p>
          <p className="mt-1 text-sm text-slate-700">{t(`smeTasks.idle.${idleStep}.text`)}</p>
          <Link
            to={idleStep === "take_assessment" ? "/assessment" : "/needs/new"}
            className={buttonClass("primary", "mt-3")}
          >
            {t(`smeTasks.idle.${idleStep}.action`)}
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">{t("smeTasks.count", { count: tasks.length })}</p>
          <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
            {tasks.map((task, i) => (
              <TaskItem key={i} task={task} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function TaskItem({ task }: { task: SmeTask }) {
  const { t } = useTranslation();
  const { href, name, hint, tag } = describe(t, task);
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
      <div className="min-w-0">
        <Link to={href} className="font-semibold text-brand-800 underline underline-offset-2">
          {name}
        </Link>
        <p className="mt-0.5 break-words text-sm text-slate-700">{hint}</p>
      </div>
      <span
        className={`self-start whitespace-nowrap rounded px-2 py-1 text-xs font-semibold uppercase tracking-wide ${TAG_TONES[tag.tone]}`}
      >
        {tag.text}
      </span>
    </li>
  );
}

type T = ReturnType<typeof useTranslation>["t"];

function describe(t: T, task: SmeTask): { href: string; name: string; hint: string; tag: Tag } {
  switch (task.kind) {
    case "compare_bids":
      return {
        href: `/needs/${task.needId}/compare`,
        name: t("smeTasks.compare.name", { count: task.count }),
        hint: t("smeTasks.compare.hint", { title: task.title, date: formatDate(task.since) }),
        tag: { text: t("smeTasks.tags.decide"), tone: "action" },
      };
    case "review_milestone":
      return {
        href: `/engagements/${task.engagementId}#milestones`,
        name: t("smeTasks.review.name", { milestone: task.milestone }),
        hint:
          task.daysLeft > 0
            ? t("smeTasks.review.hint", { title: task.needTitle, count: task.daysLeft })
            : t("smeTasks.review.hintLate", { title: task.needTitle }),
        tag:
          task.daysLeft <= URGENT_REVIEW_DAYS
            ? { text: t("smeTasks.tags.urgent"), tone: "urgent" }
            : { text: t("smeTasks.tags.daysLeft", { count: task.daysLeft }), tone: "action" },
      };
    case "incident":
      return {
        href: `/engagements/${task.engagementId}#incidents`,
        name: t("smeTasks.incident.name", { category: t(`delivery.incidents.categories.${task.category}`) }),
        hint: t("smeTasks.incident.hint", { title: task.needTitle, date: formatDate(task.since) }),
        tag: task.raisedByUs
          ? { text: t("smeTasks.tags.beingHandled"), tone: "waiting" }
          : { text: t("smeTasks.tags.answer"), tone: "urgent" },
      };
    case "write_review":
      return {
        href: `/engagements/${task.engagementId}#review-section`,
        name: t("smeTasks.writeReview.name", { vendor: task.vendorName }),
        hint: t("smeTasks.writeReview.hint", { title: task.needTitle, date: formatDate(task.since) }),
        tag: { text: t("smeTasks.tags.todo"), tone: "action" },
      };
    case "retake_assessment":
      return {
        href: "/assessment",
        name: t("smeTasks.retake.name"),
        hint: t("smeTasks.retake.hint", { title: task.needTitle, date: formatDate(task.since) }),
        tag: { text: t("smeTasks.tags.todo"), tone: "action" },
      };
  }
}

function Level({ assessment }: { assessment: SmeOverviewData["assessment"] }) {
  const { t } = useTranslation();
  return (
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
          {assessment.pillars.length ? (
            <div className="mx-auto mt-2 max-w-[18rem]">
              <RadarChart pillars={assessment.pillars} />
            </div>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-2">
            <Link to={`/assessment/${assessment.id}`} className={buttonClass("secondary")}>
              {t("assessment.seeResult")}
            </Link>
            <Link to="/assessment" className={buttonClass("ghost")}>
              {t("smeTasks.retakeLink")}
            </Link>
          </div>
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
  );
}

function Needs({ needs }: { needs: SmeOverviewData["needs"] }) {
  const { t } = useTranslation();
  return (
    <Card className="lg:col-span-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("needs.mine.title")}</h2>
        <Link to="/needs/new" className={buttonClass("secondary")}>
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
  );
}
