import type { SubmissionResult } from "@conform-to/react";

/** Conform's name for the button that edits a list instead of sending the form. */
const INTENT = "__intent__";

/** `milestones[2].title` → ["milestones", 2, "title"]. */
function pathOf(name: string): (string | number)[] {
  return name
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(value: unknown, name: string): unknown {
  let at = value;
  for (const key of pathOf(name)) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * A form checked on the server only, shown as Conform shows it: the same ids, the same
 * `novalidate`, each field's errors and the value the person typed back from the server's
 * `submission.reply()`, and what `ErrorSummary` reads. For forms whose checks are all on the
 * server anyway (the need page's ask, answer and close bidding; the bid form): Conform's browser
 * half and zod (about 25 KB of gzipped JavaScript) would only relay the server's answer there.
 *
 * `defaults` are the values the form opens with (a bid being edited); once the server has
 * answered, its answer's values (what was sent) take their place. A list edited without
 * JavaScript (Conform's insert and remove buttons, `listButton`) comes back from the server with
 * the list changed and no errors shown: the person has not sent the form yet.
 */
export function useServerForm(
  id: string,
  lastResult: SubmissionResult<string[]> | null | undefined,
  defaults?: Record<string, unknown>,
) {
  const errors = lastResult?.intent ? {} : (lastResult?.error ?? {});
  const allErrors: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(errors)) if (list?.length) allErrors[name] = list;
  const formErrors = allErrors[""];
  const values: unknown = lastResult ? lastResult.initialValue : defaults;
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
    const initial = valueAt(values, name);
    return {
      id: fieldId,
      name,
      errorId: `${fieldId}-error`,
      errors: allErrors[name],
      /** What the person sent, to type again from (Conform's `initialValue`), or the default. */
      defaultValue: typeof initial === "string" ? initial : undefined,
    };
  };
  /** The rows of a list field as last sent or as the form opens (at least one). */
  const rows = (name: string): Record<string, unknown>[] => {
    const list = valueAt(values, name);
    const found = Array.isArray(list) ? list.map((row) => (row && typeof row === "object" ? row : {})) : [];
    return found.length ? found : [{}];
  };
  /**
   * A button that adds a row to a list (or removes row `index`) through the server, the way
   * Conform's `insert`/`remove` buttons do: it works without JavaScript; with it, the page handles
   * the click itself and nothing is sent.
   */
  const listButton = (
    change:
      | { type: "insert"; name: string; defaultValue: Record<string, string> }
      | { type: "remove"; name: string; index: number },
  ) => {
    const { type, ...payload } = change;
    return { type: "submit" as const, name: INTENT, value: JSON.stringify({ type, payload }), formNoValidate: true };
  };
  return { form, field, rows, listButton };
}
