import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import type { NeedStatus } from "~/lib/need-status";

const TONE = {
  draft: "neutral",
  open: "green",
  evaluating: "blue",
  awarded: "green",
  cancelled: "red",
  expired: "amber",
} as const satisfies Record<NeedStatus, string>;

export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`needStatuses.${status}`)}</Badge>;
}
