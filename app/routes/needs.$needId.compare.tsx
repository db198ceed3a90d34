import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { BidList, BidTable } from "~/components/compare/bid-comparison";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page";
import { bidMarkers } from "~/lib/compare";
import { formatMoney } from "~/lib/format";
import { bidsOfNeed, setShortlisted, type ComparedBid } from "~/models/bids.server";
import { bidderFacts } from "~/models/compare.server";
import { matchesForVendors } from "~/models/matching.server";
import { getNeedForViewer } from "~/models/needs.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { parseShortlist } from "~/utils/button-forms.server";

export const meta: MetaFunction = (args) => title(args, "compare.title");

const SORTS = ["price", "duration", "rating"] as const;
type Sort = (typeof SORTS)[number];

function sortBids(bids: ComparedBid[], sort: Sort) {
  const key: Record<Sort, (b: ComparedBid) => number> = {
    price: (b) => b.total,
    duration: (b) => b.durationDays,
    rating: (b) => -(b.ratingAvg ?? -1),
  };
  return [...bids].sort((a, b) => key[sort](a) - key[sort](b) || a.total - b.total || a.id.localeCompare(b.id));
}

async function ownerNeed(request: Request, needId: string | undefined) {
  const user = await requireRole(request, "sme");
  const need = getNeedForViewer(needId ?? "", user);
  if (!need.isOwner) throw new Response("Not found", { status: 404 });
  return { user, need };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { need } = await ownerNeed(request, params.needId);
  const url = new URL(request.url);
  const raw = url.searchParams.get("sort");
  const sort: Sort = (SORTS as readonly string[]).includes(raw ?? "") ? (raw as Sort) : "price";
  const bids = bidsOfNeed(need.id);
  const vendorIds = bids.map((b) => b.vendorId);
  const markers = bidMarkers(bids, { min: need.budgetMin, max: need.budgetMax });
  const facts = bidderFacts(vendorIds);
  const matches = matchesForVendors(need, vendorIds);
  return json({
    need: {
      id: need.id,
      title: need.title,
      status: need.statusNow,
      budgetMin: need.budgetMin,
      budgetMax: need.budgetMax,
    },
    bids: sortBids(bids, sort).map((b) => ({
      ...b,
      markers: markers[b.id]!,
      onTime: facts[b.vendorId]!.onTime,
      vettedBy: facts[b.vendorId]!.vettedBy,
      match: matches[b.vendorId] ? { score: matches[b.vendorId]!.score, reasons: matches[b.vendorId]!.reasons } : null,
    })),
    matchScores: Object.fromEntries(Object.entries(matches).map(([id, m]) => [id, m.score])),
    sort,
    notice: url.searchParams.get("notice"),
  });
}

const ERRORS: Record<string, string> = {
  already_awarded: "errors.alreadyAwarded",
  not_evaluating: "errors.notEvaluating",
  not_live: "errors.bidNotLive",
  stale: "errors.stale",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, need } = await ownerNeed(request, params.needId);
  const submission = parseShortlist(await request.formData());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { intent, bidId } = submission.value;
  const refused = (error: string) =>
    json(submission.reply({ formErrors: [ERRORS[error] ?? "errors.bidNotLive"] }), { status: 409 });
  const result = setShortlisted(user, need.id, bidId, intent === "shortlist");
  if (!result.ok) return refused(result.error);
  return redirect(`/needs/${need.id}/compare?notice=${intent}`);
}

export default function Compare() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, bids, sort, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const failures = Object.values(lastResult?.error ?? {}).flatMap((messages) => messages ?? []);
  const evaluating = need.status === "evaluating";
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/needs/${need.id}`} className="text-sm font-medium text-brand-700 underline">
          ← {need.title}
        </Link>
      </p>
      <PageHeader
        title={t("compare.title")}
        lead={t("compare.leadCount", {
          count: bids.length,
          budget: `${formatMoney(need.budgetMin, lang)} – ${formatMoney(need.budgetMax, lang)}`,
        })}
      />
      {failures.length ? (
        <Alert tone={failures.includes("errors.stale") ? "warning" : "error"} role="alert">
          {failures.map((message) => t(message)).join(" ")}
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" role="status">
          {t(`compare.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {!evaluating && need.status === "open" ? <Alert tone="info">{t("compare.stillOpen")}</Alert> : null}
      {bids.length > 1 ? (
        <nav aria-label={t("compare.sortBy")} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-700">{t("compare.sortBy")}:</span>
          {SORTS.map((s) => (
            <Link
              key={s}
              to={`?sort=${s}`}
              aria-current={s === sort ? "true" : undefined}
              className={`rounded-full border px-3 py-2 font-medium ${s === sort ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
            >
              {t(`compare.sorts.${s}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      {bids.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("compare.none")}</p>
      ) : (
        <>
          <BidList needId={need.id} bids={bids} evaluating={evaluating} />
          <BidTable needId={need.id} bids={bids} evaluating={evaluating} />
          <p className="text-sm text-slate-700">{t("compare.explainMarkers")}</p>
        </>
      )}
    </div>
  );
}
