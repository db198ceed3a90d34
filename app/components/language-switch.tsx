import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { LANGUAGES } from "~/lib/reference";

/**
 * Plain links to `?lang=`: the server sets the cookie and renders the whole page in the chosen
 * language, with or without JavaScript.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("nav.language")} className="flex items-center gap-1 text-sm">
      {LANGUAGES.map((lang) => {
        const params = new URLSearchParams(location.search);
        params.set("lang", lang);
        const current = i18n.language === lang;
        return (
          <a
            key={lang}
            href={`${location.pathname}?${params.toString()}`}
            lang={lang}
            hrefLang={lang}
            aria-current={current ? "true" : undefined}
            className={`whitespace-nowrap rounded px-2 py-1 font-medium ${current ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50"}`}
          >
            {t(`language.${lang}`)}
          </a>
        );
      })}
    </nav>
  );
}
