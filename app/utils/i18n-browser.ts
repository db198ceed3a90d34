/**
 * The browser's translations: the namespaces the server sent with the page (the JSON script at the
 * end of its body, app/utils/i18n-strings.server.ts), the same text the server rendered, so the page
 * hydrates as it is. Once the page is idle the rest of its language is fetched (one JSON file, cached
 * for a year), for the pages reached by client-side navigation. A render that asks for a namespace
 * before that gets the key (or its default value) and renders again when the rest has arrived.
 */
import { LANGUAGES, type Lang } from "~/lib/reference";
import { createT, lookup, namespaceOf, type Strings } from "~/lib/translate";
import type { Translations } from "./i18n-react";

type PageStrings = { lang: Lang; rest: string; strings: Strings };

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

export function browserTranslations(id: string): BrowserTranslations {
  const page = readPageStrings(id);
  let strings = page.strings;
  let version = 0;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  function loadRest(): Promise<void> {
    loading ??= fetch(page.rest, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(`${page.rest}: ${response.status}`);
        return response.json() as Promise<Strings>;
      })
      .then((all) => {
        strings = { ...all, ...strings };
        version += 1;
        for (const listener of listeners) listener();
      })
      .catch((error: unknown) => {
        // Offline or a failed deploy: the next render that misses a namespace asks again.
        loading = null;
        console.warn("strings not loaded", error);
      });
    return loading;
  }

  const t = createT(page.lang, (key) => {
    const ns = namespaceOf(key);
    if (!Object.prototype.hasOwnProperty.call(strings, ns)) {
      void loadRest();
      return undefined;
    }
    return lookup(strings, key);
  });

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
