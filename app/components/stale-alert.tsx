import { useActionData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Alert } from "~/components/ui/alert";

/**
 * "Someone else changed this just before you": shown over the page as it now stands when the
 * action answered `{ stale: true }` (a transition refused as `stale`, app/models/transition.server.ts).
 * At the page's top rather than in the form, because the form may be gone: after a colleague's
 * decision there is nothing left to decide.
 */
export function StaleAlert() {
  const { t } = useTranslation();
  const data = useActionData<{ stale?: boolean }>();
  if (!data?.stale) return null;
  return (
    <Alert tone="warning" role="alert">
      {t("errors.stale")}
    </Alert>
  );
}
