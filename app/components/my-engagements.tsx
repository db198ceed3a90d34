import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/page";
import { formatDate, formatMoney } from "~/lib/format";

type EngagementRow = {
  id: string;
  status: string;
  total: number;
  awardedAt: number;
  needTitle: string;
  smeName: string;
  vendorName: string;
};
type BidRow = { needId: string; status: string; total: number; updatedAt: number; needTitle: string; deadline: number };

/** Each side's engagements, and a vendor's recent bids, on its home. */
export function MyEngagements({
  side,
  engagements,
  bids,
}: {
  side: "sme" | "vendor";
  engagements: EngagementRow[];
  bids: BidRow[] | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <h2 className="text-lg font-semibold">{t("me.engagements.title")}</h2>
        {engagements.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t(`me.engagements.none.${side}`)}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {engagements.map((e) => (
              <li key={e.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link to={`/engagements/${e.id}`} className="font-medium text-brand-800 underline">
                    {e.needTitle}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {side === "sme" ? e.vendorName : e.smeName} · {formatMoney(e.total, lang)} ·{" "}
                    {formatDate(e.awardedAt)}
                  </p>
                </div>
                <Badge tone="blue">{t(`engagementStatuses.${e.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {bids ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("me.bids.title")}</h2>
          {bids.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">
              {t("me.bids.none")}{" "}
              <Link to="/needs" className="font-medium text-brand-700 underline">
                {t("me.bids.toBoard")}
              </Link>
            </p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100">
              {bids.map((b) => (
                <li
                  key={b.needId + b.updatedAt}
                  className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <Link to={`/needs/${b.needId}`} className="font-medium text-brand-800 underline">
                      {b.needTitle}
                    </Link>
                    <p className="text-sm text-slate-700">
                      {formatMoney(b.total, lang)} · {t("me.bids.deadline", { date: formatDate(b.deadline) })}
                    </p>
                  </div>
                  <Badge>{t(`bidStatuses.${b.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}
