import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { DateInput } from "~/components/ui/date-input";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { MILESTONE_DELIVERED } from "~/lib/delivery-rules";
import { formatDate, formatMoney } from "~/lib/format";
import { EngagementForm, useOpenOnError, useEngagementForm } from "./forms";
import { AmendAmountSchema, AmendDueDateSchema, AmendNewMilestoneSchema, DecideAmendmentSchema } from "./schemas";
import type { View } from "./types";

type Amendment = View["amendments"][number];

/** Proposed changes to the plan, the other party's decision, and the forms to propose one. */
export function Amendments({ view, active, lang }: { view: View; active: boolean; lang: "vi" | "en" }) {
  const { t } = useTranslation();
  const party = view.side === "sme" || view.side === "vendor";
  const open = view.engagement.milestones
    .filter((m) => m.status !== MILESTONE_DELIVERED)
    .map((m) => ({ value: m.id, label: m.title }));
  const [amount, amountFields] = useEngagementForm("amend-amount", AmendAmountSchema);
  const [due, dueFields] = useEngagementForm("amend-due", AmendDueDateSchema);
  const [added, addedFields] = useEngagementForm("amend-new", AmendNewMilestoneSchema);
  const proposing = useOpenOnError(amount, due, added);
  const labels = {
    milestoneId: t("delivery.amendments.milestone"),
    newAmount: t("delivery.amendments.newAmount"),
    newDueAt: t("delivery.amendments.newDueAt"),
    newTitle: t("delivery.amendments.newTitle"),
    reason: t("delivery.amendments.reason"),
  };
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("delivery.amendments.title")}</h2>
      {view.amendments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("delivery.amendments.none")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {view.amendments.map((a) => (
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
              {active && party && a.status === "proposed" && a.proposedBySide !== view.side ? (
                <DecideAmendmentForms amendment={a} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {active && party ? (
        <details className="mt-3" open={proposing}>
          <summary className="cursor-pointer font-semibold text-brand-800 underline">
            {t("delivery.amendments.propose")}
          </summary>
          <div className="mt-2 grid gap-4 lg:grid-cols-3">
            <EngagementForm
              form={amount}
              intent="amend"
              hidden={{ kind: "amount" }}
              submit={t("delivery.amendments.send")}
              variant="secondary"
              labels={labels}
            >
              <SelectField
                meta={amountFields.milestoneId}
                label={t("delivery.amendments.milestone")}
                options={open}
                placeholder={t("form.choose")}
              />
              <Field
                meta={amountFields.newAmount}
                label={t("delivery.amendments.newAmount")}
                inputProps={{ inputMode: "numeric" }}
              />
              <TextareaField meta={amountFields.reason} label={t("delivery.amendments.reason")} rows={3} />
            </EngagementForm>
            <EngagementForm
              form={due}
              intent="amend"
              hidden={{ kind: "due_date" }}
              submit={t("delivery.amendments.send")}
              variant="secondary"
              labels={labels}
            >
              <SelectField
                meta={dueFields.milestoneId}
                label={t("delivery.amendments.milestone")}
                options={open}
                placeholder={t("form.choose")}
              />
              <DateInput meta={dueFields.newDueAt} legend={t("delivery.amendments.newDueAt")} />
              <TextareaField meta={dueFields.reason} label={t("delivery.amendments.reason")} rows={3} />
            </EngagementForm>
            <EngagementForm
              form={added}
              intent="amend"
              hidden={{ kind: "new_milestone" }}
              submit={t("delivery.amendments.send")}
              variant="secondary"
              labels={labels}
            >
              <Field meta={addedFields.newTitle} label={t("delivery.amendments.newTitle")} />
              <Field
                meta={addedFields.newAmount}
                label={t("delivery.amendments.newAmount")}
                inputProps={{ inputMode: "numeric" }}
              />
              <DateInput meta={addedFields.newDueAt} legend={t("delivery.amendments.newDueAt")} />
              <TextareaField meta={addedFields.reason} label={t("delivery.amendments.reason")} rows={3} />
            </EngagementForm>
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function DecideAmendmentForms({ amendment: a }: { amendment: Amendment }) {
  const { t } = useTranslation();
  const [accept] = useEngagementForm(`amend_decide-${a.id}`, DecideAmendmentSchema);
  const [decline] = useEngagementForm(`amend_decide-${a.id}-no`, DecideAmendmentSchema);
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <EngagementForm
        form={accept}
        intent="amend_decide"
        hidden={{ id: a.id, accept: "yes" }}
        submit={t("delivery.amendments.accept")}
      />
      <EngagementForm
        form={decline}
        intent="amend_decide"
        hidden={{ id: a.id, accept: "no" }}
        submit={t("delivery.amendments.decline")}
        variant="secondary"
      />
    </div>
  );
}
