/**
 * The browser's translations: only the language of the page (its `<html lang>`), loaded as a
 * chunk of its own, so that a page's JavaScript never carries the other language's strings.
 */
import type { i18n as I18n } from "i18next";
import { LANGUAGES, type Lang } from "~/lib/reference";
import { i18nInstance } from "./i18n-instance";

const isLang = (value: string): value is Lang => (LANGUAGES as readonly string[]).includes(value);

export async function browserI18n(htmlLang: string): Promise<I18n> {
  const lang: Lang = isLang(htmlLang) ? htmlLang : "vi";
  const translation =
    lang === "en" ? (await import("~/locales/en.json")).default : (await import("~/locales/vi.json")).default;
  return i18nInstance(lang, { [lang]: { translation } });
}
