/**
 * The few pages the server answers itself, before Remix (a request refused for its rate or its
 * size): plain HTML in the user's language, from the same translation files as the app.
 */
import type { Request } from "express";
import { isSameSitePath } from "../app/lib/redirect";
import { DEFAULT_LANG, isLang, translator } from "../app/utils/i18n";
import { langFromCookieHeader } from "../app/utils/i18n.server";
import type { Lang } from "../app/lib/reference";

export type PageKind = "rateLimited" | "tooLarge" | "lengthRequired" | "server";

/** `?lang=` first, then the `lang` cookie (a malformed one is ignored), then Vietnamese. */
export function requestLang(req: Pick<Request, "query" | "headers">): Lang {
  const fromQuery = req.query?.lang;
  if (isLang(fromQuery)) return fromQuery;
  return langFromCookieHeader(req.headers.cookie) ?? DEFAULT_LANG;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Where "back" may go: the referring page when it is on this site, else nowhere. */
function backPath(referer: string | undefined, origins: readonly string[]): string | null {
  if (!referer || !URL.canParse(referer)) return null;
  const url = new URL(referer);
  const path = `${url.pathname}${url.search}`;
  return origins.includes(url.origin) && isSameSitePath(path) ? path : null;
}

export function statusPage(
  kind: PageKind,
  status: number,
  lang: Lang,
  opts: { referer?: string; origins?: readonly string[] } = {},
): string {
  const t = translator(lang);
  const title = t(`errorPage.${kind}.title`);
  const back = backPath(opts.referer, opts.origins ?? []);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Kết Nối Số</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;line-height:1.5;margin:0}
main{max-width:36rem;margin:0 auto;padding:4rem 1rem}.code{color:#475569;font-weight:600}
h1{font-size:1.75rem;margin:.5rem 0}a{color:#1d4ed8;font-weight:600}ul{list-style:none;padding:0;display:flex;gap:1.5rem}</style>
</head>
<body>
<main>
<p class="code">${status}</p>
<h1>${escape(title)}</h1>
<p>${escape(t(`errorPage.${kind}.body`))}</p>
<ul>${back ? `<li><a href="${escape(back)}">${escape(t("errorPage.back"))}</a></li>` : ""}<li><a href="/">${escape(t("errorPage.home"))}</a></li></ul>
</main>
</body>
</html>
`;
}
