import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/page";
import { reviewDaysLeft } from "~/lib/delivery-rules";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "~/lib/format";
import { INCIDENT_CATEGORIES } from "~/lib/incident-rules";
import type { loader } from "~/routes/engagements.$engagementId";
import { ActionForm, Input, Select, TextArea } from "./forms";

type Data = SerializeFrom<typeof loader>;
type Engagement = Data["engagement"];
type Delivery = Data["delivery"];

function useLang() {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "vi";
}

export function EngagementDelivery({ engagement, delivery }: { engagement: Engagement; delivery: Delivery }) {
  const active = engagement.status === "active";
  return (
    <div className="space-y-6">
      <Milestones engagement={engagement} delivery={delivery} active={active} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Outcome delivery={delivery} />
        <Support delivery={delivery} />
      </div>
      {engagement.status === "completed" ? <ReviewSection delivery={delivery} /> : null}
      <Amendments engagement={engagement} delivery={delivery} active={active} />
      <Incidents delivery={delivery} />
      <Timeline delivery={delivery} />
    </div>
  );
}

function Milestones({ engagement, delivery, active }: { engagement: Engagement; delivery: Delivery; active: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("engagement.milestones")}</h2>
      <ol className="mt-3 space-y-3">
        {engagement.milestones.map((m, i) => {
          const overdue = (m.status === "pending" || m.status === "changes_requested") && m.dueAt < delivery.now;
          const submissions = delivery.submissions.filter((s) => s.milestoneId === m.id);
          return (
            <li key={m.id} className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
                <span className="font-medium">
                  {i + 1}. {m.title}
                </span>
                <span className="flex flex-wrap items-center gap-2 text-sm">
                  <span className={overdue ? "font-semibold text-red-700" : "text-slate-700"}>
                    {t(overdue ? "engagement.overdueSince" : "engagement.due", { date: formatDate(m.dueAt) })}
                  </span>
                  <span>{formatMoney(m.amount, lang)}</span>
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
                  {t("delivery.daysLeft", { count: reviewDaysLeft(m.submittedAt, delivery.now) })}
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
                        {delivery.files
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
              {active && delivery.side === "vendor" && (m.status === "pending" || m.status === "changes_requested") ? (
                <details className="mt-3">
                  <summary className="cursor-pointer font-semibold text-brand-800 underline">
                    {t(m.status === "pending" ? "delivery.submit" : "delivery.resubmit")}
                  </summary>
                  <div className="mt-2">
                    <ActionForm
                      intent="submit"
                      fields={{ id: m.id, milestoneId: m.id }}
                      submit={t("delivery.send")}
                      multipart
                    >
                      <TextArea id={`note-${m.id}`} name="note" label={t("delivery.note")} />
                      <Input
                        id={`link-${m.id}`}
                        name="link"
                        label={t("delivery.link")}
                        type="url"
                        required={false}
                        inputMode="url"
                      />
                      <div>
                        <label htmlFor={`files-${m.id}`} className="mb-1 block text-sm font-medium">
                          {t("delivery.files")}{" "}
                          <span className="font-normal text-slate-600">({t("form.optional")})</span>
                        </label>
                        <p id={`files-hint-${m.id}`} className="mb-1 text-sm text-slate-600">
                          {t("delivery.filesHint")}
                        </p>
                        <input
                          id={`files-${m.id}`}
                          name="files"
                          type="file"
                          multiple
                          aria-describedby={`files-hint-${m.id}`}
                          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
                          className="block w-full text-sm"
                        />
                      </div>
                    </ActionForm>
                  </div>
                </details>
              ) : null}
              {active && delivery.side === "sme" && m.status === "submitted" ? (
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <ActionForm
                    intent="decide"
                    fields={{ id: m.id, milestoneId: m.id, decision: "accept" }}
                    submit={t("delivery.accept")}
                  />
                  <details>
                    <summary className="cursor-pointer font-semibold text-amber-800 underline">
                      {t("delivery.requestChanges")}
                    </summary>
                    <div className="mt-2">
                      <ActionForm
                        intent="decide"
                        fields={{ id: `${m.id}-changes`, milestoneId: m.id, decision: "request_changes" }}
                        submit={t("delivery.sendBack")}
                        variant="secondary"
                      >
                        <TextArea id={`reason-${m.id}`} name="reason" label={t("delivery.reason")} />
                      </ActionForm>
                    </div>
                  </details>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

function Outcome({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const { before, after } = delivery.outcome;
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

function Support({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { estimate } = delivery.support;
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
          {estimate.capped ? <p className="mt-1 text-sm text-slate-700">{t("support.capped")}</p> : null}
          <p className="mt-2 text-xs text-slate-600">{t("support.disclaimer")}</p>
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.noSizeClass")}</p>
      )}
    </Card>
  );
}

const SCORES = ["quality", "schedule", "value", "communication"] as const;

function ReviewSection({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const { review, side, smeRating } = delivery;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("delivery.review.title")}</h2>
      {review ? (
        <div className="mt-2 space-y-2">
          <ul className="grid gap-1 sm:grid-cols-2">
            {SCORES.map((s) => (
              <li key={s}>
                {t(`delivery.review.${s}`)}: <strong>{review[s]}/5</strong>
              </li>
            ))}
            <li>
              {t("delivery.review.recommend")}: <strong>{review.recommend}/10</strong>
            </li>
          </ul>
          <p className="whitespace-pre-line">{review.comment}</p>
          {review.reply ? (
            <p className="rounded-md bg-slate-50 p-2 text-sm">
              <span className="font-medium">{t("delivery.review.reply")}:</span> {review.reply}
            </p>
          ) : side === "vendor" ? (
            <ActionForm intent="reply" submit={t("delivery.review.replySubmit")} variant="secondary">
              <TextArea id="reply" name="reply" label={t("delivery.review.replyLabel")} />
            </ActionForm>
          ) : null}
        </div>
      ) : side === "sme" ? (
        <div className="mt-2">
          <p className="mb-3 text-sm text-slate-700">{t("delivery.review.ask")}</p>
          <ActionForm intent="review" submit={t("delivery.review.submit")}>
            {SCORES.map((s) => (
              <fieldset key={s}>
                <legend className="text-sm font-medium">{t(`delivery.review.${s}`)}</legend>
                <div className="flex flex-wrap gap-3">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label key={n} className="flex min-h-11 items-center gap-1">
                      <input type="radio" name={s} value={n} required className="h-5 w-5" />
                      {n}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <Select
              id="recommend"
              name="recommend"
              label={t("delivery.review.recommend")}
              options={Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }))}
            />
            <TextArea id="comment" name="comment" label={t("delivery.review.comment")} />
          </ActionForm>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.review.waiting")}</p>
      )}
      {side === "vendor" ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("delivery.rateSme.title")}</h3>
          {smeRating ? (
            <p className="text-sm">{t("delivery.rateSme.done", { rating: smeRating.rating })}</p>
          ) : (
            <ActionForm intent="rate_sme" submit={t("delivery.rateSme.submit")} variant="secondary">
              <p className="text-sm text-slate-700">{t("delivery.rateSme.explain")}</p>
              <Select
                id="rating"
                name="rating"
                label={t("delivery.rateSme.rating")}
                options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
              />
              <TextArea id="sme-comment" name="comment" label={t("delivery.review.comment")} required={false} />
            </ActionForm>
          )}
        </div>
      ) : side === "staff" && smeRating ? (
        <p className="mt-4 text-sm">
          {t("delivery.rateSme.staffView", { rating: smeRating.rating, comment: smeRating.comment ?? "" })}
        </p>
      ) : null}
    </Card>
  );
}

function Amendments({ engagement, delivery, active }: { engagement: Engagement; delivery: Delivery; active: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const party = delivery.side === "sme" || delivery.side === "vendor";
  const open = engagement.milestones.filter((m) => m.status !== "accepted");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("delivery.amendments.title")}</h2>
      {delivery.amendments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.amendments.none")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {delivery.amendments.map((a) => (
            <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-medium">
                {t(`delivery.amendments.kinds.${a.kind}`, {
                  milestone: a.milestoneTitle ?? a.newTitle ?? "",
                  amount: a.newAmount !== null ? formatMoney(a.newAmount, lang) : "",
                  date: a.newDueAt !== null ? formatDate(a.newDueAt) : "",
                })}
              </p>
              <p className="text-slate-700">{a.reason}</p>
              <p className="mt-1">
                <Badge tone={a.status === "accepted" ? "green" : a.status === "declined" ? "red" : "amber"}>
                  {t(`delivery.amendments.statuses.${a.status}`)}
                </Badge>{" "}
                <span className="text-slate-600">{t(`delivery.amendments.by.${a.proposedBySide}`)}</span>
              </p>
              {active && party && a.status === "proposed" && a.proposedBySide !== delivery.side ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  <ActionForm
                    intent="amend_decide"
                    fields={{ id: a.id, accept: "yes" }}
                    submit={t("delivery.amendments.accept")}
                  />
                  <ActionForm
                    intent="amend_decide"
                    fields={{ id: `${a.id}`, accept: "no" }}
                    submit={t("delivery.amendments.decline")}
                    variant="secondary"
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {active && party ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-semibold text-brand-800 underline">
            {t("delivery.amendments.propose")}
          </summary>
          <div className="mt-2 grid gap-4 lg:grid-cols-3">
            <ActionForm
              intent="amend"
              fields={{ kind: "amount", id: "amount" }}
              submit={t("delivery.amendments.send")}
              variant="secondary"
            >
              <Select
                id="am-m"
                name="milestoneId"
                label={t("delivery.amendments.milestone")}
                options={open.map((m) => ({ value: m.id, label: m.title }))}
              />
              <Input id="am-amount" name="newAmount" label={t("delivery.amendments.newAmount")} inputMode="numeric" />
              <TextArea id="am-reason" name="reason" label={t("delivery.amendments.reason")} />
            </ActionForm>
            <ActionForm
              intent="amend"
              fields={{ kind: "due_date", id: "due" }}
              submit={t("delivery.amendments.send")}
              variant="secondary"
            >
              <Select
                id="ad-m"
                name="milestoneId"
                label={t("delivery.amendments.milestone")}
                options={open.map((m) => ({ value: m.id, label: m.title }))}
              />
              <Input id="ad-date" name="newDueAt" type="date" label={t("delivery.amendments.newDueAt")} />
              <TextArea id="ad-reason" name="reason" label={t("delivery.amendments.reason")} />
            </ActionForm>
            <ActionForm
              intent="amend"
              fields={{ kind: "new_milestone", id: "new" }}
              submit={t("delivery.amendments.send")}
              variant="secondary"
            >
              <Input id="an-title" name="newTitle" label={t("delivery.amendments.newTitle")} />
              <Input id="an-amount" name="newAmount" label={t("delivery.amendments.newAmount")} inputMode="numeric" />
              <Input id="an-date" name="newDueAt" type="date" label={t("delivery.amendments.newDueAt")} />
              <TextArea id="an-reason" name="reason" label={t("delivery.amendments.reason")} />
            </ActionForm>
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function Incidents({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const party = delivery.side === "sme" || delivery.side === "vendor";
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("delivery.incidents.title")}</h2>
      {delivery.incidents.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.incidents.none")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {delivery.incidents.map((i) => (
            <li key={i.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p>
                <Badge tone={i.status === "resolved" ? "green" : "red"}>
                  {t(`delivery.incidents.statuses.${i.status}`)}
                </Badge>{" "}
                <span className="font-medium">{t(`delivery.incidents.categories.${i.category}`)}</span> ·{" "}
                {formatDate(i.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-line">{i.description}</p>
              {i.resolution ? <p className="mt-1 text-green-900">{i.resolution}</p> : null}
              <HandlingRating incident={i} side={delivery.side} />
            </li>
          ))}
        </ul>
      )}
      {party ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-semibold text-red-800 underline">
            {t("delivery.incidents.raise")}
          </summary>
          <div className="mt-2">
            <p className="mb-2 text-sm text-slate-700">{t("delivery.incidents.explain")}</p>
            <ActionForm intent="incident" submit={t("delivery.incidents.submit")} variant="danger">
              <Select
                id="inc-cat"
                name="category"
                label={t("delivery.incidents.category")}
                options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`delivery.incidents.categories.${c}`) }))}
              />
              <TextArea id="inc-desc" name="description" label={t("delivery.incidents.description")} />
            </ActionForm>
          </div>
        </details>
      ) : null}
    </Card>
  );
}

/** Once resolved, the raiser rates how staff handled the incident, 1–5, once; staff see it. */
function HandlingRating({ incident: i, side }: { incident: Delivery["incidents"][number]; side: Delivery["side"] }) {
  const { t } = useTranslation();
  if (i.status !== "resolved") return null;
  if (i.handlingRating !== null) {
    return i.raisedByMe || side === "staff" ? (
      <p className="mt-2 text-slate-700">{t("staffIncidents.rating.given", { rating: i.handlingRating })}</p>
    ) : null;
  }
  if (!i.raisedByMe) return null;
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3">
      <p className="mb-2 text-slate-800">{t("staffIncidents.rating.ask")}</p>
      <ActionForm
        intent="rate_incident"
        fields={{ id: i.id }}
        submit={t("staffIncidents.rating.submit")}
        variant="secondary"
      >
        <Select
          id={`inc-rate-${i.id}`}
          name="rating"
          label={t("staffIncidents.rating.label")}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`staffIncidents.rating.scale.${n}`) }))}
        />
      </ActionForm>
    </div>
  );
}

function Timeline({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const party = delivery.side === "sme" || delivery.side === "vendor";
  return (
    <Card>
      <h2 id="timeline" className="text-lg font-semibold">
        {t("delivery.timeline.title")}
      </h2>
      {party ? (
        <div className="mt-3">
          <ActionForm intent="message" submit={t("delivery.timeline.send")} variant="secondary">
            <TextArea id="message" name="body" label={t("delivery.timeline.message")} rows={2} />
          </ActionForm>
        </div>
      ) : null}
      <ol className="mt-4 space-y-3">
        {delivery.timeline.map((ev) => (
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
