import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { browserI18n } from "~/utils/i18n-browser";
import { registerPageTranslator } from "~/utils/page-translator";

// Only the page's language is loaded (its own chunk), then the page is hydrated with it.
void browserI18n(document.documentElement.lang).then((i18n) => {
  // Switching language is a full page load: the loaded language is the page's.
  registerPageTranslator(() => i18n.t);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
});
