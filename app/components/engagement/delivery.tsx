import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { TextareaField } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { isOverdue, isWithVendor, reviewDaysLeft } from "~/lib/delivery-rules";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "~/lib/format";
import { Amendments } from "./amendments";
import { EngagementForm, useEngagementForm } from "./forms";
import { Incidents } from "./incidents";
import { DecideMilestoneForms, SubmitMilestoneForm } from "./milestone-forms";
import { ReviewSection } from "./review-section";
import { MessageSchema } from "./schemas";
import type { View, ViewMilestone } from "./types";

function useLang() {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "vi";
}

/** The engagement page below its header: milestones, outcome, support, review, amendments, incidents, timeline. */
export function EngagementDelivery({ view }: { view: View }) {
  const { engagement } = view;
  const active = engagement.status === "active";
  const lang = useLang();
  return (
    <div className="space-y-6">
      <Milestones view={view} active={active} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Outcome view={view} />
        <Support view={view} />
      </div>
      {engagement.status === "completed" ? (
        <div id="review-section">
          <ReviewSection view={view} />
        </div>
      ) : null}
      <Amendments view={view} active={active} lang={lang} />
      <Incidents view={view} />
      <Timeline view={view} />
    </div>
  );
}

/** The dot of each milestone on the vertical timeline, by its state. */
const MILESTONE_DOTS: Record<ViewMilestone["status"], string> = {
  accepted: "border-green-600 bg-green-600 text-white",
  submitted: "border-brand-700 bg-brand-700 text-white",
  changes_requested: "border-amber-600 bg-amber-50 text-amber-900",
  pending: "border-slate-300 bg-white text-slate-700",
};

function Milestones({ view, active }: { view: View; active: boolean }) {
  const { engagement } = view;
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card>
      <h2 id="milestones" className="text-lg font-semibold">
        {t("engagement.milestones")}
      </h2>
      <ol className="mt-4">
        {engagement.milestones.map((m, i) => {
          const overdue = isOverdue(m, view.now);
          const submissions = view.submissions.filter((s) => s.milestoneId === m.id);
          const last = i === engagement.milestones.length - 1;
          return (
            <li key={m.id} className="relative pb-6 pl-10 last:pb-0">
              {last ? null : (
                <span
                  aria-hidden="true"
                  className={`absolute left-[0.9rem] top-8 h-[calc(100%-2rem)] w-0.5 ${m.status === "accepted" ? "bg-green-600" : "bg-slate-300"}`}
                />
              )}
              <span
                aria-hidden="true"
                className={`absolute left-0 top-0 flex h-8 w-8 items-center justify-center rounded-full border-2 text-sm font-semibold ${MILESTONE_DOTS[m.status]} ${overdue ? "ring-4 ring-red-100" : ""}`}
              >
                {m.status === "accepted" ? "✓" : i + 1}
              </span>
              <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between">
                <span className="pt-1 font-medium">
                  <span className="sr-only">{i + 1}. </span>
                  {m.title}
                </span>
                <span className="flex flex-wrap items-center gap-2 text-sm">
                  <span className={overdue ? "font-semibold text-red-700" : "text-slate-700"}>
                    {m.status === "accepted" && m.acceptedAt
                      ? t("delivery.acceptedOn", { date: formatDate(m.acceptedAt) })
                      : t(overdue ? "engagement.overdueSince" : "engagement.due", { date: formatDate(m.dueAt) })}
                  </span>
                  <span className="font-semibold tabular-nums">{formatMoney(m.amount, lang)}</span>
                  <Badge
                    tone={
                      m.status === "accepted"
                        ? "green"
                        : m.status === "changes_requested"
                          ? "amber"
                          : m.status === "submitted"
                            ? "blue"
                            : "neutral"
                    }
                  >
                    {t(`milestoneStatuses.${m.status}`)}
                  </Badge>
                </span>
              </div>
              {m.status === "submitted" && m.submittedAt ? (
                <p className="mt-1 text-sm text-slate-700">
                  {t("delivery.daysLeft", { count: reviewDaysLeft(m.submittedAt, view.now) })}
                </p>
              ) : null}
              {submissions.length ? (
                <ul className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3 text-sm">
                  {submissions.map((s) => (
                    <li key={s.id}>
                      <p>
                        <span className="font-medium">
                          {t("delivery.submittedOn", { date: formatDateTime(s.submittedAt) })}
                        </span>
                        : {s.note}
                      </p>
                      {s.link ? (
                        <a href={s.link} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                          {s.link}
                        </a>
                      ) : null}
                      <ul>
                        {view.files
                          .filter((f) => f.submissionId === s.id)
                          .map((f) => (
                            <li key={f.id}>
                              <a
                                href={`/engagements/${engagement.id}/files/${f.id}`}
                                className="text-brand-700 underline"
                              >
                                {f.fileName}
                              </a>{" "}
                              <span className="text-slate-600">
                                ({formatNumber(Math.max(1, Math.round(f.size / 1024)), lang)} KB)
                              </span>
                            </li>
                          ))}
                      </ul>
                      {s.decision ? (
                        <p className={s.decision === "accepted" ? "text-green-800" : "text-amber-800"}>
                          {t(`delivery.decisions.${s.decision}`)}
                          {s.decisionReason ? `: ${s.decisionReason}` : ""}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {active && view.side === "vendor" && isWithVendor(m.status) ? (
                <SubmitMilestoneForm engagementId={engagement.id} milestone={m} />
              ) : null}
              {active && view.side === "sme" && m.status === "submitted" ? (
                <DecideMilestoneForms milestone={m} />
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

function Outcome({ view }: { view: View }) {
  const { t } = useTranslation();
  const { before, after } = view.outcome;
  const show = (a: { level: number | null; completedAt: number | null } | null) =>
    a && a.level !== null
      ? `${t("delivery.level", { level: a.level })} · ${t(`dbiLevels.${a.level}`)} (${formatDate(a.completedAt ?? 0)})`
      : t("delivery.noAssessment");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("delivery.outcome")}</h2>
      <dl className="mt-2 space-y-2">
        <div>
          <dt className="text-sm text-slate-600">{t("delivery.before")}</dt>
          <dd>{show(before)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("delivery.after")}</dt>
          <dd>{show(after)}</dd>
        </div>
      </dl>
    </Card>
  );
}

function Support({ view }: { view: View }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { estimate } = view.support;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("support.title")}</h2>
      {estimate ? (
        <>
          <p className="mt-2 text-2xl font-bold text-brand-800">{formatMoney(estimate.amount, lang)}</p>
          <p className="mt-1 text-sm text-slate-700">
            {t(estimate.rule.key, {
              ...estimate.rule.values,
              cap: formatMoney(Number(estimate.rule.values.cap ?? 0), lang),
              claimed: formatMoney(Number(estimate.rule.values.claimed ?? 0), lang),
              remaining: formatMoney(Number(estimate.rule.values.remaining ?? 0), lang),
            })}
          </p>
          {view.support.year !== null && estimate.cap > 0 ? (
            <p className="mt-1 text-sm text-slate-700">
              {t("support.usedThisYear", {
                year: view.support.year,
                claimed: formatMoney(Number(estimate.rule.values.claimed ?? 0), lang),
                cap: formatMoney(estimate.cap, lang),
                left: formatMoney(Math.max(0, Number(estimate.rule.values.remaining ?? 0) - estimate.amount), lang),
              })}
            </p>
          ) : null}
          {estimate.capped ? <p className="mt-1 text-sm text-slate-700">{t("support.capped")}</p> : null}
          <p className="mt-2 text-xs text-slate-600">{t("support.disclaimer")}</p>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.noSizeClass")}</p>
      )}
    </Card>
  );
}

function Timeline({ view }: { view: View }) {
  const { t } = useTranslation();
  const party = view.side === "sme" || view.side === "vendor";
  return (
    <Card>
      <h2 id="timeline" className="text-lg font-semibold">
        {t("delivery.timeline.title")}
      </h2>
      {party ? (
        <div className="mt-3">
          {/* A new key once the message is on the timeline: the box is empty again for the next one. */}
          <MessageForm key={view.timeline[0]?.id ?? 0} />
        </div>
      ) : null}
      <ol className="mt-4 space-y-3">
        {view.timeline.map((ev) => (
          <li
            key={ev.id}
            className={`rounded-md p-3 text-sm ${ev.kind === "message" ? "bg-brand-50" : "border border-slate-200"}`}
          >
            <p>
              <span className="font-medium">{t(`delivery.timeline.kinds.${ev.kind}`, ev.params)}</span>
              <span className="text-slate-600">
                {" · "}
                {ev.actorName ?? t("delivery.timeline.system")}
                {ev.actorSide ? ` (${t(`delivery.timeline.sides.${ev.actorSide}`)})` : ""} · {formatDateTime(ev.at)}
              </span>
            </p>
            {ev.body ? <p className="mt-1 whitespace-pre-line">{ev.body}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

function MessageForm() {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm("message", MessageSchema);
  return (
    <EngagementForm form={form} intent="message" submit={t("delivery.timeline.send")} variant="secondary">
      <TextareaField meta={fields.body} label={t("delivery.timeline.message")} rows={2} />
    </EngagementForm>
  );
}
