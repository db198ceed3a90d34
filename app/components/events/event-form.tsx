import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { ErrorSummary } from "~/components/ui/error-summary";
import { EVENT_AUDIENCES, EVENT_TYPES } from "~/lib/event-rules";
import { parseLocalDateTime, toLocalDateTime } from "~/lib/local-datetime";
import { CATEGORIES, STAFF_ORGANISATIONS } from "~/lib/reference";
import { oneOf, optionalText, text, wholeNumber } from "~/utils/validation";

const date = z.string({ required_error: "errors.required" }).trim().min(1, "errors.required");
const time = z.string({ required_error: "errors.required" }).trim().min(1, "errors.required");
const optional = (max: number) => optionalText(max).transform((v) => (v ? v : null));

export const EVENT_INTENTS = ["draft", "publish", "save"] as const;

/**
 * The event form: a date and a time for the start, the end and the registration deadline, read as
 * Ho Chi Minh City time (app/lib/local-datetime.ts); a place (street, ward, city) or an online
 * link, or both.
 */
export const EventSchema = z
  .object({
    intent: z.enum(EVENT_INTENTS).default("save"),
    type: oneOf(EVENT_TYPES),
    title: text(160),
    description: text(5000),
    audience: oneOf(EVENT_AUDIENCES),
    organiser: oneOf(STAFF_ORGANISATIONS),
    category: z.enum(CATEGORIES).optional(),
    startDate: date,
    startTime: time,
    endDate: date,
    endTime: time,
    deadlineDate: date,
    deadlineTime: time,
    street: optional(200),
    ward: optional(120),
    city: optional(120),
    onlineUrl: optional(500).refine((v) => v === null || /^https:\/\/[^\s]+$/i.test(v), "events.errors.onlineUrl"),
    capacity: wholeNumber(1, 100_000),
  })
  .superRefine((value, ctx) => {
    for (const [d, t] of [
      ["startDate", "startTime"],
      ["endDate", "endTime"],
      ["deadlineDate", "deadlineTime"],
    ] as const) {
      if (parseLocalDateTime(value[d], value[t]) === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [d], message: "events.errors.dateTime" });
      }
    }
    const place = [value.street, value.ward, value.city].filter(Boolean).length;
    if (place > 0 && place < 3) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["street"], message: "events.errors.placeIncomplete" });
    }
    if (place === 0 && !value.onlineUrl) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["street"], message: "events.errors.placeOrLink" });
    }
  });

export type EventFormValue = z.infer<typeof EventSchema>;

/** Form values → the model's input (the schema has checked that each date and time parse). */
export function eventInputFrom(value: EventFormValue) {
  return {
    type: value.type,
    title: value.title,
    description: value.description,
    audience: value.audience,
    organiser: value.organiser,
    category: value.category ?? null,
    startsAt: parseLocalDateTime(value.startDate, value.startTime)!,
    endsAt: parseLocalDateTime(value.endDate, value.endTime)!,
    registrationDeadline: parseLocalDateTime(value.deadlineDate, value.deadlineTime)!,
    street: value.street,
    ward: value.ward,
    city: value.city,
    onlineUrl: value.onlineUrl,
    capacity: value.capacity,
  };
}

type Stored = {
  type: string;
  title: string;
  description: string;
  audience: string;
  organiser: string;
  category: string | null;
  startsAt: number;
  endsAt: number;
  registrationDeadline: number;
  street: string | null;
  ward: string | null;
  city: string | null;
  onlineUrl: string | null;
  capacity: number;
};

/** A stored event as the form's default values. */
export function eventDefaults(event: Stored) {
  const start = toLocalDateTime(event.startsAt);
  const end = toLocalDateTime(event.endsAt);
  const deadline = toLocalDateTime(event.registrationDeadline);
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    audience: event.audience,
    organiser: event.organiser,
    category: event.category ?? "",
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    street: event.street ?? "",
    ward: event.ward ?? "",
    city: event.city ?? "",
    onlineUrl: event.onlineUrl ?? "",
    capacity: String(event.capacity),
  };
}

export function EventForm({
  id,
  lastResult,
  defaultValue,
  mode,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: ReturnType<typeof eventDefaults>;
  mode: "new" | "edit";
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof EventSchema>, z.output<typeof EventSchema>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(EventSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventSchema }),
  });
  const labels = {
    type: t("events.fields.type"),
    title: t("events.fields.title"),
    description: t("events.fields.description"),
    audience: t("events.fields.audience"),
    organiser: t("events.fields.organiser"),
    category: t("events.fields.category"),
    startDate: t("events.fields.startDate"),
    startTime: t("events.fields.startTime"),
    endDate: t("events.fields.endDate"),
    endTime: t("events.fields.endTime"),
    deadlineDate: t("events.fields.deadlineDate"),
    deadlineTime: t("events.fields.deadlineTime"),
    street: t("events.fields.street"),
    ward: t("events.fields.ward"),
    city: t("events.fields.city"),
    onlineUrl: t("events.fields.onlineUrl"),
    capacity: t("events.fields.capacity"),
  };
  const timeProps = { type: "time" } as const;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <ErrorSummary form={form} labels={labels} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          meta={fields.type}
          label={labels.type}
          options={EVENT_TYPES.map((v) => ({ value: v, label: t(`events.types.${v}`) }))}
        />
        <SelectField
          meta={fields.organiser}
          label={labels.organiser}
          options={STAFF_ORGANISATIONS.map((v) => ({ value: v, label: t(`staffOrganisations.${v}`) }))}
        />
      </div>
      <Field meta={fields.title} label={labels.title} />
      <TextareaField meta={fields.description} label={labels.description} rows={6} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          meta={fields.audience}
          label={labels.audience}
          options={EVENT_AUDIENCES.map((v) => ({ value: v, label: t(`events.audiences.${v}`) }))}
        />
        <SelectField
          meta={fields.category}
          label={labels.category}
          hint={t("events.fields.categoryHint")}
          placeholder={t("events.fields.noCategory")}
          options={CATEGORIES.map((v) => ({ value: v, label: t(`categories.${v}`) }))}
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("events.fields.when")}</legend>
        <p className="text-sm text-slate-600">{t("events.fields.whenHint")}</p>
        <div className="grid grid-cols-2 gap-4">
          <Field meta={fields.startDate} label={labels.startDate} type="date" />
          <Field meta={fields.startTime} label={labels.startTime} inputProps={timeProps} />
          <Field meta={fields.endDate} label={labels.endDate} type="date" />
          <Field meta={fields.endTime} label={labels.endTime} inputProps={timeProps} />
          <Field meta={fields.deadlineDate} label={labels.deadlineDate} type="date" />
          <Field meta={fields.deadlineTime} label={labels.deadlineTime} inputProps={timeProps} />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("events.fields.where")}</legend>
        <p className="text-sm text-slate-600">{t("events.fields.whereHint")}</p>
        <Field meta={fields.street} label={labels.street} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field meta={fields.ward} label={labels.ward} />
          <Field meta={fields.city} label={labels.city} />
        </div>
        <Field meta={fields.onlineUrl} label={labels.onlineUrl} type="url" hint={t("events.fields.onlineUrlHint")} />
      </fieldset>
      <Field
        meta={fields.capacity}
        label={labels.capacity}
        type="number"
        inputProps={{ inputMode: "numeric", min: 1 }}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        {mode === "new" ? (
          <>
            <Button name="intent" value="publish">
              {t("events.staff.publishNow")}
            </Button>
            <Button name="intent" value="draft" variant="secondary">
              {t("events.staff.saveDraft")}
            </Button>
          </>
        ) : (
          <Button name="intent" value="save">
            {t("events.staff.save")}
          </Button>
        )}
      </div>
    </Form>
  );
}
