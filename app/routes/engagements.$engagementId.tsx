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
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import type { z } from "zod";
import { EngagementDelivery } from "~/components/engagement/delivery";
import { ENGAGEMENT_FORMS, isEngagementIntent, type EngagementIntent } from "~/components/engagement/schemas";
import { NextStepBanner, ProgressCard } from "~/components/engagement/progress";
import { StaffMonitoring } from "~/components/engagement/staff-monitoring";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page";
import { MAX_FILE_BYTES } from "~/lib/file-types";
import { formatDate, formatMoney } from "~/lib/format";
import { decideAmendment, proposeAmendment } from "~/models/amendments.server";
import type { Upload } from "~/models/attachments.server";
import { engagementView } from "~/models/engagement-view.server";
import { flagsOfEngagement, getEngagementForActor, terminateEngagement } from "~/models/engagements.server";
import { healthOf } from "~/models/flags.server";
import { raiseIncident, rateIncidentHandling, replyToIncident } from "~/models/incidents.server";
import { postMessage } from "~/models/messages.server";
import { decideMilestone, submitMilestone } from "~/models/milestones.server";
import { rateSme, replyToReview, submitReview } from "~/models/reviews.server";
import { requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "engagement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const view = engagementView(params.engagementId ?? "", user);
  return json({
    view,
    monitoring:
      view.side === "staff"
        ? { flags: flagsOfEngagement(view.engagement.id), health: healthOf(view.engagement.id) }
        : null,
    notice: new URL(request.url).searchParams.get("notice"),
  });
}

/** Where each refusal of a model shows: next to its field, or above the form. */
const FAILURES: Record<string, { field?: string; message: string }> = {
  wrong_side: { message: "errors.deliveryWrongSide" },
  illegal_transition: { message: "errors.deliveryIllegal" },
  engagement_closed: { message: "errors.engagementClosed" },
  file_type: { field: "files", message: "errors.fileType" },
  file_size: { field: "files", message: "errors.fileSize" },
  too_many_files: { field: "files", message: "errors.tooManyFiles" },
  not_completed: { message: "errors.notCompleted" },
  already_reviewed: { message: "errors.alreadyReviewed" },
  already_replied: { message: "errors.alreadyReplied" },
  own_amendment: { message: "errors.ownAmendment" },
  not_raiser: { message: "staffIncidents.errors.notRaiser" },
  not_resolved: { message: "staffIncidents.errors.notResolved" },
  already_rated: { message: "staffIncidents.errors.alreadyRated" },
  bad_rating: { field: "rating", message: "errors.tooLarge" },
  note_required: { field: "body", message: "errors.required" },
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

async function uploadsOf(formData: FormData): Promise<Upload[]> {
  const files: Upload[] = [];
  for (const entry of formData.getAll("files")) {
    if (typeof entry !== "string" && entry.size > 0) {
      files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
    }
  }
  return files;
}

type Values<I extends EngagementIntent> = z.output<(typeof ENGAGEMENT_FORMS)[I]>;

/** Calls the model for one parsed form; every transition answers `{ ok }` or a refusal. */
async function perform(
  intent: EngagementIntent,
  value: unknown,
  ctx: { user: Awaited<ReturnType<typeof requireUser>>; engagementId: string; ip: string; formData: FormData },
): Promise<{ ok: true } | { ok: false; error: string }> {
  const { user, engagementId } = ctx;
  switch (intent) {
    case "submit": {
      const v = value as Values<"submit">;
      const files = await uploadsOf(ctx.formData);
      return submitMilestone(user, engagementId, v.milestoneId, {
        note: v.note,
        link: v.link ?? null,
        files,
        seen: v.status,
      });
    }
    case "decide": {
      const v = value as Values<"decide">;
      const reason = v.decision === "request_changes" ? v.reason : null;
      return decideMilestone(user, engagementId, v.milestoneId, v.decision, reason, Date.now(), v.status);
    }
    case "amend":
      return proposeAmendment(user, engagementId, value as Values<"amend">);
    case "amend_decide": {
      const v = value as Values<"amend_decide">;
      return decideAmendment(user, engagementId, v.id, v.accept === "yes");
    }
    case "message":
      return postMessage(user, engagementId, (value as Values<"message">).body);
    case "incident":
      return raiseIncident(user, engagementId, value as Values<"incident">);
    case "review":
      return submitReview(user, engagementId, value as Values<"review">);
    case "reply":
      return replyToReview(user, engagementId, (value as Values<"reply">).reply);
    case "rate_sme": {
      const v = value as Values<"rate_sme">;
      return rateSme(user, engagementId, v.rating, v.comment ?? null);
    }
    case "terminate":
      return terminateEngagement(user, engagementId, (value as Values<"terminate">).reason, ctx.ip);
    case "incident_reply": {
      const v = value as Values<"incident_reply">;
      return replyToIncident(user, engagementId, v.id, v.body, ctx.ip);
    }
    case "rate_incident": {
      const v = value as Values<"rate_incident">;
      return rateIncidentHandling(user, engagementId, v.id, v.rating);
    }
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // A stranger gets the 404 before anything is read from the body.
  const engagementId = getEngagementForActor(params.engagementId ?? "", user).engagement.id;
  const { formData, tooLarge } = await readForm(request);
  if (tooLarge) {
    // The body was refused unread: the address names the milestone whose form sent it.
    const milestone = new URL(request.url).searchParams.get("milestone");
    return json(
      {
        intent: milestone ? `submit-${milestone}` : "submit",
        result: { status: "error" as const, error: { files: ["errors.fileSize"] } },
      },
      { status: 413 },
    );
  }
  const intent = formData.get("intent");
  if (!isEngagementIntent(intent)) throw new Response("Bad request", { status: 400 });
  const key = String(formData.get("form") || intent);
  const submission = parseWithZod(formData, { schema: ENGAGEMENT_FORMS[intent] as z.ZodTypeAny });
  if (submission.status !== "success") return json({ intent: key, result: submission.reply() }, { status: 400 });
  const result = await perform(intent, submission.value, { user, engagementId, ip: context.ip, formData });
  if (!result.ok && result.error === "stale") {
    // Someone else changed this first: the page says so above everything (the form may be gone
    // with the state it acted on); a form still there keeps what was typed.
    return json({ intent: key, stale: true, result: submission.reply() }, { status: 409 });
  }
  if (!result.ok) {
    const failure = FAILURES[result.error] ?? { message: "errors.deliveryIllegal" };
    return json(
      {
        intent: key,
        result: submission.reply(
          failure.field ? { fieldErrors: { [failure.field]: [failure.message] } } : { formErrors: [failure.message] },
        ),
      },
      { status: 409 },
    );
  }
  return redirect(`/engagements/${engagementId}?notice=${intent}#${intent === "message" ? "timeline" : "top"}`);
}

export default function Engagement() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { view, notice, monitoring } = useLoaderData<typeof loader>();
  const e = view.engagement;
  const answer = useActionData<typeof action>();
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
      {answer && "stale" in answer ? (
        <Alert tone="warning" role="alert">
          {t("errors.stale")}
        </Alert>
      ) : notice ? (
        <Alert tone="success" role="status">
          {t(`engagement.notice.${notice}`, { defaultValue: "" })}
        </Alert>
      ) : null}
      {e.status === "completed" && view.side === "sme" && !view.outcome.after ? (
        <Alert tone="info">
          {t("engagement.retake")}{" "}
          <Link to="/assessment" className="font-semibold underline">
            {t("engagement.retakeLink")}
          </Link>
        </Alert>
      ) : null}
      <NextStepBanner view={view} />
      <ProgressCard view={view}>
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
      </ProgressCard>
      {monitoring ? <StaffMonitoring active={e.status === "active"} monitoring={monitoring} /> : null}
      <EngagementDelivery view={view} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
