import type { TFunction } from "~/lib/translate";

const MARK = "\u0001";

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/**
 * A field's message (a locale key) in words. Some messages name their field (`{{field}}` inside a
 * sentence, `{{Field}}` at its start: "Nhập {{field}}", "{{Field}} phải có tháng"); they get the
 * field's label, or `fallback` (a locale key: "ngày") when there is none. `named` says whether the
 * text already says which field it is about, so that a list of errors need not add the label.
 */
export function fieldMessage(
  t: TFunction,
  key: string,
  label?: string,
  fallback = "form.dateNoun",
): { text: string; named: boolean } {
  const named = t(key, { field: MARK, Field: MARK }).includes(MARK);
  if (!named) return { text: t(key), named: false };
  const noun = label ?? t(fallback);
  return { text: t(key, { field: lowerFirst(noun), Field: upperFirst(noun) }), named: true };
}
