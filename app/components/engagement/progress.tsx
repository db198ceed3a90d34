import { useTranslation } from "~/utils/i18n-react";
import { Card } from "~/components/ui/page";
import { engagementProgress, nextSteps, type NextStep } from "~/lib/engagement-progress";
import { formatDate, formatMoney } from "~/lib/format";
import type { View } from "./types";

/** Whether the party an incident was raised against has answered it (on the timeline). */
export function answeredIncidentIds(view: View): Set<string> {
  return new Set(
    view.timeline.filter((ev) => ev.kind === "incident_replied").map((ev) => String(ev.params.incident ?? "")),
  );
}

/** "1/3 mốc · 20.000.000 ₫ / 52.000.000 ₫ đã nghiệm thu · mốc tiếp theo 14/12/2026", with a bar. */
export function ProgressSummary({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const p = engagementProgress(view.engagement.milestones);
  const share = p.totalAmount > 0 ? Math.round((100 * p.acceptedAmount) / p.totalAmount) : 0;
  return (
    <div>
      <p className="text-slate-900">
        <span className="font-semibold">
          {t("engagementProgress.milestones", { done: p.accepted, count: p.count })}
        </span>
        {" · "}
        {t("engagementProgress.accepted", {
          done: formatMoney(p.acceptedAmount, lang),
          total: formatMoney(p.totalAmount, lang),
        })}
        {p.nextDueAt !== null && view.engagement.status === "active"
          ? ` · ${t("engagementProgress.nextDue", { date: formatDate(p.nextDueAt) })}`
          : ""}
      </p>
      <div
        role="progressbar"
        aria-label={t("engagementProgress.barLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-green-600" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

function stepHref(step: NextStep): string | null {
  switch (step.kind) {
    case "answer_incident":
      return `#incident-${step.incidentId}`;
    case "review_milestone":
    case "submit_milestone":
    case "wait_for_vendor":
    case "wait_for_sme":
      return "#milestones";
    case "write_review":
    case "reply_review":
    case "rate_sme":
      return "#review-section";
    case "decide_amendment":
      return null;
  }
}

function stepText(t: ReturnType<typeof useTranslation>["t"], step: NextStep): string {
  switch (step.kind) {
    case "answer_incident":
      return t("engagementProgress.next.answer_incident", {
        category: t(`delivery.incidents.categories.${step.category}`),
      });
    case "review_milestone":
      return step.daysLeft > 0
        ? t("engagementProgress.next.review_milestone", { milestone: step.milestone, count: step.daysLeft })
        : t("engagementProgress.next.review_milestone_late", { milestone: step.milestone });
    case "submit_milestone":
      return t(
        step.overdue ? "engagementProgress.next.submit_milestone_late" : "engagementProgress.next.submit_milestone",
        {
          milestone: step.milestone,
          date: formatDate(step.dueAt),
        },
      );
    case "wait_for_vendor":
      return t("engagementProgress.next.wait_for_vendor", { milestone: step.milestone, date: formatDate(step.dueAt) });
    case "wait_for_sme":
      return t("engagementProgress.next.wait_for_sme", { milestone: step.milestone, count: step.daysLeft });
    default:
      return t(`engagementProgress.next.${step.kind}`);
  }
}

/** The party's next step (and any others after it), or nothing for staff and a finished engagement. */
export function NextStepBanner({ view }: { view: View }) {
  const { t } = useTranslation();
  if (view.side !== "sme" && view.side !== "vendor") return null;
  const answered = answeredIncidentIds(view);
  const side = view.side;
  const steps = nextSteps(side, {
    status: view.engagement.status,
    milestones: view.engagement.milestones,
    incidents: view.incidents
      .filter((i) => i.status !== "resolved")
      .map((i) => ({ id: i.id, category: i.category, raisedBySide: i.raisedBySide, answered: answered.has(i.id) })),
    amendmentsToDecide: view.amendments.filter((a) => a.status === "proposed" && a.proposedBySide !== side).length,
    reviewed: view.review !== null,
    reviewReplied: Boolean(view.review?.reply),
    smeRated: view.smeRating !== null,
    now: view.now,
  });
  if (steps.length === 0) return null;
  const [first, ...rest] = steps;
  const waiting = first!.kind === "wait_for_vendor" || first!.kind === "wait_for_sme";
  const href = stepHref(first!);
  return (
    <section
      aria-labelledby="next-step-title"
      className={`rounded-md border-l-4 p-4 ${waiting ? "border-slate-400 bg-slate-50" : "border-brand-700 bg-brand-50"}`}
    >
      <h2 id="next-step-title" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {t(waiting ? "engagementProgress.waitingTitle" : "engagementProgress.nextTitle")}
      </h2>
      <p className="mt-1 text-lg font-semibold text-slate-900">
        {href ? (
          <a href={href} className="underline underline-offset-2">
            {stepText(t, first!)}
          </a>
        ) : (
          stepText(t, first!)
        )}
      </p>
      {rest.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
          {rest.map((step, i) => (
            <li key={i}>{stepText(t, step)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The summary card at the top of the engagement: parties, value, need, and the progress line. */
export function ProgressCard({ view, children }: { view: View; children: React.ReactNode }) {
  return (
    <Card>
      {children}
      <div className="mt-4 border-t border-slate-200 pt-4">
        <ProgressSummary view={view} />
      </div>
    </Card>
  );
}
