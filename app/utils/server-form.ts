import type { SubmissionResult } from "@conform-to/react";

/**
 * A form checked on the server only, shown as Conform shows it: the same ids, the same
 * `novalidate`, each field's errors and the value the person typed back from the server's
 * `submission.reply()`, and what `ErrorSummary` reads. For the short forms of the need page (ask,
 * answer, close bidding), whose checks are all on the server anyway: Conform's browser half (about
 * 11 KB of gzipped JavaScript) would only relay the server's answer there. Forms that check in the
 * browser keep Conform's `useForm`.
 */
export function useServerForm(id: string, lastResult: SubmissionResult<string[]> | null | undefined) {
  const errors = lastResult?.error ?? {};
  const allErrors: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(errors)) if (list?.length) allErrors[name] = list;
  const formErrors = allErrors[""];
  const form = {
    id,
    errorId: `${id}-error`,
    errors: formErrors,
    allErrors,
    /** `<form>`'s attributes, as Conform's `getFormProps`. */
    props: { id, noValidate: true, "aria-describedby": formErrors ? `${id}-error` : undefined },
  };
  const field = (name: string) => {
    const fieldId = `${id}-${name}`;
    const initial = lastResult?.initialValue?.[name];
    return {
      id: fieldId,
      name,
      errorId: `${fieldId}-error`,
      errors: allErrors[name],
      /** What the person sent, to type again from (Conform's `initialValue`). */
      defaultValue: typeof initial === "string" ? initial : undefined,
    };
  };
  return { form, field };
}
