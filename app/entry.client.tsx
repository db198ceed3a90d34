import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, isLang, DEFAULT_LANG } from "~/utils/i18n";

const htmlLang = document.documentElement.lang;
const i18n = createI18n(isLang(htmlLang) ? htmlLang : DEFAULT_LANG);

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
