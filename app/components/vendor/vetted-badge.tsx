import { useTranslation } from "~/utils/i18n-react";
import { formatDate } from "~/lib/format";

/** "Vetted by HCA on dd/MM/yyyy, valid until dd/MM/yyyy". */
export function VettedBadge({
  vettedBy,
  vettedAt,
  vettingExpiresAt,
  compact = false,
}: {
  vettedBy: string | null;
  vettedAt: number | null;
  vettingExpiresAt: number | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (!vettedAt || !vettingExpiresAt) return null;
  const org = vettedBy ? t(`staffOrganisationsShort.${vettedBy}`) : "";
  return (
    <span className="inline-flex flex-wrap items-center gap-1 rounded-md bg-green-50 px-2 py-1 text-sm text-green-900 ring-1 ring-green-200">
      <span aria-hidden="true">✓</span>
      <span className="font-semibold">{t("vendors.badge.vetted", { org })}</span>
      {compact ? null : (
        <span>{t("vendors.badge.dates", { date: formatDate(vettedAt), until: formatDate(vettingExpiresAt) })}</span>
      )}
    </span>
  );
}
