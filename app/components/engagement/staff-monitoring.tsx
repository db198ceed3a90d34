import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { FlagText, SeverityBadge } from "~/components/flag-text";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/page";
import { formatDate } from "~/lib/format";
import { CheckboxField, TextareaField } from "~/components/ui/field";
import { EngagementForm, useOpenOnError, useEngagementForm } from "./forms";
import { TerminateSchema } from "./schemas";

type Flag = {
  id: string;
  code: string;
  severity: "low" | "medium" | "high";
  status: string;
  raisedAt: number;
  evidence: Record<string, unknown>;
};

/** What staff see on an engagement: its health, its flags, and termination. */
export function StaffMonitoring({
  active,
  monitoring,
}: {
  active: boolean;
  monitoring: { health: "green" | "amber" | "red"; flags: Flag[] };
}) {
  const { t } = useTranslation();
  const tone = { green: "green", amber: "amber", red: "red" } as const;
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("staffEngagements.monitoring")}</h2>
        <Badge tone={tone[monitoring.health]}>{t(`health.${monitoring.health}`)}</Badge>
      </div>
      {monitoring.flags.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("flags.none")}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {monitoring.flags.map((f) => (
            <li key={f.id} className="rounded-md border border-slate-200 p-3">
              <p className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <SeverityBadge severity={f.severity} />
                {t(`flags.statuses.${f.status}`)} · {formatDate(f.raisedAt)}
              </p>
              <Link to={`/staff/flags/${f.id}`} className="text-brand-800 hover:underline">
                <FlagText code={f.code} evidence={f.evidence} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {active ? <TerminateForm /> : null}
    </Card>
  );
}

function TerminateForm() {
  const { t } = useTranslation();
  const [form, fields] = useEngagementForm("terminate", TerminateSchema);
  const formOpen = useOpenOnError(form);
  return (
    <details className="mt-4" open={formOpen}>
      <summary className="cursor-pointer font-semibold text-red-800 underline">
        {t("staffEngagements.terminate.open")}
      </summary>
      <div className="mt-2">
        <EngagementForm form={form} intent="terminate" submit={t("staffEngagements.terminate.submit")} variant="danger">
          <TextareaField meta={fields.reason} label={t("staffEngagements.terminate.reason")} rows={3} />
          <CheckboxField meta={fields.confirm} label={t("staffEngagements.terminate.confirm")} />
        </EngagementForm>
      </div>
    </details>
  );
}
