/**
 * The browser's translations: the strings the server sent with the page (the JSON script at the end
 * of its body, app/utils/i18n-strings.server.ts), the same text the server rendered, so the page
 * hydrates as it is. Once the page is idle the rest of its language is fetched (one JSON file, cached
 * for a year), for client-side navigations and what a click shows. A render that asks for a key
 * before that gets the key (or its default value) and renders again when the rest has arrived.
 */
import { LANGUAGES, type Lang } from "~/lib/reference";
import { createT, lookup, type Strings, type TFunction } from "~/lib/translate";
import type { Translations } from "./i18n-react";

export type PageStrings = { lang: Lang; rest: string; strings: Strings };

const isLang = (value: unknown): value is Lang => (LANGUAGES as readonly string[]).includes(value as string);

function readPageStrings(id: string): PageStrings {
  const element = document.getElementById(id);
  const payload = element?.textContent ? (JSON.parse(element.textContent) as Partial<PageStrings>) : {};
  const lang = isLang(payload.lang)
    ? payload.lang
    : isLang(document.documentElement.lang)
      ? document.documentElement.lang
      : "vi";
  return { lang, rest: payload.rest ?? `/strings/${lang}/-`, strings: payload.strings ?? {} };
}

export type BrowserTranslations = Translations & { loadRest(): Promise<void> };

/** The browser's translations, from the page's JSON script `id`. */
export const browserTranslations = (id: string): BrowserTranslations =>
  stringsStore(readPageStrings(id), async (url) => {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as Strings;
  });

/** Translations over the page's strings, which fetch the rest (`fetchStrings(page.rest)`) once. */
export function stringsStore(page: PageStrings, fetchStrings: (url: string) => Promise<Strings>): BrowserTranslations {
  let strings = page.strings;
  let complete = false;
  /** Whether some text was rendered without its string (then the components render again). */
  let missed = false;
  let version = 0;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  function loadRest(): Promise<void> {
    loading ??= fetchStrings(page.rest)
      .then((all) => {
        strings = all;
        complete = true;
        // What the page shows is the same in these: render again only where a string was missing.
        if (!missed) return;
        version += 1;
        for (const listener of listeners) listener();
      })
      .catch((error: unknown) => {
        // Offline or a failed deploy: the next render that misses a string asks again.
        loading = null;
        console.warn("strings not loaded", error);
      });
    return loading;
  }

  let found = false;
  const translate = createT(page.lang, (key) => {
    const value = lookup(strings, key);
    if (value !== undefined) found = true;
    return value;
  });
  const t: TFunction = (key, options) => {
    found = false;
    const text = translate(key, options);
    if (!found && !complete) {
      missed = true;
      void loadRest();
    }
    return text;
  };

  return {
    language: page.lang,
    t,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    loadRest,
  };
}
