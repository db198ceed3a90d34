import { useTranslation } from "~/utils/i18n-react";
import { Field, FileField, TextareaField } from "~/components/ui/field";
import { EngagementForm, useOpenOnError, useEngagementForm } from "./forms";
import { AcceptMilestoneSchema, RequestChangesSchema, SubmitMilestoneSchema } from "./schemas";
import type { ViewMilestone } from "./types";

const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx";

/** The vendor delivers a pending or sent-back milestone: a note, an optional link, files. */
export function SubmitMilestoneForm({
  engagementId,
  milestone: m,
}: {
  engagementId: string;
  milestone: ViewMilestone;
}) {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm(`submit-${m.id}`, SubmitMilestoneSchema);
  const formOpen = useOpenOnError(form);
  return (
    <details className="mt-3" open={formOpen}>
      <summary className="cursor-pointer font-semibold text-brand-800 underline">
        {t(m.status === "pending" ? "delivery.submit" : "delivery.resubmit")}
      </summary>
      <div className="mt-2">
        <EngagementForm
          form={form}
          intent="submit"
          hidden={{ milestoneId: m.id, status: m.status }}
          submit={t("delivery.send")}
          multipart
          // A body over the size limit is refused before it is read: the address still says which form.
          action={`/engagements/${engagementId}?milestone=${m.id}`}
        >
          <TextareaField meta={fields.note} label={t("delivery.note")} rows={3} />
          <Field meta={fields.link} label={t("delivery.link")} type="url" inputProps={{ inputMode: "url" }} />
          <FileField
            meta={fields.files}
            label={t("delivery.files")}
            hint={t("delivery.filesHint")}
            accept={ACCEPT}
            multiple
          />
        </EngagementForm>
      </div>
    </details>
  );
}

/** The SME accepts a submitted milestone, or sends it back with what to change. */
export function DecideMilestoneForms({ milestone: m }: { milestone: ViewMilestone }) {
  const { t } = useTranslation();
  const [accept] = useEngagementForm(`decide-${m.id}`, AcceptMilestoneSchema);
  const [changes, fields] = useEngagementForm(`decide-${m.id}-changes`, RequestChangesSchema);
  const changesOpen = useOpenOnError(changes);
  return (
    <div className="mt-3 grid gap-3 sm:grid-cols-2">
      <EngagementForm
        form={accept}
        intent="decide"
        hidden={{ milestoneId: m.id, status: m.status, decision: "accept" }}
        submit={t("delivery.accept")}
      />
      <details open={changesOpen}>
        <summary className="cursor-pointer font-semibold text-amber-800 underline">
          {t("delivery.requestChanges")}
        </summary>
        <div className="mt-2">
          <EngagementForm
            form={changes}
            intent="decide"
            hidden={{ milestoneId: m.id, status: m.status, decision: "request_changes" }}
            submit={t("delivery.sendBack")}
            variant="secondary"
          >
            <TextareaField meta={fields.reason} label={t("delivery.reason")} rows={3} />
          </EngagementForm>
        </div>
      </details>
    </div>
  );
}
