import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDate, formatMoney } from "~/lib/format";
import { DAY_MS } from "~/lib/local-date";
import { awardBid, bidsOfNeed } from "~/models/bids.server";
import { engagementIdOfNeed } from "~/models/engagements.server";
import { getNeedForViewer } from "~/models/needs.server";
import { requireRole } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { parseAward } from "~/utils/button-forms.server";

export const meta: MetaFunction = (args) => title(args, "award.title");

async function ownerNeed(request: Request, needId: string | undefined) {
  const user = await requireRole(request, "sme");
  const need = getNeedForViewer(needId ?? "", user);
  if (!need.isOwner) throw new Response("Not found", { status: 404 });
  return { user, need };
}

/**
 * The award's confirmation (issue 15): the bid chosen on the compare page, named with its vendor
 * and price, and what the award sets going. The same page with or without JavaScript.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { need } = await ownerNeed(request, params.needId);
  const bidId = new URL(request.url).searchParams.get("bid") ?? "";
  const bids = bidsOfNeed(need.id);
  const bid = bids.find((b) => b.id === bidId);
  if (!bid) throw new Response("Not found", { status: 404 });
  const now = Date.now();
  return json({
    need: { id: need.id, title: need.title, status: need.statusNow },
    engagementId: need.statusNow === "awarded" ? engagementIdOfNeed(need.id) : null,
    bid: {
      id: bid.id,
      vendorName: bid.vendorName,
      total: bid.total,
      durationDays: bid.durationDays,
      live: bid.status === "submitted" || bid.status === "shortlisted",
      milestones: bid.milestones.map((m) => ({ ...m, dueAt: now + m.dueOffsetDays * DAY_MS })),
    },
    others: bids.filter((b) => b.id !== bid.id).length,
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
  const submission = parseAward(await request.formData());
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await awardBid(user, need.id, submission.value.bidId);
  if (!result.ok) {
    return json(submission.reply({ formErrors: [ERRORS[result.error] ?? "errors.bidNotLive"] }), { status: 409 });
  }
  return redirect(`/engagements/${result.engagementId}?notice=awarded`);
}

export default function AwardConfirmation() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, bid, others, engagementId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const failures = Object.values(lastResult?.error ?? {}).flatMap((messages) => messages ?? []);
  const canAward = need.status === "evaluating" && bid.live;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link to={`/needs/${need.id}/compare`} className="text-sm font-medium text-brand-700 underline">
          ← {t("award.back")}
        </Link>
      </p>
      <PageHeader title={t("award.title")} lead={need.title} />
      {failures.length ? (
        <Alert tone={failures.includes("errors.stale") ? "warning" : "error"} role="alert">
          {failures.map((message) => t(message)).join(" ")}
        </Alert>
      ) : null}
      {need.status === "awarded" ? (
        <Alert tone="info">
          {t("errors.alreadyAwarded")}{" "}
          {engagementId ? (
            <Link to={`/engagements/${engagementId}`} className="font-semibold underline">
              {t("bids.openEngagement")}
            </Link>
          ) : null}
        </Alert>
      ) : !canAward ? (
        <Alert tone="warning">{t(need.status === "evaluating" ? "errors.bidNotLive" : "errors.notEvaluating")}</Alert>
      ) : null}
      <Card>
        <p className="text-slate-800">{t("award.youAward")}</p>
        <p className="mt-1 text-2xl font-bold text-slate-900">{bid.vendorName}</p>
        <dl className="mt-4 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">{t("compare.rows.total")}</dt>
            <dd className="whitespace-nowrap text-xl font-semibold">{formatMoney(bid.total, lang)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("compare.rows.duration")}</dt>
            <dd>{t("bids.days", { count: bid.durationDays })}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("compare.rows.milestones")}</dt>
            <dd>{t("award.milestoneCount", { count: bid.milestones.length })}</dd>
          </div>
        </dl>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("award.next.title")}</h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-slate-800">
          <li>{t("award.next.vendor", { vendor: bid.vendorName })}</li>
          {others > 0 ? <li>{t("award.next.others", { count: others })}</li> : null}
          <li>{t("award.next.engagement")}</li>
          <li>
            {t("award.next.milestones")}
            <ul className="mt-2 space-y-1 text-sm">
              {bid.milestones.map((m, i) => (
                <li key={i} className="flex flex-wrap justify-between gap-2 rounded border border-slate-200 px-3 py-2">
                  <span>
                    {i + 1}. {m.title}
                  </span>
                  <span className="text-slate-700">
                    {t("award.dueBy", { date: formatDate(m.dueAt) })} · {formatMoney(m.amount, lang)}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        </ol>
        <p className="mt-4 text-sm font-medium text-slate-800">{t("award.final")}</p>
      </Card>
      {canAward ? (
        <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <input type="hidden" name="bidId" value={bid.id} />
          <Button>{t("award.confirm", { vendor: bid.vendorName })}</Button>
          <Link to={`/needs/${need.id}/compare`} className={buttonClass("secondary")}>
            {t("award.cancel")}
          </Link>
        </Form>
      ) : null}
    </div>
  );
}
