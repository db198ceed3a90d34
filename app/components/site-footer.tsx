import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-10 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">
        <p className="font-semibold text-slate-900">Kết Nối Số</p>
        <p className="mt-1">{t("footer.about")}</p>
        <p className="mt-2">{t("footer.contact")}</p>
        <p className="mt-2">
          <Link to="/stats" className="inline-block py-1 font-medium text-brand-800 underline">
            {t("footer.stats")}
          </Link>
        </p>
      </div>
    </footer>
  );
}
