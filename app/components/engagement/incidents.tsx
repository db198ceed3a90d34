import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { formatDate, formatDateTime } from "~/lib/format";
import { INCIDENT_CATEGORIES } from "~/lib/incident-rules";
import { EngagementForm, useOpenOnError, useEngagementForm } from "./forms";
import { IncidentReplySchema, IncidentSchema, RateIncidentSchema } from "./schemas";
import type { View } from "./types";

type Incident = View["incidents"][number];

/** The engagement's incidents; a party raises one, and rates its handling once resolved. */
export function Incidents({ view }: { view: View }) {
  const { t } = useTranslation();
  const party = view.side === "sme" || view.side === "vendor";
  return (
    <Card>
      <h2 id="incidents" className="text-lg font-semibold">
        {t("delivery.incidents.title")}
      </h2>
      {view.incidents.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.incidents.none")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {view.incidents.map((i) => (
            <li key={i.id} id={`incident-${i.id}`} className="rounded-md border border-slate-200 p-3 text-sm">
              <p>
                <Badge tone={i.status === "resolved" ? "green" : "red"}>
                  {t(`delivery.incidents.statuses.${i.status}`)}
                </Badge>{" "}
                <span className="font-medium">{t(`delivery.incidents.categories.${i.category}`)}</span> ·{" "}
                {formatDate(i.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-line">{i.description}</p>
              <Replies view={view} incidentId={i.id} />
              {i.resolution ? <p className="mt-1 text-green-900">{i.resolution}</p> : null}
              {i.status !== "resolved" && party && view.side !== i.raisedBySide ? (
                <ReplyForm incidentId={i.id} />
              ) : null}
              <HandlingRating incident={i} side={view.side} />
            </li>
          ))}
        </ul>
      )}
      {party ? <RaiseIncidentForm /> : null}
    </Card>
  );
}

function RaiseIncidentForm() {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm("incident", IncidentSchema);
  const formOpen = useOpenOnError(form);
  return (
    <details className="mt-3" open={formOpen}>
      <summary className="cursor-pointer font-semibold text-red-800 underline">{t("delivery.incidents.raise")}</summary>
      <div className="mt-2">
        <p className="mb-2 text-sm text-slate-700">{t("delivery.incidents.explain")}</p>
        <EngagementForm form={form} intent="incident" submit={t("delivery.incidents.submit")} variant="danger">
          <SelectField
            meta={fields.category}
            label={t("delivery.incidents.category")}
            options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`delivery.incidents.categories.${c}`) }))}
            placeholder={t("form.choose")}
          />
          <TextareaField meta={fields.description} label={t("delivery.incidents.description")} rows={3} />
        </EngagementForm>
      </div>
    </details>
  );
}

/** Once resolved, the raiser rates how staff handled the incident, 1–5, once; staff see it. */
function HandlingRating({ incident: i, side }: { incident: Incident; side: View["side"] }) {
  const { t } = useTranslation();
  if (i.status !== "resolved") return null;
  if (i.handlingRating !== null) {
    return i.raisedByMe || side === "staff" ? (
      <p className="mt-2 text-slate-700">{t("staffIncidents.rating.given", { rating: i.handlingRating })}</p>
    ) : null;
  }
  if (!i.raisedByMe) return null;
  return <RateIncidentForm incidentId={i.id} />;
}

function RateIncidentForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm(`rate_incident-${incidentId}`, RateIncidentSchema);
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3">
      <p className="mb-2 text-slate-800">{t("staffIncidents.rating.ask")}</p>
      <EngagementForm
        form={form}
        intent="rate_incident"
        hidden={{ id: incidentId }}
        submit={t("staffIncidents.rating.submit")}
        variant="secondary"
      >
        <SelectField
          meta={fields.rating}
          label={t("staffIncidents.rating.label")}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`staffIncidents.rating.scale.${n}`) }))}
          placeholder={t("form.choose")}
        />
      </EngagementForm>
    </div>
  );
}

/** The answers on the incident's own timeline: each with who, which side, and when. */
function Replies({ view, incidentId }: { view: View; incidentId: string }) {
  const { t } = useTranslation();
  const replies = view.timeline
    .filter((ev) => ev.kind === "incident_replied" && String(ev.params.incident) === incidentId)
    .reverse();
  if (replies.length === 0) return null;
  return (
    <ol className="mt-2 space-y-2 border-l-2 border-brand-200 pl-3" aria-label={t("delivery.incidents.replies")}>
      {replies.map((r) => (
        <li key={r.id}>
          <p className="text-slate-600">
            <span className="font-medium text-slate-800">
              {t("delivery.incidents.replyBy", { name: r.actorName ?? "" })}
            </span>
            {r.actorSide ? ` (${t(`delivery.timeline.sides.${r.actorSide}`)})` : ""} · {formatDateTime(r.at)}
          </p>
          <p className="whitespace-pre-line">{r.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** The party the incident was raised against answers it, while it is not resolved. */
function ReplyForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm(`incident_reply-${incidentId}`, IncidentReplySchema);
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3">
      <EngagementForm
        form={form}
        intent="incident_reply"
        hidden={{ id: incidentId }}
        submit={t("delivery.incidents.replySubmit")}
        variant="secondary"
      >
        <TextareaField
          meta={fields.body}
          label={t("delivery.incidents.replyLabel")}
          hint={t("delivery.incidents.replyHint")}
          rows={3}
        />
      </EngagementForm>
    </div>
  );
}
