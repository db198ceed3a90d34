/**
 * Translations: every word on screen comes from app/locales. The server (and the tests) hold both
 * languages; the browser loads only the page's own (app/utils/i18n-browser.ts), so a page's
 * JavaScript carries one language's strings, and switching is a plain page load.
 */
import type { i18n as I18n, TFunction } from "i18next";
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { LANGUAGES, type Lang } from "~/lib/reference";
import { i18nInstance } from "./i18n-instance";

export const resources = { vi: { translation: vi }, en: { translation: en } } as const;
export const DEFAULT_LANG: Lang = "vi";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A new, ready (synchronous) i18next instance for one language, holding both languages' strings. */
export function createI18n(lang: Lang): I18n {
  return i18nInstance(lang, resources);
}

const shared = new Map<Lang, I18n>();

/**
 * The server's instance for a language, made once: rendering only reads it (nothing on the server
 * changes its language), so every request shares it instead of initialising i18next anew.
 */
export function sharedI18n(lang: Lang): I18n {
  let instance = shared.get(lang);
  if (!instance) {
    instance = createI18n(lang);
    shared.set(lang, instance);
  }
  return instance;
}

/** A translator for server-side text (emails, page titles). */
export function translator(lang: Lang): TFunction {
  return sharedI18n(lang).t;
}
