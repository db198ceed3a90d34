import { useTranslation } from "~/utils/i18n-react";
import type { IncidentStatus } from "~/lib/incident-rules";
import { Badge } from "./ui/badge";

const TONES = { open: "red", in_progress: "amber", resolved: "green" } as const;

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`delivery.incidents.statuses.${status}`)}</Badge>;
}
