import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BidSummary } from "~/components/needs/bid-summary";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm";
import { PageHeader } from "~/components/ui/page";
import { formatDate, formatMoney, formatNumber } from "~/lib/format";
import { awardBid, bidsOfNeed, setShortlisted, type ComparedBid } from "~/models/bids.server";
import { matchScoresForVendors } from "~/models/matching.server";
import { getNeedForViewer } from "~/models/needs.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";

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
  return json({
    need: {
      id: need.id,
      title: need.title,
      status: need.statusNow,
      budgetMin: need.budgetMin,
      budgetMax: need.budgetMax,
    },
    bids: sortBids(bids, sort),
    matchScores: matchScoresForVendors(
      need,
      bids.map((b) => b.vendorId),
    ),
    sort,
    notice: url.searchParams.get("notice"),
  });
}

/** The compare page's forms: award one bid (confirmed), or shortlist and un-shortlist. */
const CompareSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("award"),
    bidId: z.string({ required_error: "errors.bidNotLive" }).max(100),
    confirm: z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) }),
  }),
  z.object({
    intent: z.enum(["shortlist", "unshortlist"]),
    bidId: z.string({ required_error: "errors.bidNotLive" }).max(100),
  }),
]);

const ERRORS: Record<string, string> = {
  already_awarded: "errors.alreadyAwarded",
  not_evaluating: "errors.notEvaluating",
  not_live: "errors.bidNotLive",
  stale: "errors.stale",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, need } = await ownerNeed(request, params.needId);
  const submission = parseWithZod(await request.formData(), { schema: CompareSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { intent, bidId } = submission.value;
  const refused = (error: string) =>
    json(submission.reply({ formErrors: [ERRORS[error] ?? "errors.bidNotLive"] }), { status: 409 });
  if (intent === "award") {
    const result = await awardBid(user, need.id, bidId);
    if (!result.ok) return refused(result.error);
    return redirect(`/engagements/${result.engagementId}?notice=awarded`);
  }
  const result = setShortlisted(user, need.id, bidId, intent === "shortlist");
  if (!result.ok) return refused(result.error);
  return redirect(`/needs/${need.id}/compare?notice=${intent}`);
}

export default function Compare() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, bids, sort, notice } = useLoaderData<typeof loader>();
  const { matchScores } = useLoaderData<typeof loader>();
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
        lead={t("compare.lead", {
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
      <nav aria-label={t("compare.sortBy")} className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-700">{t("compare.sortBy")}:</span>
        {(["price", "duration", "rating"] as const).map((s) => (
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
      {bids.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("compare.none")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {bids.map((b) => (
            <li
              key={b.id}
              className={`rounded-lg border bg-white p-4 shadow-sm ${b.status === "shortlisted" ? "border-brand-600 ring-2 ring-brand-200" : "border-slate-200"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="font-semibold">
                  <Link to={`/vendors/${b.vendorId}`} className="text-brand-800 underline">
                    {b.vendorName}
                  </Link>
                </h2>
                <Badge tone={b.status === "awarded" ? "green" : b.status === "shortlisted" ? "blue" : "neutral"}>
                  {t(`bidStatuses.${b.status}`)}
                </Badge>
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                <div>
                  <dt className="text-slate-600">{t("compare.rating")}</dt>
                  <dd>
                    {b.ratingAvg !== null
                      ? t("vendors.rating", { rating: formatNumber(b.ratingAvg / 100, lang, 1), count: b.ratingCount })
                      : t("vendors.noReviews")}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("compare.vetted")}</dt>
                  <dd>{b.vettedAt ? formatDate(b.vettedAt) : "—"}</dd>
                </div>
                <div className="col-span-2">
                  <dt className="text-slate-600">{t("matchmaking.compareScore")}</dt>
                  <dd className="font-semibold">
                    {b.vendorId in matchScores
                      ? t("matchmaking.partPoints", { points: matchScores[b.vendorId], weight: 100 })
                      : t("matchmaking.compareNoScore")}
                  </dd>
                </div>
              </dl>
              <div className="mt-3">
                <BidSummary bid={b} />
              </div>
              {evaluating ? (
                <div className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-3">
                  <Form method="post">
                    <input type="hidden" name="bidId" value={b.id} />
                    <input
                      type="hidden"
                      name="intent"
                      value={b.status === "shortlisted" ? "unshortlist" : "shortlist"}
                    />
                    <Button variant="secondary" className="w-full">
                      {t(b.status === "shortlisted" ? "compare.unshortlist" : "compare.shortlist")}
                    </Button>
                  </Form>
                  <ConfirmAction
                    label={t("compare.award")}
                    question={t("compare.awardQuestion", { vendor: b.vendorName, total: formatMoney(b.total, lang) })}
                    confirmLabel={t("compare.awardConfirm")}
                    fields={{ intent: "award", bidId: b.id, confirm: "on" }}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
