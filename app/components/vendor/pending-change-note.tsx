import { useTranslation } from "~/utils/i18n-react";
import { Alert } from "~/components/ui/alert";
import { formatDate } from "~/lib/format";

/**
 * On the dossier's edit pages of a vetted vendor: in plain words, that an edit waits for staff and
 * the public page keeps the approved version meanwhile; and where the open change stands.
 */
export function PendingChangeNote({
  mode,
  change,
}: {
  mode: "live" | "pending" | "locked";
  change: { status: string; note: string | null; updatedAt: number } | null;
}) {
  const { t } = useTranslation();
  if (mode !== "pending") return null;
  return (
    <Alert tone={change?.status === "changes_requested" ? "warning" : "info"} role="status">
      <span className="block">{t("dossierChange.explain")}</span>
      {change?.status === "pending" ? (
        <span className="mt-1 block font-semibold">
          {t("dossierChange.waiting", { date: formatDate(change.updatedAt) })}
        </span>
      ) : null}
      {change?.status === "changes_requested" ? (
        <span className="mt-1 block font-semibold">{t("dossierChange.returned", { note: change.note ?? "" })}</span>
      ) : null}
    </Alert>
  );
}
