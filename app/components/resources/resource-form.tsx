import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { CATEGORIES } from "~/lib/reference";
import { isSlug, RESOURCE_KINDS } from "~/lib/resource-rules";
import { oneOf, text } from "~/utils/validation";

export const RESOURCE_INTENTS = ["draft", "publish", "save"] as const;

/** A guide or article: both languages, Markdown bodies, a category or a pillar (or both). */
export const ResourceSchema = z
  .object({
    intent: z.enum(RESOURCE_INTENTS).default("save"),
    slug: z.string({ required_error: "errors.required" }).trim().toLowerCase().refine(isSlug, "resources.errors.slug"),
    kind: oneOf(RESOURCE_KINDS),
    category: z.enum(CATEGORIES).optional(),
    pillar: z.string().trim().max(40).optional(),
    titleVi: text(200),
    titleEn: text(200),
    summaryVi: text(600),
    summaryEn: text(600),
    bodyVi: text(60_000),
    bodyEn: text(60_000),
  })
  .superRefine((value, ctx) => {
    if (!value.category && !value.pillar) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["category"], message: "resources.errors.topic" });
    }
  });

export type ResourceFormValue = z.infer<typeof ResourceSchema>;

export function resourceInputFrom(value: ResourceFormValue) {
  const { intent: _intent, category, pillar, ...rest } = value;
  return { ...rest, category: category ?? null, pillar: pillar ?? null };
}

export function resourceDefaults(r: {
  slug: string;
  kind: string;
  category: string | null;
  pillar: string | null;
  titleVi: string;
  titleEn: string;
  summaryVi: string;
  summaryEn: string;
  bodyVi: string;
  bodyEn: string;
}) {
  return { ...r, category: r.category ?? "", pillar: r.pillar ?? "" };
}

export function ResourceForm({
  id,
  lastResult,
  defaultValue,
  mode,
  pillars,
}: {
  id: string;
  /** The current questionnaire's pillars (pillarOptions() in the loader). */
  pillars: { value: string; label: { vi: string; en: string } }[];
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: ReturnType<typeof resourceDefaults>;
  mode: "new" | "edit";
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [form, fields] = useForm<z.input<typeof ResourceSchema>, z.output<typeof ResourceSchema>>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(ResourceSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResourceSchema }),
  });
  const labels = {
    slug: t("resources.fields.slug"),
    kind: t("resources.fields.kind"),
    category: t("resources.fields.category"),
    pillar: t("resources.fields.pillar"),
    titleVi: t("resources.fields.titleVi"),
    titleEn: t("resources.fields.titleEn"),
    summaryVi: t("resources.fields.summaryVi"),
    summaryEn: t("resources.fields.summaryEn"),
    bodyVi: t("resources.fields.bodyVi"),
    bodyEn: t("resources.fields.bodyEn"),
  };
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <ErrorSummary form={form} labels={labels} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field meta={fields.slug} label={labels.slug} hint={t("resources.fields.slugHint")} />
        <SelectField
          meta={fields.kind}
          label={labels.kind}
          options={RESOURCE_KINDS.map((v) => ({ value: v, label: t(`resources.kinds.${v}`) }))}
        />
        <SelectField
          meta={fields.category}
          label={labels.category}
          hint={t("resources.fields.topicHint")}
          placeholder={t("resources.fields.none")}
          options={CATEGORIES.map((v) => ({ value: v, label: t(`categories.${v}`) }))}
        />
        <SelectField
          meta={fields.pillar}
          label={labels.pillar}
          placeholder={t("resources.fields.none")}
          options={pillars.map((p) => ({ value: p.value, label: p.label[lang] }))}
        />
      </div>
      <Field meta={fields.titleVi} label={labels.titleVi} />
      <TextareaField meta={fields.summaryVi} label={labels.summaryVi} rows={2} />
      <TextareaField meta={fields.bodyVi} label={labels.bodyVi} hint={t("resources.fields.markdownHint")} rows={14} />
      <Field meta={fields.titleEn} label={labels.titleEn} />
      <TextareaField meta={fields.summaryEn} label={labels.summaryEn} rows={2} />
      <TextareaField meta={fields.bodyEn} label={labels.bodyEn} hint={t("resources.fields.markdownHint")} rows={14} />
      <div className="flex flex-col gap-3 sm:flex-row">
        {mode === "new" ? (
          <>
            <Button name="intent" value="publish">
              {t("resources.staff.publishNow")}
            </Button>
            <Button name="intent" value="draft" variant="secondary">
              {t("resources.staff.saveDraft")}
            </Button>
          </>
        ) : (
          <Button name="intent" value="save">
            {t("resources.staff.save")}
          </Button>
        )}
      </div>
    </Form>
  );
}
