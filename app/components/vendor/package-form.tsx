import { getFormProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { CATEGORIES, PACKAGE_UNITS } from "~/lib/reference";
import { money, oneOf, text } from "~/utils/validation";
import { ErrorSummary } from "~/components/ui/error-summary";

export const PackageSchema = z
  .object({
    name: text(150),
    category: oneOf(CATEGORIES),
    priceFrom: money(),
    priceTo: money(),
    unit: oneOf(PACKAGE_UNITS),
    included: text(2000),
  })
  .refine((p) => p.priceFrom <= p.priceTo, { path: ["priceTo"], message: "errors.priceOrder" });

export function PackageForm({
  id,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<Record<keyof z.input<typeof PackageSchema>, string>>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.infer<typeof PackageSchema>>({
    id,
    lastResult,
    defaultValue: defaultValue as DefaultValue<z.infer<typeof PackageSchema>>,
    constraint: getZodConstraint(PackageSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PackageSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <ErrorSummary
        form={form}
        labels={{
          name: t("packages.name"),
          category: t("packages.category"),
          priceFrom: t("packages.priceFrom"),
          priceTo: t("packages.priceTo"),
          unit: t("packages.unit"),
          included: t("packages.included"),
        }}
      />
      <Field meta={fields.name} label={t("packages.name")} />
      <SelectField
        meta={fields.category}
        label={t("packages.category")}
        placeholder={t("form.choose")}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          meta={fields.priceFrom}
          label={t("packages.priceFrom")}
          hint={t("packages.vndHint")}
          inputProps={{ inputMode: "numeric" }}
        />
        <Field
          meta={fields.priceTo}
          label={t("packages.priceTo")}
          hint={t("packages.vndHint")}
          inputProps={{ inputMode: "numeric" }}
        />
        <SelectField
          meta={fields.unit}
          label={t("packages.unit")}
          placeholder={t("form.choose")}
          options={PACKAGE_UNITS.map((u) => ({ value: u, label: t(`packageUnits.${u}`) }))}
        />
      </div>
      <TextareaField meta={fields.included} label={t("packages.included")} hint={t("packages.includedHint")} rows={4} />
      <Button>{submitLabel}</Button>
    </Form>
  );
}
