/**
 * The translator `meta` functions use for page titles, on the server and in the browser: each entry
 * registers its own (the server's holds both languages; the browser's only the page's, loaded by
 * app/utils/i18n-browser.ts), so that this module, imported by every route, carries no strings.
 */
import type { TFunction } from "~/lib/translate";
import type { Lang } from "~/lib/reference";

let provider: ((lang: Lang) => TFunction) | null = null;

export function registerPageTranslator(translate: (lang: Lang) => TFunction) {
  provider = translate;
}

export function pageTranslator(lang: Lang): TFunction {
  if (!provider) throw new Error("no page translator registered (app/entry.server.tsx and app/entry.client.tsx do)");
  return provider(lang);
}
