import { useTranslation } from "~/utils/i18n-react";
import { formatMoney } from "~/lib/format";

type Milestone = { title: string; dueOffsetDays: number; amount: number };

/** A bid's price, duration, validity and milestone plan, as a definition list. */
export function BidSummary({
  bid,
}: {
  bid: { total: number; durationDays: number; validityDays: number; approach: string; milestones: Milestone[] };
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <div className="space-y-3">
      <dl className="grid gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">{t("bids.fields.total")}</dt>
          <dd className="whitespace-nowrap text-lg font-semibold">{formatMoney(bid.total, lang)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("bids.fields.durationDays")}</dt>
          <dd>{t("bids.days", { count: bid.durationDays })}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("bids.fields.validityDays")}</dt>
          <dd>{t("bids.days", { count: bid.validityDays })}</dd>
        </div>
      </dl>
      <div>
        <p className="text-sm text-slate-600">{t("bids.fields.approach")}</p>
        <p className="whitespace-pre-line">{bid.approach}</p>
      </div>
      <div>
        <p className="text-sm text-slate-600">{t("bids.fields.milestones")}</p>
        <ol className="mt-1 space-y-1">
          {bid.milestones.map((m, i) => (
            <li
              key={i}
              className="flex flex-wrap justify-between gap-2 rounded border border-slate-200 px-3 py-2 text-sm"
            >
              <span>
                {i + 1}. {m.title}
              </span>
              <span className="text-slate-700">
                {t("bids.dayOffset", { count: m.dueOffsetDays })} · {formatMoney(m.amount, lang)}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
