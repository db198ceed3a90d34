/**
 * One i18next instance for one language, ready at once (synchronous): shared by the server, which
 * holds both languages (app/utils/i18n.ts), and the browser, which loads only the page's language
 * (app/utils/i18n-browser.ts). Importing no strings itself, it adds none to the browser's bundle.
 */
import i18next, { type i18n as I18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "~/lib/reference";

export function i18nInstance(lang: Lang, resources: Resource): I18n {
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
