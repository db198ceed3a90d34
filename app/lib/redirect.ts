/**
 * Where to send someone after signing in (or after opening a notification): only a path on this
 * site. Anything a browser could read as another host — `//x`, `/\x`, a path with a tab or a
 * newline that browsers strip (`/\t/x` becomes `//x`), a scheme — falls back to the default.
 */
const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const PROBE_ORIGIN = "http://same-site.invalid";

export function isSameSitePath(to: unknown): to is string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return false;
  if (!to.startsWith("/") || to.startsWith("//")) return false;
  if (to.includes("\\") || hasControlCharacter(to)) return false;
  // Belt and braces: the URL a browser would build from it stays on this origin.
  try {
    return new URL(to, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

export function safeRedirect(to: unknown, fallback = "/me"): string {
  return isSameSitePath(to) ? to : fallback;
}
