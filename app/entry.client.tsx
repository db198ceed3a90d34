import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { browserTranslations } from "~/utils/i18n-browser";
import { TranslationProvider } from "~/utils/i18n-react";
import { registerPageTranslator } from "~/utils/page-translator";

const STRINGS_ID = "strings"; // app/utils/i18n-strings.server.ts

function hydrate() {
  // The namespaces the server rendered with (JSON at the end of the body), then the rest once idle.
  const translations = browserTranslations(STRINGS_ID);
  // Switching language is a full page load: the page's language is the only one.
  registerPageTranslator(() => translations.t);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <TranslationProvider value={translations}>
          <RemixBrowser />
        </TranslationProvider>
      </StrictMode>,
    );
  });
  const loadRest = () => void translations.loadRest();
  if ("requestIdleCallback" in window) window.requestIdleCallback(loadRest, { timeout: 5_000 });
  else setTimeout(loadRest, 1_000);
}

// The strings come after the last of the streamed HTML (this module may run before): wait for it.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", hydrate, { once: true });
else hydrate();
