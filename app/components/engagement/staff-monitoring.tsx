import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FlagText, SeverityBadge } from "~/components/flag-text";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/page";
import { formatDate } from "~/lib/format";
import { ActionForm, TextArea } from "./forms";

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
  engagementId,
  active,
  monitoring,
}: {
  engagementId: string;
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
      {active ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold text-red-800 underline">
            {t("staffEngagements.terminate.open")}
          </summary>
          <div className="mt-2">
            <ActionForm
              intent="terminate"
              fields={{ id: engagementId }}
              submit={t("staffEngagements.terminate.submit")}
              variant="danger"
            >
              <TextArea id="terminate-reason" name="reason" label={t("staffEngagements.terminate.reason")} />
              <label className="flex items-start gap-2 text-sm" htmlFor="terminate-confirm">
                <input id="terminate-confirm" type="checkbox" name="confirm" required className="mt-1 h-5 w-5" />
                {t("staffEngagements.terminate.confirm")}
              </label>
            </ActionForm>
          </div>
        </details>
      ) : null}
    </Card>
  );
}
