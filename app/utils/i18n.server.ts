import { readCookie } from "~/lib/cookies";
import { DEFAULT_LANG, isLang } from "./i18n";
import type { Lang } from "~/lib/reference";

export const LANG_COOKIE = "lang";
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** The language a `lang` cookie names, or null (missing, malformed or unknown). */
export function langFromCookieHeader(header: string | null | undefined): Lang | null {
  const value = readCookie(header, LANG_COOKIE);
  return isLang(value) ? value : null;
}

/** `?lang=` first (docs/product.md §15), then the `lang` cookie, then Vietnamese. */
export function getLang(request: Request): Lang {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLang(fromQuery)) return fromQuery;
  return langFromCookieHeader(request.headers.get("Cookie")) ?? DEFAULT_LANG;
}

/** The Set-Cookie that remembers a `?lang=` choice, or null when the URL makes none. */
export function langCookieFor(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (!isLang(fromQuery)) return null;
  return `${LANG_COOKIE}=${fromQuery}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}
