import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm";
import { FormErrors } from "~/components/ui/form-errors";
import { Card } from "~/components/ui/page";
import { useIntentResult } from "~/utils/use-intent-result";
import { BidSummary } from "./bid-summary";

type OwnBid = {
  status: string;
  total: number;
  durationDays: number;
  validityDays: number;
  approach: string;
  milestones: { title: string; dueOffsetDays: number; amount: number }[];
};

/** What a vendor can do about a need: why it cannot bid, or its own bid (and only its own). */
export function VendorBidPanel({
  needId,
  status,
  bidding,
}: {
  needId: string;
  status: string;
  bidding: { standing: string; ownBid: OwnBid | null };
}) {
  const { t } = useTranslation();
  const withdrawResult = useIntentResult("withdraw");
  const open = status === "open";
  const { ownBid, standing } = bidding;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("bids.vendorTitle")}</h2>
      {ownBid ? (
        <div className="mt-3 space-y-4">
          <p>
            <Badge tone={ownBid.status === "awarded" ? "green" : ownBid.status === "not_selected" ? "red" : "blue"}>
              {t(`bidStatuses.${ownBid.status}`)}
            </Badge>
          </p>
          <BidSummary bid={ownBid} />
          {open && ownBid.status === "submitted" ? (
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <Link to={`/needs/${needId}/bid`} className={buttonClass("primary")}>
                {t("bids.edit")}
              </Link>
              <div>
                <FormErrors id="withdraw-errors" errors={withdrawResult?.error?.[""] ?? undefined} />
                <ConfirmAction
                  label={t("bids.withdraw")}
                  question={t("bids.withdrawQuestion")}
                  confirmLabel={t("bids.withdrawConfirm")}
                  fields={{ intent: "withdraw", confirm: "on" }}
                />
              </div>
            </div>
          ) : null}
          {!open && ownBid.status === "submitted" ? (
            <p className="text-sm text-slate-700">{t("bids.lockedAfterDeadline")}</p>
          ) : null}
        </div>
      ) : standing !== "vetted" ? (
        <div className="mt-3">
          <Alert tone="warning">
            <p className="font-semibold">{t("bids.notVetted.title")}</p>
            <p className="mt-1">{t(`bids.notVetted.${standing}`, { defaultValue: t("bids.notVetted.draft") })}</p>
            <Link to="/me/dossier" className="mt-2 inline-block font-semibold underline">
              {t("bids.notVetted.action")}
            </Link>
          </Alert>
        </div>
      ) : open ? (
        <div className="mt-3 space-y-3">
          <p className="text-slate-700">{t("bids.invite")}</p>
          <Link to={`/needs/${needId}/bid`} className={buttonClass("primary")}>
            {t("bids.submit")}
          </Link>
        </div>
      ) : (
        <p className="mt-3 text-slate-700">{t("bids.closed")}</p>
      )}
    </Card>
  );
}
