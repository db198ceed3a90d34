/**
 * Translations: every word on screen comes from app/locales. Both languages are small enough to
 * ship in the bundle, so the browser needs no extra request and switching is a plain page load.
 */
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { LANGUAGES, type Lang } from "~/lib/reference";

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;
export const DEFAULT_LANG: Lang = "vi";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A ready, synchronous i18next instance for one language (one per request on the server). */
export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources,
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  });
  return instance;
}

const fixed = new Map<Lang, TFunction>();

/** A translator for server-side text (emails, page titles). */
export function translator(lang: Lang): TFunction {
  let t = fixed.get(lang);
  if (!t) {
    t = createI18n(lang).t;
    fixed.set(lang, t);
  }
  return t;
}
