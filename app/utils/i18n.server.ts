import { DEFAULT_LANG, isLang } from "./i18n";
import type { Lang } from "~/lib/reference";

export const LANG_COOKIE = "lang";
const ONE_YEAR_S = 365 * 24 * 60 * 60;

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

/** `?lang=` first (DESIGN §15), then the `lang` cookie, then Vietnamese. */
export function getLang(request: Request): Lang {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLang(fromQuery)) return fromQuery;
  const fromCookie = cookieValue(request, LANG_COOKIE);
  if (isLang(fromCookie)) return fromCookie;
  return DEFAULT_LANG;
}

/** The Set-Cookie that remembers a `?lang=` choice, or null when the URL makes none. */
export function langCookieFor(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (!isLang(fromQuery)) return null;
  return `${LANG_COOKIE}=${fromQuery}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}
