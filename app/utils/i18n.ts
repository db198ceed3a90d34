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

/** The options i18next's fixed `t` (react-i18next's) adds by itself; any other makes a call not plain. */
const PLAIN_OPTIONS = new Set(["lng", "lngs", "ns", "keyPrefix"]);
const MAX_REMEMBERED = 20_000;

/**
 * The server's `t` answering a plain call (a key, no interpolation, count, context or default)
 * from memory after the first time (ADR 014): the header and footer ask for the same few dozen
 * strings at every page, and i18next resolves each anew (key parsing, namespaces, fallbacks,
 * interpolation and nesting passes). The server's strings never change while it runs.
 */
function rememberPlainStrings(instance: I18n): void {
  const t = instance.t as unknown as (...args: unknown[]) => unknown;
  const known = new Map<string, string>();
  const remembering = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length > 0 || (options !== undefined && typeof options !== "object")) {
      return t(key, options, ...rest);
    }
    let memo = `\u0000\u0000\u0000${key}`;
    if (options) {
      const o = options as Record<string, unknown>;
      for (const name in o) if (!PLAIN_OPTIONS.has(name)) return t(key, options);
      if (o.keyPrefix) return t(key, options);
      memo = `${String(o.lng ?? "")}\u0000${String(o.lngs ?? "")}\u0000${String(o.ns ?? "")}\u0000${key}`;
    }
    const hit = known.get(memo);
    if (hit !== undefined) return hit;
    const value = t(key, options);
    if (typeof value === "string" && known.size < MAX_REMEMBERED) known.set(memo, value);
    return value;
  };
  instance.t = remembering as unknown as I18n["t"];
}

/**
 * The server's instance for a language, made once: rendering only reads it (nothing on the server
 * changes its language), so every request shares it instead of initialising i18next anew.
 */
export function sharedI18n(lang: Lang): I18n {
  let instance = shared.get(lang);
  if (!instance) {
    instance = createI18n(lang);
    rememberPlainStrings(instance);
    shared.set(lang, instance);
  }
  return instance;
}

/** A translator for server-side text (emails, page titles). */
export function translator(lang: Lang): TFunction {
  return sharedI18n(lang).t;
}
