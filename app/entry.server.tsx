import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isbot } from "isbot";
import { AsyncLocalStorage } from "node:async_hooks";
import { renderToPipeableStream } from "react-dom/server";
import { htmlBodyStream } from "~/utils/html-stream.server";
import { RemixServer } from "~/utils/remix-server.server";
import { NonceProvider } from "~/utils/nonce";
import { translator } from "~/utils/i18n";
import { TranslationProvider, type Translations } from "~/utils/i18n-react";
import { pageStrings, pageStringsScript, recordingTranslations } from "~/utils/i18n-strings.server";
import { registerPageTranslator } from "~/utils/page-translator";
import { getLang, langCookieFor } from "~/utils/i18n.server";
import { log } from "~/utils/log.server";

const ABORT_DELAY = 5_000;

/** The translations of the render in progress, so that page titles (`meta`) count as used too. */
const rendering = new AsyncLocalStorage<Translations>();
registerPageTranslator((lang) => {
  const current = rendering.getStore();
  return current?.language === lang ? current.t : translator(lang);
});

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const langCookie = langCookieFor(request);
  if (langCookie) responseHeaders.append("Set-Cookie", langCookie);
  const lang = getLang(request);
  const { translations, used } = recordingTranslations(lang);
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = rendering.run(translations, () =>
      renderToPipeableStream(
        <NonceProvider value={nonce}>
          <TranslationProvider value={translations}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </TranslationProvider>
        </NonceProvider>,
        {
          nonce,
          [waitForAll ? "onAllReady" : "onShellReady"]() {
            shellRendered = true;
            // Once the render is complete: the strings it used, for the browser to hydrate with.
            const body = htmlBodyStream(() => pageStringsScript(pageStrings(lang, used), nonce));
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(
              new Response(createReadableStreamFromReadable(body), {
                headers: responseHeaders,
                status: responseStatusCode,
              }),
            );
            pipe(body);
          },
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            if (shellRendered) log.error("render error", { id: loadContext.requestId, error });
          },
        },
      ),
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  const langCookie = langCookieFor(request);
  if (langCookie) response.headers.append("Set-Cookie", langCookie);
  return response;
};

/** Logs what a loader or action threw, with the request's id so the operator finds its other lines. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  log.error("unhandled error", {
    id: context?.requestId ?? null,
    method: request.method,
    path: new URL(request.url).pathname,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
};
