/**
 * Translations: every word on screen comes from app/locales. The server (and the tests) hold both
 * languages; a page carries only the strings its render used (app/utils/i18n-strings.server.ts),
 * and the browser loads the rest of its language once idle (app/utils/i18n-browser.ts). Switching
 * language is a plain page load. Server and browser translate with app/lib/translate.ts.
 */
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { LANGUAGES, type Lang } from "~/lib/reference";
import { translatorFor, type Strings, type TFunction } from "~/lib/translate";

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;
export const DEFAULT_LANG: Lang = "vi";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** One language's strings (nested, as in its app/locales file). */
export const stringsOf = (lang: Lang): Strings => resources[lang].translation as Strings;

const shared = new Map<Lang, TFunction>();

/** A translator for server-side text (emails, CSV headers, page titles outside a page's render). */
export function translator(lang: Lang): TFunction {
  let t = shared.get(lang);
  if (!t) {
    t = translatorFor(lang, stringsOf(lang));
    shared.set(lang, t);
  }
  return t;
}
