import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { NeedStatusBadge } from "~/components/need-status-badge";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field-errors";
import { useServerForm } from "~/utils/server-form";
import { useIntentResult } from "~/utils/use-intent-result";
import { Card, PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDate, formatDateTime, formatMoney } from "~/lib/format";
import { allowedNeedActions } from "~/lib/need-status";
import { VendorBidPanel } from "~/components/needs/vendor-bid-panel";
import { QuestionsSection } from "~/components/needs/questions";
import { InvitedAlert, NeedMatchmakingCard } from "~/components/matchmaking/need-matchmaking";
import { getOwnBid, withdrawBid } from "~/models/bids.server";
import { answerQuestion, askQuestion, questionsFor } from "~/models/questions.server";
import { engagementOfNeed } from "~/models/engagements.server";
import { NeedProgress } from "~/components/needs/need-progress";
import { needBanner, needStep } from "~/lib/need-progress";
import { invitationCount, invitationOf } from "~/models/invitations.server";
import { bidCount, closeNeed, getNeedForViewer, needHistory, type NeedHistoryEntry } from "~/models/needs.server";
import { vendorStanding } from "~/models/dossier.server";
import { hasRole, requireUser } from "~/utils/auth.server";
import { parseAnswer, parseAsk, parseClose, parseWithdraw } from "~/utils/need-page-forms.server";
import { title } from "~/utils/meta";
import { ErrorSummary } from "~/components/ui/error-summary";

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.need.title} · Kết Nối Số` }] : title(args, "needs.board.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const need = getNeedForViewer(params.needId ?? "", user);
  const url = new URL(request.url);
  const now = Date.now();
  const bids = need.isOwner || hasRole(user, "staff") ? bidCount(need.id) : null;
  const engagement = need.statusNow === "awarded" ? engagementOfNeed(need.id) : null;
  const history = need.canReadHistory ? needHistory(need.id, pageParam(url)) : null;
  return json({
    need: {
      id: need.id,
      title: need.title,
      description: need.description,
      requirements: need.requirements,
      category: need.category,
      sector: need.sector,
      budgetMin: need.budgetMin,
      budgetMax: need.budgetMax,
      desiredStart: need.desiredStart,
      deadline: need.deadline,
      publishedAt: need.publishedAt,
      cancelReason: need.cancelReason,
      status: need.statusNow,
      organisationName: need.organisationName,
    },
    actions: need.isOwner ? allowedNeedActions(need.statusNow) : [],
    viewerRole: user.role,
    isOwner: need.isOwner,
    bidding:
      user.role === "vendor"
        ? {
            standing: vendorStanding(user.organisationId),
            ownBid: getOwnBid(need.id, user.organisationId),
          }
        : null,
    bidCount: bids,
    engagementId: need.isOwner || user.role !== "vendor" ? (engagement?.id ?? null) : null,
    progress: {
      ...needStep(need.statusNow, engagement?.status ?? null, {
        publishedAt: need.publishedAt,
        hadBids: (bids ?? 0) > 0,
      }),
      banner: need.isOwner
        ? needBanner({ status: need.statusNow, deadline: need.deadline, bidCount: bids ?? 0, engagement, now })
        : null,
    },
    questions: questionsFor(need.id, user, need.isOwner || hasRole(user, "staff")),
    matchmaking: need.isOwner && need.statusNow === "open" ? { invitedCount: invitationCount(need.id) } : null,
    invitation: user.role === "vendor" ? invitationOf(need.id, user.organisationId) : null,
    history,
    page: pageParam(url),
    notice: url.searchParams.get("notice"),
  });
}

const BID_ERRORS: Record<string, string> = {
  closed: "errors.biddingClosed",
  not_live: "errors.bidNotLive",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const needId = params.needId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const fail = (result: SubmissionResult<string[]>) => json({ intent, result }, { status: 400 });
  // Someone else changed the need, the bid or the question first: the page as it now stands, and why.
  const stale = () => json({ intent, stale: true as const }, { status: 409 });
  if (intent === "ask") {
    const submission = parseAsk(formData);
    if (submission.status !== "success") return fail(submission.reply());
    const result = await askQuestion(user, needId, submission.value.question);
    if (!result.ok)
      return result.error === "stale" ? stale() : fail(submission.reply({ formErrors: ["errors.biddingClosed"] }));
    return redirect(`/needs/${needId}?notice=asked#questions`);
  }
  if (intent === "answer") {
    const submission = parseAnswer(formData);
    if (submission.status !== "success")
      return json({ intent: `answer-${formData.get("questionId")}`, result: submission.reply() }, { status: 400 });
    const result = await answerQuestion(user, needId, submission.value.questionId, submission.value.answer);
    if (!result.ok) return stale();
    return redirect(`/needs/${needId}?notice=answered#questions`);
  }
  if (intent === "withdraw") {
    const submission = parseWithdraw(formData);
    if (submission.status !== "success") return fail(submission.reply());
    const result = await withdrawBid(user, needId);
    if (!result.ok && result.error === "stale") return stale();
    if (!result.ok) return fail(submission.reply({ formErrors: [BID_ERRORS[result.error] ?? "errors.bidNotLive"] }));
    return redirect(`/needs/${needId}?notice=withdrawn`);
  }
  if (user.role !== "sme") throw new Response("Forbidden", { status: 403 });
  const submission = parseClose(formData);
  if (submission.status !== "success") return fail(submission.reply());
  const result = await closeNeed(needId, user);
  if (!result.ok && result.error === "stale") return stale();
  if (!result.ok) return fail(submission.reply({ formErrors: [result.error] }));
  return redirect(`/needs/${needId}?notice=closed`);
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default function NeedPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { need, actions, history, page, notice, bidding, bidCount, engagementId, questions, isOwner, viewerRole } =
    useLoaderData<typeof loader>();
  const { matchmaking, invitation, progress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const stale = notice === "stale" || (actionData !== undefined && "stale" in actionData);
  return (
    <div className="space-y-6">
      {isOwner ? (
        <p>
          <Link to="/needs" className="text-sm font-medium text-brand-700 underline">
            ← {t("needProgress.back")}
          </Link>
        </p>
      ) : null}
      <PageHeader title={need.title} lead={need.organisationName} actions={<NeedStatusBadge status={need.status} />} />
      <NeedProgress needId={need.id} step={progress.step} stopped={progress.stopped} banner={progress.banner} />
      {stale ? (
        <Alert tone="warning" role="alert">
          {t("errors.stale")}
        </Alert>
      ) : notice ? (
        <Alert tone="success" role="status">
          {t(`needs.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {need.status === "cancelled" && need.cancelReason ? (
        <Alert tone="warning">
          <strong>{t("needs.detail.cancelReason")}:</strong> {need.cancelReason}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">{t("needs.fields.description")}</h2>
          <p className="mt-2 whitespace-pre-line text-slate-800">{need.description}</p>
          {need.requirements ? (
            <>
              <h2 className="mt-6 text-lg font-semibold">{t("needs.fields.requirements")}</h2>
              <p className="mt-2 whitespace-pre-line text-slate-800">{need.requirements}</p>
            </>
          ) : null}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("needs.detail.summary")}</h2>
          <dl className="mt-2 divide-y divide-slate-100">
            <Detail label={t("needs.fields.category")}>{t(`categories.${need.category}`)}</Detail>
            <Detail label={t("needs.fields.sector")}>{t(`sectors.${need.sector}`)}</Detail>
            <Detail label={t("needs.fields.budget")}>
              {formatMoney(need.budgetMin, lang)} – {formatMoney(need.budgetMax, lang)}
            </Detail>
            <Detail label={t("needs.fields.deadline")}>{formatDate(need.deadline)}</Detail>
            <Detail label={t("needs.fields.desiredStart")}>{formatDate(need.desiredStart)}</Detail>
            {need.publishedAt ? (
              <Detail label={t("needs.detail.publishedAt")}>{formatDate(need.publishedAt)}</Detail>
            ) : null}
          </dl>
        </Card>
      </div>
      {engagementId ? (
        <Alert tone="info">
          {t("bids.awardedNotice")}{" "}
          <Link to={`/engagements/${engagementId}`} className="font-semibold underline">
            {t("bids.openEngagement")}
          </Link>
        </Alert>
      ) : null}
      {invitation ? <InvitedAlert sme={need.organisationName} invitedAt={invitation.createdAt} /> : null}
      {matchmaking ? <NeedMatchmakingCard needId={need.id} invitedCount={matchmaking.invitedCount} /> : null}
      {bidding ? <VendorBidPanel needId={need.id} status={need.status} bidding={bidding} /> : null}
      {bidCount !== null && need.status !== "draft" ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("bids.ownerTitle")}</h2>
          <p className="mt-1 text-slate-700">{t("bids.ownerCount", { count: bidCount })}</p>
          <p className="mt-1 text-sm text-slate-700">{t(`bids.ownerExplain.${need.status}`, { defaultValue: "" })}</p>
          {isOwner && bidCount > 0 && (need.status === "evaluating" || need.status === "awarded") ? (
            <Link to={`/needs/${need.id}/compare`} className={`${buttonClass("primary")} mt-3`}>
              {t("bids.compare")}
            </Link>
          ) : null}
        </Card>
      ) : null}
      {actions.length ? <OwnerActions id={need.id} actions={actions} /> : null}
      <QuestionsSection
        needId={need.id}
        questions={questions}
        canAsk={viewerRole === "vendor" && need.status === "open"}
        canAnswer={isOwner}
      />
      {history ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("needs.history.title")}</h2>
          <ol className="mt-3 space-y-3">
            {history.rows.map((entry) => (
              <HistoryItem key={entry.id} entry={entry} />
            ))}
          </ol>
          <Pagination page={page} pageCount={history.pageCount} />
        </Card>
      ) : null}
    </div>
  );
}

function OwnerActions({ id, actions }: { id: string; actions: string[] }) {
  const { t } = useTranslation();
  const lastResult = useIntentResult("close");
  const { form, field } = useServerForm(`close-${id}`, lastResult);
  const confirm = field("confirm");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("needs.detail.manage")}</h2>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row">
        {actions.includes("edit") ? (
          <Link to={`/needs/${id}/edit`} className={buttonClass("primary")}>
            {actions.includes("publish") ? t("needs.detail.editAndPublish") : t("needs.detail.edit")}
          </Link>
        ) : null}
        {actions.includes("cancel") ? (
          <Link to={`/needs/${id}/cancel`} className={buttonClass("secondary")}>
            {t("needs.detail.cancel")}
          </Link>
        ) : null}
      </div>
      {actions.includes("close") ? (
        <Form method="post" {...form.props} className="mt-6 space-y-3 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("needs.close.title")}</h3>
          <p className="text-sm text-slate-700">{t("needs.close.explain")}</p>
          <ErrorSummary form={form} />
          <input type="hidden" name="intent" value="close" />
          <div className="flex items-start gap-2">
            <input
              id={confirm.id}
              name={confirm.name}
              type="checkbox"
              required
              aria-invalid={confirm.errors ? true : undefined}
              aria-describedby={confirm.errors ? confirm.errorId : undefined}
              className="mt-1 h-5 w-5"
            />
            <label htmlFor={confirm.id} className="text-sm">
              {t("needs.close.confirm")}
            </label>
          </div>
          <FieldErrors id={confirm.errorId} errors={confirm.errors} />
          <Button variant="secondary">{t("needs.close.submit")}</Button>
        </Form>
      ) : null}
    </Card>
  );
}

const MONEY_FIELDS = new Set(["budgetMin", "budgetMax"]);
const DATE_FIELDS = new Set(["deadline", "desiredStart"]);

function HistoryItem({ entry }: { entry: NeedHistoryEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const show = (field: string, value: unknown) => {
    if (MONEY_FIELDS.has(field)) return formatMoney(Number(value), lang);
    if (DATE_FIELDS.has(field)) return formatDate(Number(value));
    if (field === "category") return t(`categories.${value}`);
    if (field === "sector") return t(`sectors.${value}`);
    return String(value ?? "") || "—";
  };
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="text-sm">
        <span className="font-semibold">{t(`needs.history.events.${entry.event}`)}</span>
        <span className="text-slate-600">
          {" · "}
          {entry.actorName} · {formatDateTime(entry.at)}
        </span>
      </p>
      {entry.note ? <p className="mt-1 text-sm text-slate-800">{entry.note}</p> : null}
      {entry.changes ? (
        <ul className="mt-2 space-y-1 text-sm">
          {Object.entries(entry.changes).map(([field, [before, after]]) => (
            <li key={field} className="break-words">
              <span className="font-medium">{t(`needs.fields.${field}`)}:</span>{" "}
              <del className="text-slate-600">{show(field, before)}</del> →{" "}
              <ins className="no-underline">{show(field, after)}</ins>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
