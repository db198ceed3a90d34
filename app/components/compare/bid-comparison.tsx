import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { MatchReasons } from "~/components/matchmaking/match-score";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import type { BidMarkers, OnTimeRate } from "~/lib/compare";
import { formatDate, formatMoney, formatNumber, type Lang } from "~/lib/format";
import type { Reason } from "~/lib/matching";

export type ComparedBidView = {
  id: string;
  status: string;
  total: number;
  durationDays: number;
  approach: string;
  vendorId: string;
  vendorName: string;
  vettedAt: number | null;
  ratingAvg: number | null;
  ratingCount: number;
  milestones: { title: string; dueOffsetDays: number; amount: number }[];
  markers: BidMarkers;
  onTime: OnTimeRate;
  vettedBy: string | null;
  match: { score: number; reasons: Reason[] } | null;
};

type T = ReturnType<typeof useTranslation>["t"];

function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "vi";
}

function rating(t: T, lang: Lang, b: ComparedBidView) {
  return b.ratingAvg !== null
    ? t("vendors.rating", { rating: formatNumber(b.ratingAvg / 100, lang, 1), count: b.ratingCount })
    : t("vendors.noReviews");
}

function onTime(t: T, b: ComparedBidView) {
  return b.onTime.percent === null
    ? t("compare.onTimeNone")
    : t("compare.onTimeValue", { percent: b.onTime.percent, count: b.onTime.milestones });
}

function Markers({ markers }: { markers: BidMarkers }) {
  const { t } = useTranslation();
  if (!markers.lowest && !markers.withinBudget) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {markers.lowest ? <Badge tone="green">{t("compare.markers.lowest")}</Badge> : null}
      {markers.withinBudget ? <Badge tone="blue">{t("compare.markers.withinBudget")}</Badge> : null}
    </span>
  );
}

function Vetting({ b }: { b: ComparedBidView }) {
  const { t } = useTranslation();
  if (!b.vettedAt) return <>{t("compare.notVetted")}</>;
  return (
    <>
      {t("compare.vettedSince", {
        date: formatDate(b.vettedAt),
        org: b.vettedBy ? t(`staffOrganisationsShort.${b.vettedBy}`) : "—",
      })}
    </>
  );
}

function Match({ b }: { b: ComparedBidView }) {
  const { t } = useTranslation();
  if (!b.match) return <span className="text-slate-700">{t("matchmaking.compareNoScore")}</span>;
  return (
    <details>
      <summary className="cursor-pointer font-semibold text-brand-800 underline">
        {t("compare.matchValue", { score: b.match.score })}
      </summary>
      <div className="mt-2">
        <MatchReasons reasons={b.match.reasons} />
      </div>
    </details>
  );
}

function MilestoneList({ b }: { b: ComparedBidView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <ol className="space-y-1 text-sm">
      {b.milestones.map((m, i) => (
        <li key={i}>
          <span className="font-medium">
            {i + 1}. {m.title}
          </span>
          <span className="block text-slate-600">
            {t("bids.dayOffset", { count: m.dueOffsetDays })} · {formatMoney(m.amount, lang)}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Approach({ b }: { b: ComparedBidView }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary className="cursor-pointer text-brand-800 underline">{t("compare.seeApproach")}</summary>
      <p className="mt-2 whitespace-pre-line text-sm">{b.approach}</p>
    </details>
  );
}

/** Award (the primary action, through its confirmation page) and shortlist (secondary). */
function Actions({ needId, b, evaluating }: { needId: string; b: ComparedBidView; evaluating: boolean }) {
  const { t } = useTranslation();
  if (!evaluating) return null;
  return (
    <div className="flex flex-col gap-2">
      <Link
        to={`/needs/${needId}/award?bid=${b.id}`}
        className={buttonClass("primary", "w-full")}
        aria-label={t("compare.awardTo", { vendor: b.vendorName })}
      >
        {t("compare.award")}
      </Link>
      <Form method="post">
        <input type="hidden" name="bidId" value={b.id} />
        <input type="hidden" name="intent" value={b.status === "shortlisted" ? "unshortlist" : "shortlist"} />
        <Button variant="ghost" className="w-full">
          {t(b.status === "shortlisted" ? "compare.unshortlist" : "compare.shortlist")}
        </Button>
      </Form>
    </div>
  );
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (status === "submitted") return null;
  return (
    <Badge tone={status === "awarded" ? "green" : status === "shortlisted" ? "blue" : "neutral"}>
      {t(`bidStatuses.${status}`)}
    </Badge>
  );
}

/**
 * At 768 px and wider: one column per bid, the vendors in a header row that stays in view while
 * the rows scroll (inside the table's own box), the row names in a first column that stays too.
 */
export function BidTable({
  needId,
  bids,
  evaluating,
}: {
  needId: string;
  bids: ComparedBidView[];
  evaluating: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows: { key: string; label: string; cell: (b: ComparedBidView) => ReactNode }[] = [
    {
      key: "total",
      label: t("compare.rows.total"),
      cell: (b) => (
        <>
          <span className="whitespace-nowrap text-lg font-semibold">{formatMoney(b.total, lang)}</span>
          <Markers markers={b.markers} />
        </>
      ),
    },
    { key: "duration", label: t("compare.rows.duration"), cell: (b) => t("bids.days", { count: b.durationDays }) },
    { key: "rating", label: t("compare.rows.rating"), cell: (b) => rating(t, lang, b) },
    { key: "onTime", label: t("compare.rows.onTime"), cell: (b) => onTime(t, b) },
    { key: "vetting", label: t("compare.rows.vetting"), cell: (b) => <Vetting b={b} /> },
    { key: "match", label: t("compare.rows.match"), cell: (b) => <Match b={b} /> },
    { key: "milestones", label: t("compare.rows.milestones"), cell: (b) => <MilestoneList b={b} /> },
    { key: "approach", label: t("compare.rows.approach"), cell: (b) => <Approach b={b} /> },
  ];
  return (
    <div className="hidden max-h-[calc(100vh-6rem)] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
      <table className="w-full border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">{t("compare.tableCaption")}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky left-0 top-0 z-20 w-44 border-b border-slate-200 bg-slate-50 px-4 py-3 text-slate-600"
            >
              {t("compare.rows.vendor")}
            </th>
            {bids.map((b) => (
              <th
                key={b.id}
                scope="col"
                className={`sticky top-0 z-10 min-w-[13rem] border-b border-l border-slate-200 px-4 py-3 align-top ${b.status === "shortlisted" ? "bg-brand-50" : "bg-slate-50"}`}
              >
                <Link to={`/vendors/${b.vendorId}`} className="font-semibold text-brand-800 underline">
                  {b.vendorName}
                </Link>
                <span className="mt-1 block">
                  <StatusBadge status={b.status} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th
                scope="row"
                className="sticky left-0 border-b border-slate-100 bg-white px-4 py-3 align-top font-medium text-slate-600"
              >
                {row.label}
              </th>
              {bids.map((b) => (
                <td key={b.id} className="border-b border-l border-slate-100 px-4 py-3 align-top">
                  {row.cell(b)}
                </td>
              ))}
            </tr>
          ))}
          {evaluating ? (
            <tr>
              <th scope="row" className="sticky left-0 bg-white px-4 py-3 text-left">
                <span className="sr-only">{t("compare.rows.actions")}</span>
              </th>
              {bids.map((b) => (
                <td key={b.id} className="border-l border-slate-100 px-4 py-3 align-top">
                  <Actions needId={needId} b={b} evaluating={evaluating} />
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** Under 768 px: a compact line per bid (price · days · ★ · on time), each opening to the whole bid. */
export function BidList({
  needId,
  bids,
  evaluating,
}: {
  needId: string;
  bids: ComparedBidView[];
  evaluating: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <ul className="space-y-3 md:hidden" aria-label={t("compare.listLabel")}>
      {bids.map((b) => (
        <li
          key={b.id}
          className={`rounded-lg border bg-white shadow-sm ${b.status === "shortlisted" ? "border-brand-600" : "border-slate-200"}`}
        >
          <details>
            <summary className="cursor-pointer list-none p-4 [&::-webkit-details-marker]:hidden">
              <span className="flex items-start justify-between gap-2">
                <span className="font-semibold text-slate-900">{b.vendorName}</span>
                <StatusBadge status={b.status} />
              </span>
              <span className="mt-1 block text-sm text-slate-800">
                <span className="font-semibold">{formatMoney(b.total, lang)}</span> ·{" "}
                {t("bids.days", { count: b.durationDays })} ·{" "}
                {b.ratingAvg !== null ? `★ ${formatNumber(b.ratingAvg / 100, lang, 1)}` : t("compare.noRatingShort")} ·{" "}
                {b.onTime.percent === null
                  ? t("compare.onTimeShortNone")
                  : t("compare.onTimeShort", { percent: b.onTime.percent })}
              </span>
              <Markers markers={b.markers} />
              <span className="mt-2 block text-sm font-medium text-brand-700 underline">{t("compare.seeBid")}</span>
            </summary>
            <dl className="space-y-3 border-t border-slate-200 p-4 text-sm">
              <Row label={t("compare.rows.rating")}>{rating(t, lang, b)}</Row>
              <Row label={t("compare.rows.onTime")}>{onTime(t, b)}</Row>
              <Row label={t("compare.rows.vetting")}>
                <Vetting b={b} />
              </Row>
              <Row label={t("compare.rows.match")}>
                <Match b={b} />
              </Row>
              <Row label={t("compare.rows.milestones")}>
                <MilestoneList b={b} />
              </Row>
              <Row label={t("compare.rows.approach")}>
                <Approach b={b} />
              </Row>
              <p>
                <Link to={`/vendors/${b.vendorId}`} className="text-brand-800 underline">
                  {t("compare.vendorProfile")}
                </Link>
              </p>
            </dl>
          </details>
          {evaluating ? (
            <div className="border-t border-slate-200 p-4">
              <Actions needId={needId} b={b} evaluating={evaluating} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
