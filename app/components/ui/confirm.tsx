import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { Button } from "./button";

/**
 * A destructive action behind a second, explicit step; a disclosure, so it needs no JavaScript.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  fields,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: ReactNode;
  fields: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <details className="group">
      <summary className="inline-flex min-h-11 cursor-pointer list-none items-center rounded-md border border-red-300 px-3 text-sm font-semibold text-red-800 hover:bg-red-50">
        {label}
      </summary>
      <Form method="post" className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
        <p className="text-sm text-red-900">{question}</p>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="flex gap-2">
          <Button variant="danger">{confirmLabel}</Button>
          <span className="self-center text-xs text-slate-700">{t("confirm.cancelHint")}</span>
        </div>
      </Form>
    </details>
  );
}
