import { getFormProps, useForm, type FormMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { useIntentResult } from "~/utils/use-intent-result";
import { ErrorSummary } from "~/components/ui/error-summary";

/**
 * One of the page's forms, by its key (unique on the page: `submit-<milestone>`): the action's
 * answer for that key, the schema's constraints, and the same schema in the browser. What was
 * typed stays, and each error shows next to its field, with or without JavaScript.
 */
export function useEngagementForm<Schema extends z.ZodTypeAny>(formKey: string, schema: Schema) {
  return useForm<z.input<Schema>>({
    id: formKey,
    lastResult: useIntentResult(formKey),
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

/**
 * The `open` of a `<details>` holding forms: open once one of them has shown an error (from the
 * server, or from the browser's check), and it stays open while the person corrects it.
 */
export function useOpenOnError(...forms: { allErrors: Record<string, string[]> }[]): true | undefined {
  const errored = forms.some((form) => Object.values(form.allErrors).some((e) => e.length > 0));
  const [latched, setLatched] = useState(errored);
  if (errored && !latched) setLatched(true);
  return latched || errored || undefined;
}

/** A form of the page: its intent and key posted with it, its hidden values, form-level errors above the fields. */
export function EngagementForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  hidden = {},
  children,
  submit,
  variant = "primary",
  multipart = false,
  action,
  labels,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  hidden?: Record<string, string>;
  children?: ReactNode;
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  multipart?: boolean;
  action?: string;
  /** The fields' names for the error summary ("Lý do: Vui lòng điền mục này."). */
  labels?: Record<string, string>;
}) {
  return (
    <Form
      method="post"
      action={action}
      encType={multipart ? "multipart/form-data" : undefined}
      {...getFormProps(form)}
      className="space-y-3"
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="form" value={form.id} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <ErrorSummary form={form} labels={labels} />
      {children}
      <Button variant={variant}>{submit}</Button>
    </Form>
  );
}
