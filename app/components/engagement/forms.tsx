import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { useIntentResult } from "~/utils/use-intent-result";

/** The errors the action returned for this form (`intent`), as translated messages. */
export function IntentErrors({ intent }: { intent: string }) {
  const { t } = useTranslation();
  const result = useIntentResult(intent);
  const errors = result?.error ? Object.values(result.error).flat().filter(Boolean) : [];
  if (!errors.length) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {[...new Set(errors)].map((e) => (
        <p key={e}>{t(e as string)}</p>
      ))}
    </div>
  );
}

/** A small form for one action; `intent` names it for the action and for its errors. */
export function ActionForm({
  intent,
  fields = {},
  children,
  submit,
  variant = "primary",
  multipart = false,
}: {
  intent: string;
  fields?: Record<string, string>;
  children?: ReactNode;
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  multipart?: boolean;
}) {
  const errorKey = fields.id ? `${intent}-${fields.id}` : intent;
  return (
    <Form method="post" encType={multipart ? "multipart/form-data" : undefined} className="space-y-3">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <IntentErrors intent={errorKey} />
      {children}
      <Button variant={variant}>{submit}</Button>
    </Form>
  );
}

const INPUT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function TextArea({
  id,
  name,
  label,
  required = true,
  rows = 3,
}: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  rows?: number;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
        {required ? null : <span className="ml-1 font-normal text-slate-600">({t("form.optional")})</span>}
      </label>
      <textarea id={id} name={name} rows={rows} required={required} className={INPUT} />
    </div>
  );
}

export function Input({
  id,
  name,
  label,
  type = "text",
  required = true,
  inputMode,
}: {
  id: string;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  inputMode?: "numeric" | "text" | "url";
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
        {required ? null : <span className="ml-1 font-normal text-slate-600">({t("form.optional")})</span>}
      </label>
      <input id={id} name={name} type={type} required={required} inputMode={inputMode} className={INPUT} />
    </div>
  );
}

export function Select({
  id,
  name,
  label,
  options,
}: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} required className={INPUT}>
        <option value="">{t("form.choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
