import { parseWithZod } from "@conform-to/zod";
import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EngagementDelivery } from "~/components/engagement/delivery";
import { StaffMonitoring } from "~/components/engagement/staff-monitoring";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/page";
import { MAX_FILE_BYTES } from "~/lib/file-types";
import { formatDate, formatMoney } from "~/lib/format";
import { INCIDENT_CATEGORIES } from "~/lib/incident-rules";
import { isLocalDate, startOfLocalDay } from "~/lib/local-date";
import {
  decideAmendment,
  decideMilestone,
  deliveryView,
  postMessage,
  proposeAmendment,
  raiseIncident,
  rateSme,
  replyToReview,
  submitMilestone,
  submitReview,
  terminateEngagement,
  type DeliveryResult,
  type Upload,
} from "~/models/delivery.server";
import { flagsOfEngagement, getEngagementForViewer } from "~/models/engagements.server";
import { healthOf } from "~/models/flags.server";
import { rateIncidentHandling, type IncidentFailure } from "~/models/incidents.server";
import { hasRole, requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";
import { money, optionalText, text, wholeNumber } from "~/utils/validation";

export const meta: MetaFunction = (args) => title(args, "engagement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const engagement = getEngagementForViewer(params.engagementId ?? "", user);
  const staff = hasRole(user, "staff");
  return json({
    engagement,
    delivery: deliveryView(engagement.id, user),
    monitoring: staff ? { flags: flagsOfEngagement(engagement.id), health: healthOf(engagement.id) } : null,
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

const localDate = z
  .string({ required_error: "errors.required" })
  .refine(isLocalDate, "errors.date")
  .transform(startOfLocalDay);
const score = (min: number, max: number) => wholeNumber(min, max);

const SCHEMAS = {
  submit: z.object({ milestoneId: z.string(), note: text(2000), link: z.string().trim().url("errors.url").optional() }),
  decide: z
    .object({ milestoneId: z.string(), decision: z.enum(["accept", "request_changes"]), reason: optionalText(2000) })
    .refine((v) => v.decision === "accept" || !!v.reason, { path: ["reason"], message: "errors.noteRequired" }),
  amend: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("amount"),
      milestoneId: z.string().min(1, "errors.choose"),
      newAmount: money(),
      reason: text(1000),
    }),
    z.object({
      kind: z.literal("due_date"),
      milestoneId: z.string().min(1, "errors.choose"),
      newDueAt: localDate,
      reason: text(1000),
    }),
    z.object({
      kind: z.literal("new_milestone"),
      newTitle: text(200),
      newAmount: money(),
      newDueAt: localDate,
      reason: text(1000),
    }),
  ]),
  amend_decide: z.object({ id: z.string(), accept: z.enum(["yes", "no"]) }),
  message: z.object({ body: text(2000) }),
  incident: z.object({
    category: z.enum(INCIDENT_CATEGORIES, {
      errorMap: () => ({ message: "errors.choose" }),
    }),
    description: text(2000),
  }),
  review: z.object({
    quality: score(1, 5),
    schedule: score(1, 5),
    value: score(1, 5),
    communication: score(1, 5),
    recommend: score(0, 10),
    comment: text(2000),
  }),
  reply: z.object({ reply: text(2000) }),
  rate_sme: z.object({ rating: score(1, 5), comment: optionalText(1000) }),
  terminate: z.object({
    reason: text(2000),
    confirm: z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) }),
  }),
  rate_incident: z.object({ id: z.string(), rating: score(1, 5) }),
} as const;

type Intent = keyof typeof SCHEMAS;

const FAILURES: Record<
  DeliveryResult extends infer R ? (R extends { ok: false; error: infer E } ? E & string : never) : never,
  string
> = {
  wrong_side: "errors.deliveryWrongSide",
  illegal_transition: "errors.deliveryIllegal",
  engagement_closed: "errors.engagementClosed",
  file_type: "errors.fileType",
  file_size: "errors.fileSize",
  too_many_files: "errors.tooManyFiles",
  not_completed: "errors.notCompleted",
  already_reviewed: "errors.alreadyReviewed",
  already_replied: "errors.alreadyReplied",
  not_proposed: "errors.deliveryIllegal",
  own_amendment: "errors.ownAmendment",
  bad_amendment: "errors.deliveryIllegal",
};

const INCIDENT_FAILURES: Partial<Record<IncidentFailure["error"], string>> = {
  not_raiser: "staffIncidents.errors.notRaiser",
  not_resolved: "staffIncidents.errors.notResolved",
  already_rated: "staffIncidents.errors.alreadyRated",
  bad_rating: "errors.tooLarge",
};

async function readForm(request: Request): Promise<{ formData: FormData; tooLarge: boolean }> {
  if (!(request.headers.get("Content-Type") ?? "").includes("multipart/form-data")) {
    return { formData: await request.formData(), tooLarge: false };
  }
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }),
    );
    return { formData, tooLarge: false };
  } catch {
    return { formData: new FormData(), tooLarge: true };
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const engagement = getEngagementForViewer(params.engagementId ?? "", user);
  const { formData, tooLarge } = await readForm(request);
  const intent = (tooLarge ? "submit" : String(formData.get("intent"))) as Intent;
  const key = formData.get("id") ? `${intent}-${formData.get("id")}` : intent;
  if (tooLarge)
    return json(
      { intent: key, result: { status: "error" as const, error: { "": ["errors.fileSize"] } } },
      { status: 413 },
    );
  if (!(intent in SCHEMAS)) throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] as z.ZodTypeAny });
  if (submission.status !== "success") return json({ intent: key, result: submission.reply() }, { status: 400 });
  const v = submission.value;
  let result: DeliveryResult;
  switch (intent) {
    case "submit": {
      const files: Upload[] = [];
      for (const entry of formData.getAll("files")) {
        if (typeof entry !== "string" && entry.size > 0)
          files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
      }
      result = await submitMilestone(user, engagement.id, v.milestoneId, { note: v.note, link: v.link ?? null, files });
      break;
    }
    case "decide":
      result = await decideMilestone(user, engagement.id, v.milestoneId, v.decision, v.reason ?? null);
      break;
    case "amend":
      result = await proposeAmendment(user, engagement.id, v);
      break;
    case "amend_decide":
      result = await decideAmendment(user, engagement.id, v.id, v.accept === "yes");
      break;
    case "message":
      result = await postMessage(user, engagement.id, v.body);
      break;
    case "incident":
      result = await raiseIncident(user, engagement.id, v);
      break;
    case "review":
      result = await submitReview(user, engagement.id, v);
      break;
    case "reply":
      result = await replyToReview(user, engagement.id, v.reply);
      break;
    case "rate_sme":
      result = rateSme(user, engagement.id, v.rating, v.comment ?? null);
      break;
    case "terminate":
      result = await terminateEngagement(user, engagement.id, v.reason, context.ip);
      break;
    case "rate_incident": {
      const rated = await rateIncidentHandling(user, engagement.id, v.id, v.rating);
      if (!rated.ok) {
        const message = INCIDENT_FAILURES[rated.error] ?? "errors.deliveryIllegal";
        return json({ intent: key, result: submission.reply({ formErrors: [message] }) }, { status: 409 });
      }
      result = { ok: true };
      break;
    }
  }
  if (!result.ok) {
    return json({ intent: key, result: submission.reply({ formErrors: [FAILURES[result.error]] }) }, { status: 409 });
  }
  return redirect(`/engagements/${engagement.id}?notice=${intent}#${intent === "message" ? "timeline" : "top"}`);
}

export default function Engagement() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { engagement: e, delivery, notice, monitoring } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6" id="top">
      <PageHeader
        title={e.needTitle}
        lead={t("engagement.lead", { date: formatDate(e.awardedAt) })}
        actions={
          <Badge tone={e.status === "completed" ? "green" : e.status === "terminated" ? "red" : "blue"}>
            {t(`engagementStatuses.${e.status}`)}
          </Badge>
        }
      />
      {notice ? (
        <Alert tone="success" role="status">
          {t(`engagement.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {e.status === "completed" && delivery.side === "sme" && !delivery.outcome.after ? (
        <Alert tone="info">
          {t("engagement.retake")}{" "}
          <Link to="/assessment" className="font-semibold underline">
            {t("engagement.retakeLink")}
          </Link>
        </Alert>
      ) : null}
      <Card>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm text-slate-600">{t("engagement.sme")}</dt>
            <dd>{e.smeName}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("engagement.vendor")}</dt>
            <dd>
              <Link to={`/vendors/${e.vendorId}`} className="text-brand-700 underline">
                {e.vendorName}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("engagement.value")}</dt>
            <dd className="text-lg font-semibold">{formatMoney(e.total, lang)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("engagement.need")}</dt>
            <dd>
              <Link to={`/needs/${e.needId}`} className="text-brand-700 underline">
                {e.needTitle}
              </Link>
            </dd>
          </div>
        </dl>
      </Card>
      {monitoring ? (
        <StaffMonitoring engagementId={e.id} active={e.status === "active"} monitoring={monitoring} />
      ) : null}
      <EngagementDelivery engagement={e} delivery={delivery} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
