import type { FormMetadata } from "@conform-to/react";
import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { fieldMessage } from "./field-message";

type Form = Pick<FormMetadata<Record<string, unknown>, string[]>, "id" | "errorId" | "errors" | "allErrors">;

/**
 * GOV.UK's error summary: at the top of a refused form, what went wrong, each field's message a
 * link to that field. The server renders it (it works without JavaScript: the links are
 * fragment links to the fields' ids); with JavaScript it takes focus when it appears, and a link
 * moves focus into its field rather than only scrolling. The messages next to the fields stay.
 * `labels` names the fields (by their form name) so that a general message ("Please fill this
 * in.") says which field it is about: "Tên doanh nghiệp: Vui lòng điền mục này."; a message that
 * names its field itself ("Nhập {{field}}", the date boxes') takes the label into its sentence.
 */
export function ErrorSummary({ form, labels = {} }: { form: Form; labels?: Partial<Record<string, string>> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const formErrors = form.errors ?? [];
  const fieldErrors = Object.entries(form.allErrors).filter(([name, errors]) => name !== "" && errors.length);
  const count = formErrors.length + fieldErrors.length;
  const signature = JSON.stringify(form.allErrors);

  // Focus moves to the summary when the page opens with it, and after each refused submission —
  // never while the person corrects a field (errors also change as they type).
  const submitted = useRef(false);
  useEffect(() => {
    if (count) ref.current?.focus();
    // Only on mount: later changes are handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const element = document.getElementById(form.id);
    if (!element) return;
    const onSubmit = () => {
      submitted.current = true;
      // Refused in the browser: the summary is there once the submit event has been handled.
      setTimeout(() => {
        if (submitted.current && ref.current) {
          submitted.current = false;
          ref.current.focus();
        }
      }, 0);
    };
    // Typing again means the answer to the last submission (if any) has been seen.
    const onInput = () => {
      submitted.current = false;
    };
    element.addEventListener("submit", onSubmit);
    element.addEventListener("input", onInput);
    return () => {
      element.removeEventListener("submit", onSubmit);
      element.removeEventListener("input", onInput);
    };
  }, [form.id]);
  useEffect(() => {
    // Refused by the server.
    if (submitted.current && count) {
      submitted.current = false;
      ref.current?.focus();
    }
  }, [count, signature]);

  if (!count) return null;

  const fieldId = (name: string) => `${form.id}-${name}`;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, name: string) => {
    const byId = document.getElementById(fieldId(name));
    const formElement = document.getElementById(form.id);
    const target =
      byId && byId.matches("input, select, textarea, button")
        ? byId
        : (byId?.querySelector<HTMLElement>("input, select, textarea") ??
          formElement?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) ??
          byId);
    if (!target) return;
    event.preventDefault();
    const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
    (label ?? target).scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  };

  return (
    <div
      ref={ref}
      id={form.errorId}
      role="alert"
      tabIndex={-1}
      aria-labelledby={`${form.id}-summary-title`}
      className="rounded-md border-2 border-red-600 bg-red-50 p-4 text-sm text-red-900 focus:outline focus:outline-4 focus:outline-amber-400"
    >
      <h2 id={`${form.id}-summary-title`} className="text-base font-semibold">
        {t("form.summaryTitle")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {formErrors.map((e) => (
          <li key={`form-${e}`}>{t(e)}</li>
        ))}
        {fieldErrors.map(([name, errors]) => (
          <li key={name}>
            <a
              href={`#${fieldId(name)}`}
              onClick={(event) => focusField(event, name)}
              className="font-medium text-red-900 underline underline-offset-2 hover:no-underline"
            >
              {summaryLine(t, errors[0]!, labels[name])}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function summaryLine(t: ReturnType<typeof useTranslation>["t"], key: string, label: string | undefined) {
  const message = fieldMessage(t, key, label);
  return label && !message.named ? `${label}: ${message.text}` : message.text;
}
