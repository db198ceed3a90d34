/**
 * One Zod schema per form of the engagement page: the action parses with them, the browser takes
 * its constraints and validates with the same ones. Field names and intents are what the page posts.
 */
import { z } from "zod";
import { MILESTONE_STATUSES, RECOMMEND_MAX, SCORE_MAX, type ReviewScore } from "~/lib/delivery-rules";
import { INCIDENT_CATEGORIES } from "~/lib/incident-rules";
import { dateInputField } from "~/lib/date-input";
import { startOfLocalDay } from "~/lib/local-date";
import { money, oneOf, optionalText, text } from "~/utils/validation";

/** A day typed as three boxes (`newDueAt.day`, `.month`, `.year`): 00:00 of it in Ho Chi Minh City. */
const localDate = dateInputField().transform(startOfLocalDay);

/** A choice from a select or radio buttons, posted as a number. */
const choice = (min: number, max: number) =>
  z
    .number({ required_error: "errors.choose", invalid_type_error: "errors.choose" })
    .int("errors.choose")
    .min(min, "errors.choose")
    .max(max, "errors.choose");

const id = z.string({ required_error: "errors.choose" }).min(1, "errors.choose");
/** The milestone status the page showed when the form was sent: the transition compares it. */
const seen = z.enum(MILESTONE_STATUSES).optional();

export const SubmitMilestoneSchema = z.object({
  milestoneId: id,
  status: seen,
  note: text(2000),
  link: z.string().trim().url("errors.url").optional(),
  /** Checked by content in the model (app/lib/file-types.ts); here only so its errors have a field. */
  files: z.unknown().optional(),
});

export const AcceptMilestoneSchema = z.object({ milestoneId: id, status: seen, decision: z.literal("accept") });
export const RequestChangesSchema = z.object({
  milestoneId: id,
  status: seen,
  decision: z.literal("request_changes"),
  reason: text(2000),
});
export const DecideMilestoneSchema = z.discriminatedUnion("decision", [AcceptMilestoneSchema, RequestChangesSchema]);

export const AmendAmountSchema = z.object({
  kind: z.literal("amount"),
  milestoneId: id,
  newAmount: money(),
  reason: text(1000),
});
export const AmendDueDateSchema = z.object({
  kind: z.literal("due_date"),
  milestoneId: id,
  newDueAt: localDate,
  reason: text(1000),
});
export const AmendNewMilestoneSchema = z.object({
  kind: z.literal("new_milestone"),
  newTitle: text(200),
  newAmount: money(),
  newDueAt: localDate,
  reason: text(1000),
});
export const AmendSchema = z.discriminatedUnion("kind", [
  AmendAmountSchema,
  AmendDueDateSchema,
  AmendNewMilestoneSchema,
]);

export const DecideAmendmentSchema = z.object({ id, accept: z.enum(["yes", "no"]) });

export const MessageSchema = z.object({ body: text(2000) });

export const IncidentSchema = z.object({ category: oneOf(INCIDENT_CATEGORIES), description: text(2000) });

const scores = {
  quality: choice(1, SCORE_MAX),
  schedule: choice(1, SCORE_MAX),
  value: choice(1, SCORE_MAX),
  communication: choice(1, SCORE_MAX),
} satisfies Record<ReviewScore, z.ZodTypeAny>;

export const ReviewSchema = z.object({
  ...scores,
  recommend: choice(0, RECOMMEND_MAX),
  comment: text(2000),
});

export const ReplySchema = z.object({ reply: text(2000) });

export const RateSmeSchema = z.object({ rating: choice(1, SCORE_MAX), comment: optionalText(1000) });

export const TerminateSchema = z.object({
  reason: text(2000),
  confirm: z.literal("on", { errorMap: () => ({ message: "errors.confirmRequired" }) }),
});

export const RateIncidentSchema = z.object({ id, rating: choice(1, SCORE_MAX) });

/** The party an incident was raised against answers it. */
export const IncidentReplySchema = z.object({ id, body: text(2000) });

/** Each intent the page posts, and the schema its action parses. */
export const ENGAGEMENT_FORMS = {
  submit: SubmitMilestoneSchema,
  decide: DecideMilestoneSchema,
  amend: AmendSchema,
  amend_decide: DecideAmendmentSchema,
  message: MessageSchema,
  incident: IncidentSchema,
  review: ReviewSchema,
  reply: ReplySchema,
  rate_sme: RateSmeSchema,
  terminate: TerminateSchema,
  rate_incident: RateIncidentSchema,
  incident_reply: IncidentReplySchema,
} as const;

export type EngagementIntent = keyof typeof ENGAGEMENT_FORMS;

export function isEngagementIntent(value: unknown): value is EngagementIntent {
  return typeof value === "string" && Object.hasOwn(ENGAGEMENT_FORMS, value);
}
