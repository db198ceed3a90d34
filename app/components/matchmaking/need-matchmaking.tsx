import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/page";
import { formatDate } from "~/lib/format";

/** On the owner's open need: the way to the recommended vendors, and how many were invited. */
export function NeedMatchmakingCard({ needId, invitedCount }: { needId: string; invitedCount: number }) {
  const { t } = useTranslation();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("matchmaking.needCard.title")}</h2>
      <p className="mt-1 text-slate-700">{t("matchmaking.needCard.lead")}</p>
      {invitedCount > 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("matchmaking.needCard.invited", { count: invitedCount })}</p>
      ) : null}
      <Link to={`/needs/${needId}/matches`} className={`${buttonClass("primary")} mt-3`}>
        {t("matchmaking.needCard.open")}
      </Link>
    </Card>
  );
}

/** On a need's page, for a vendor the owner invited. */
export function InvitedAlert({ sme, invitedAt }: { sme: string; invitedAt: number }) {
  const { t } = useTranslation();
  return <Alert tone="info">{t("matchmaking.youWereInvited", { sme, date: formatDate(invitedAt) })}</Alert>;
}
