import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLang } from "~/utils/i18n";
import { languageStrings } from "~/utils/i18n-strings.server";

/**
 * One language's strings as JSON, which the browser fetches once idle (app/utils/i18n-browser.ts).
 * The address carries a hash of them: the current one is cached for a year; an old one (a page
 * from before a deploy) gets today's strings, not cached.
 */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw new Response("Not found", { status: 404 });
  const { json, version } = languageStrings(params.lang);
  return new Response(json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": params.version === version ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
