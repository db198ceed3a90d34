/**
 * The strings a page carries. The server renders with all of its language's strings, noting each
 * top-level namespace the render used (`needs` for `needs.list.title`); the page then carries those
 * namespaces (and ALWAYS), as JSON at the end of its body, for the browser to hydrate with the same
 * text. The rest of the language is `/strings/<lang>/<version>` (app/routes/strings.$lang.$version.ts),
 * which the browser fetches once idle, for the pages it may reach without a page load.
 */
import { createHash } from "node:crypto";
import type { Lang } from "~/lib/reference";
import { createT, lookup, namespaceOf, type Strings } from "~/lib/translate";
import { stringsOf } from "./i18n";
import { fixedTranslations, type Translations } from "./i18n-react";

/** The id of the `<script type="application/json">` that carries the page's strings. */
export const STRINGS_ID = "strings";

/**
 * Namespaces every page carries although the first render may not use them: what a state change
 * in the browser may show before the rest has arrived (a form's error messages, a confirmation, an
 * error page after a failed navigation, pagination). About 5 KB of JSON (1.4 KB gzipped) in vi.
 */
export const ALWAYS = ["errors", "form", "fields", "confirm", "errorPage", "pagination", "nav"] as const;

/** The page's payload: its language, where the rest is, and the namespaces' strings. */
export type PageStrings = { lang: Lang; rest: string; strings: Strings };

const whole = new Map<Lang, { json: string; version: string }>();

/** A language's whole strings as JSON, and a short hash of them (the version in their address). */
export function languageStrings(lang: Lang): { json: string; version: string } {
  let entry = whole.get(lang);
  if (!entry) {
    const json = JSON.stringify(stringsOf(lang));
    entry = { json, version: createHash("sha256").update(json).digest("hex").slice(0, 12) };
    whole.set(lang, entry);
  }
  return entry;
}

export const restUrl = (lang: Lang) => `/strings/${lang}/${languageStrings(lang).version}`;

/** Translations for one render, which note the namespaces it used. */
export function recordingTranslations(lang: Lang): { translations: Translations; used: Set<string> } {
  const strings = stringsOf(lang);
  const used = new Set<string>();
  const t = createT(lang, (key) => {
    used.add(namespaceOf(key));
    return lookup(strings, key);
  });
  return { translations: fixedTranslations(lang, t), used };
}

/** The payload for a page whose render used `used`. */
export function pageStrings(lang: Lang, used: Iterable<string>): PageStrings {
  const all = stringsOf(lang);
  const strings: Strings = {};
  for (const ns of [...ALWAYS, ...used]) if (Object.prototype.hasOwnProperty.call(all, ns)) strings[ns] = all[ns];
  return { lang, rest: restUrl(lang), strings };
}

/** The `<script type="application/json">` (not run: the CSP nonce for form's sake) with the payload. */
export function pageStringsScript(payload: PageStrings, nonce: string | undefined): string {
  // JSON's "<" escaped so that no string ends the script element.
  const json = JSON.stringify(payload).replace(/</g, "\\u003c");
  const attribute = nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=_-]/g, "")}"` : "";
  return `<script type="application/json" id="${STRINGS_ID}"${attribute}>${json}</script>`;
}
