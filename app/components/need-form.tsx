import { getFormProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FieldErrors, SelectField } from "~/components/ui/field";
import { DateInput } from "~/components/ui/date-input";
import { dateInputField } from "~/lib/date-input";
import { endOfLocalDay, startOfLocalDay } from "~/lib/local-date";
import { CATEGORIES, SECTORS } from "~/lib/reference";
import { oneOf, optionalText, text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

/** Whole đồng; dots, commas, spaces and "₫" are ignored, so "150.000.000" is accepted as typed. */
const money = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    const digits = value.replace(/[^\d-]/g, "");
    if (digits === "") return undefined;
    return /^-?\d+$/.test(digits) ? Number(digits) : value;
  },
  z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .positive("errors.budgetPositive")
    .max(1_000_000_000_000, "errors.tooLarge"),
);

export const NEED_INTENTS = ["draft", "publish", "save"] as const;

/** The need form (docs/product.md §7): new needs and edits of drafts and open needs. */
export const NeedSchema = z
  .object({
    intent: z.enum(NEED_INTENTS).default("save"),
    title: text(160),
    description: text(5000),
    category: oneOf(CATEGORIES),
    sector: oneOf(SECTORS),
    budgetMin: money,
    budgetMax: money,
    /** Typed as three boxes (deadline.day, deadline.month, deadline.year): a yyyy-mm-dd day. */
    deadline: dateInputField(),
    desiredStart: dateInputField(),
    requirements: optionalText(3000),
  })
  .superRefine((value, ctx) => {
    if (value.budgetMin > value.budgetMax) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["budgetMax"], message: "errors.budgetOrder" });
    }
    if (value.desiredStart <= value.deadline) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["desiredStart"], message: "errors.startBeforeDeadline" });
    }
  });
export type NeedFormValue = z.infer<typeof NeedSchema>;

/** Form values → the model's input: dates are Ho Chi Minh City days; bidding closes at the day's end. */
export function needInputFrom(value: NeedFormValue) {
  return {
    title: value.title,
    description: value.description,
    category: value.category,
    sector: value.sector,
    budgetMin: value.budgetMin,
    budgetMax: value.budgetMax,
    desiredStart: startOfLocalDay(value.desiredStart),
    deadline: endOfLocalDay(value.deadline),
    requirements: value.requirements ?? "",
  };
}

/**
 * A model's refusal as Conform errors: next to the field it names, else over the form. `stale`
 * (someone else changed the need first) reads as errors.stale.
 */
export function refusalErrors(refusal: { error: string; field?: string }) {
  const message = refusal.error === "stale" ? "errors.stale" : refusal.error;
  return refusal.field ? { fieldErrors: { [refusal.field]: [message] } } : { formErrors: [message] };
}

const TEXTAREA =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

export function TextareaField({
  meta,
  label,
  hint,
  rows = 5,
  optional = false,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const props = getTextareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div>
      <label htmlFor={meta.id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-600">({t("form.optional")})</span> : null}
      </label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} rows={rows} className={TEXTAREA} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** What the form starts with: text as shown, each date as its three boxes (app/lib/date-input.ts). */
export type NeedFormDefaults = Partial<
  Record<Exclude<keyof NeedFormValue, "desiredStart" | "deadline">, string> &
    Record<"desiredStart" | "deadline", { day: string; month: string; year: string }>
>;

/**
 * `mode`: "new" and "draft" save a draft or publish; "open" saves changes to a published need.
 */
export function NeedForm({
  id,
  mode,
  defaultValue,
  lastResult,
}: {
  id: string;
  mode: "new" | "draft" | "open";
  defaultValue: NeedFormDefaults;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(NeedSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NeedSchema }),
  });
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <ErrorSummary
        form={form}
        labels={{
          title: t("needs.fields.title"),
          description: t("needs.fields.description"),
          category: t("needs.fields.category"),
          sector: t("needs.fields.sector"),
          requirements: t("needs.fields.requirements"),
          budgetMin: t("needs.fields.budgetMin"),
          budgetMax: t("needs.fields.budgetMax"),
          deadline: t("needs.fields.deadline"),
          desiredStart: t("needs.fields.desiredStart"),
        }}
      />
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("needs.form.whatSection")}</legend>
        <Field meta={fields.title} label={t("needs.fields.title")} hint={t("needs.form.titleHint")} />
        <TextareaField
          meta={fields.description}
          label={t("needs.fields.description")}
          hint={t("needs.form.descriptionHint")}
          rows={6}
        />
        <SelectField
          meta={fields.category}
          label={t("needs.fields.category")}
          placeholder={t("form.choose")}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        />
        <SelectField
          meta={fields.sector}
          label={t("needs.fields.sector")}
          placeholder={t("form.choose")}
          options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
        />
        <TextareaField
          meta={fields.requirements}
          label={t("needs.fields.requirements")}
          hint={t("needs.form.requirementsHint")}
          rows={4}
          optional
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold">{t("needs.form.budgetSection")}</legend>
        <p className="text-sm text-slate-700">{t("needs.form.budgetHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field meta={fields.budgetMin} label={t("needs.fields.budgetMin")} inputProps={{ inputMode: "numeric" }} />
          <Field meta={fields.budgetMax} label={t("needs.fields.budgetMax")} inputProps={{ inputMode: "numeric" }} />
        </div>
        <div className="space-y-4">
          <DateInput meta={fields.deadline} legend={t("needs.fields.deadline")} hint={t("needs.form.deadlineHint")} />
          <DateInput
            meta={fields.desiredStart}
            legend={t("needs.fields.desiredStart")}
            hint={t("needs.form.startHint")}
          />
        </div>
      </fieldset>
      <div className="flex flex-col gap-3 sm:flex-row">
        {mode === "open" ? (
          <Button name="intent" value="save" disabled={busy}>
            {t("needs.form.saveChanges")}
          </Button>
        ) : (
          <>
            <Button name="intent" value="publish" disabled={busy}>
              {t("needs.form.publish")}
            </Button>
            <Button name="intent" value="draft" variant="secondary" disabled={busy}>
              {t("needs.form.saveDraft")}
            </Button>
          </>
        )}
      </div>
      {mode === "open" ? <p className="text-sm text-slate-700">{t("needs.form.openEditNote")}</p> : null}
    </Form>
  );
}
