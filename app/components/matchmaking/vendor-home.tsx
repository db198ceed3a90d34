import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { NeedStatusBadge } from "~/components/need-status-badge";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/page";
import { formatDate, formatMoney } from "~/lib/format";
import type { Reason } from "~/lib/matching";
import type { NeedStatus } from "~/lib/need-status";
import { MatchReasons } from "./match-score";

type Recommended = {
  needId: string;
  title: string;
  organisationName: string;
  budgetMin: number;
  budgetMax: number;
  deadline: number;
  score: number;
  reasons: Reason[];
};
type Invitation = { needId: string; title: string; organisationName: string; invitedAt: number; statusNow: NeedStatus };

/** The reasons that depend on the need (category, sector, price); the others are the vendor's own, the same for every need. */
const NEED_REASONS = 3;

/** On a vendor's home: the needs it was invited to, and the open needs that fit it best. */
export function VendorMatchmaking({
  vetted,
  recommended,
  invitations,
}: {
  vetted: boolean;
  recommended: Recommended[];
  invitations: Invitation[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <h2 className="text-lg font-semibold">{t("matchmaking.home.invitationsTitle")}</h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("matchmaking.home.invitationsNone")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {invitations.map((inv) => (
              <li key={inv.needId} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link to={`/needs/${inv.needId}`} className="font-medium text-brand-800 underline">
                    {inv.title}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {inv.organisationName} · {t("matchmaking.home.invitedOn", { date: formatDate(inv.invitedAt) })}
                  </p>
                </div>
                <span className="self-start sm:self-auto">
                  <NeedStatusBadge status={inv.statusNow} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("matchmaking.home.recommendedTitle")}</h2>
          <Link to="/needs" className="text-sm font-medium text-brand-700 underline">
            {t("matchmaking.home.board")}
          </Link>
        </div>
        {!vetted ? (
          <p className="mt-2 text-sm text-slate-700">{t("matchmaking.home.notVetted")}</p>
        ) : recommended.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("matchmaking.home.recommendedNone")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700">{t("matchmaking.home.recommendedLead")}</p>
            <ol className="mt-2 divide-y divide-slate-100">
              {recommended.map((n) => (
                <li key={n.needId} className="space-y-1 py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link to={`/needs/${n.needId}`} className="font-medium text-brand-800 underline">
                      {n.title}
                    </Link>
                    <Badge tone="blue">{t("match.score", { score: n.score })}</Badge>
                  </div>
                  <p className="text-sm text-slate-700">
                    {n.organisationName} · {formatMoney(n.budgetMin, lang)} – {formatMoney(n.budgetMax, lang)} ·{" "}
                    {t("matchmaking.home.closes", { date: formatDate(n.deadline) })}
                  </p>
                  <MatchReasons reasons={n.reasons.slice(0, NEED_REASONS)} />
                </li>
              ))}
            </ol>
          </>
        )}
      </Card>
    </div>
  );
}
