/**
 * The translator every page renders with, on the server and in the browser: the same few lines on
 * both sides, so that both render the same text. It does what the app asks of i18next v23 (and
 * gives the same output, which app/lib/translate.test.ts checks for every key of both languages):
 * a dotted key looked up in a nested strings object, `{{name}}` filled in without escaping (React
 * escapes), a plural form chosen by `Intl.PluralRules` (`_zero` first for a count of 0, then
 * `_one`/`_other`…, then the bare key), a context (`key_<context>` and its plural forms before the
 * key's), `defaultValue`, a list of keys (the first found), and a missing key given back as itself.
 */

/**
 * Values for `{{name}}`, and the options i18next also reads: `count` (plural), `context` (`key_<context>`
 * first) and `defaultValue`.
 */
export type TOptions = { count?: number; context?: string; defaultValue?: string; [name: string]: unknown };
export type TFunction = (key: string | readonly string[], options?: TOptions) => string;
/** A nested strings object (one language's app/locales file, or some of its namespaces). */
export type Strings = { [key: string]: unknown };

const rules = new Map<string, Intl.PluralRules>();

function pluralSuffix(lang: string, count: number): string {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return `_${rule.select(count)}`;
}

const own = (object: unknown, key: string): object is Strings =>
  typeof object === "object" && object !== null && Object.prototype.hasOwnProperty.call(object, key);

/** The value at a dotted path (`needs.list.title`), or undefined. */
export function lookup(strings: unknown, key: string): unknown {
  let node: unknown = strings;
  for (const part of key.split(".")) {
    if (!own(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

const found = new WeakMap<object, Map<string, unknown>>();

/**
 * `lookup` remembered per strings object, for strings that never change (a language's file): a
 * key found once is answered from a map. Only keys found are kept, so keys that were made up
 * (from a request's values) cannot grow it.
 */
export function lookupKept(strings: Strings, key: string): unknown {
  let kept = found.get(strings);
  if (!kept) {
    kept = new Map();
    found.set(strings, kept);
  }
  const known = kept.get(key);
  if (known !== undefined) return known;
  const value = lookup(strings, key);
  if (value !== undefined) kept.set(key, value);
  return value;
}

/** The top-level namespace of a key: `needs` for `needs.list.title`. */
export const namespaceOf = (key: string) => {
  const dot = key.indexOf(".");
  return dot < 0 ? key : key.slice(0, dot);
};

const VARIABLE = /{{(.+?)}}/g;

/** `{{name}}` (or `{{a.b}}`) from the options; one left unfilled when the options do not name it. */
export function interpolate(text: string, values: TOptions): string {
  if (!text.includes("{{")) return text;
  return text.replace(VARIABLE, (match, inner: string) => {
    const name = inner.trim();
    const value = own(values, name) ? values[name] : name.includes(".") ? lookup(values, name) : undefined;
    if (value === undefined) return own(values, name) ? "" : match;
    return value === null ? "" : String(value as string);
  });
}

/**
 * A translator over `find` (a key's string, or undefined when it has none). `lang` chooses the
 * plural forms.
 */
export function createT(lang: string, find: (key: string) => unknown): TFunction {
  return (keys, options = {}) => {
    // The common call (one key, no count, no context), without the candidates' lists.
    if (typeof keys === "string" && options.count === undefined && options.context === undefined) {
      const text = find(keys);
      if (typeof text === "string") return interpolate(text, options);
    }
    const list = typeof keys === "string" ? [keys] : keys;
    if (list.length === 0) return "";
    const plural = options.count !== undefined && typeof options.count !== "string";
    const suffix = plural ? pluralSuffix(lang, options.count!) : "";
    const context = options.context;
    const contextual = (typeof context === "string" || typeof context === "number") && context !== "";
    const forms = (key: string) =>
      plural ? [key, key + suffix, ...(options.count === 0 ? [`${key}_zero`] : [])] : [key];
    let found: unknown;
    for (const key of list) {
      // Looked up from the last: the context's forms, then the key's.
      const candidates = contextual ? [...forms(key), ...forms(`${key}_${context}`)] : forms(key);
      for (let i = candidates.length - 1; i >= 0 && (found === undefined || found === null); i -= 1) {
        found = find(candidates[i]!);
      }
      if (found !== undefined && found !== null) break;
    }
    if (found !== undefined && found !== null && typeof found !== "string") {
      return `key '${list[list.length - 1]} (${lang})' returned an object instead of string.`;
    }
    const fallback = (plural && (options[`defaultValue${suffix}`] as string | undefined)) || options.defaultValue;
    const text = typeof found === "string" ? found : (fallback ?? list[list.length - 1]!);
    return interpolate(text, options);
  };
}

/** A translator over one nested strings object. */
export const translatorFor = (lang: string, strings: Strings): TFunction =>
  createT(lang, (key) => lookupKept(strings, key));
