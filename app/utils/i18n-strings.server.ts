/**
 * The strings a page carries. The server renders with all of its language's strings, noting each
 * key the render found; the page then carries those strings (and the ALWAYS namespaces), as JSON at
 * the end of its body, for the browser to hydrate with the same text. The rest of the language is
 * `/strings/<lang>/<version>` (app/routes/strings.$lang.$version.ts), which the browser fetches
 * once idle, for what a page shows later (client-side navigations, messages after a click).
 */
import { createHash } from "node:crypto";
import type { Lang } from "~/lib/reference";
import { createT, lookupKept, type Strings } from "~/lib/translate";
import { stringsOf } from "./i18n";
import { fixedTranslations, type Translations } from "./i18n-react";

/** The id of the `<script type="application/json">` that carries the page's strings. */
export const STRINGS_ID = "strings";

/**
 * Namespaces every page would carry although its first render may not use them. None: the likeliest
 * ones, a form's messages (`errors`, `form`), weigh 2.7 KB gzipped in vi, more than the strings a
 * page uses, and the rest of the language arrives within a second of the page being idle, before
 * anyone has filled in a form. A namespace a page must show at once after a click goes here.
 */
export const ALWAYS: readonly string[] = [];

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

/** Translations for one render, which note the keys it found. */
export function recordingTranslations(lang: Lang): { translations: Translations; used: Set<string> } {
  const strings = stringsOf(lang);
  const used = new Set<string>();
  const t = createT(lang, (key) => {
    const value = lookupKept(strings, key);
    if (typeof value === "string") used.add(key);
    return value;
  });
  return { translations: fixedTranslations(lang, t), used };
}

/** The payload for a page whose render found the keys `used`. */
export function pageStrings(lang: Lang, used: Iterable<string>): PageStrings {
  const all = stringsOf(lang);
  const strings: Strings = {};
  for (const ns of ALWAYS) strings[ns] = structuredClone(all[ns]);
  for (const key of used) {
    const parts = key.split(".");
    let node = strings;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = (typeof next === "object" && next !== null ? next : (node[part] = {})) as Strings;
    }
    node[parts[parts.length - 1]!] = lookupKept(all, key);
  }
  return { lang, rest: restUrl(lang), strings };
}

/** The `<script type="application/json">` (not run: the CSP nonce for form's sake) with the payload. */
export function pageStringsScript(payload: PageStrings, nonce: string | undefined): string {
  // JSON's "<" escaped so that no string ends the script element.
  const json = JSON.stringify(payload).replace(/</g, "\\u003c");
  const attribute = nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=_-]/g, "")}"` : "";
  return `<script type="application/json" id="${STRINGS_ID}"${attribute}>${json}</script>`;
}
