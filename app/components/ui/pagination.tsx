import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";

/** Previous / next links that keep the page's filters (`?page=N`). */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params.toString()}`;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100";
  return (
    <nav aria-label={t("pagination.label")} className="mt-4 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={link} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{t("pagination.status", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} className={link} rel="next">
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** `?page=` as a positive whole number, 1 when absent or malformed. */
export function pageParam(url: URL): number {
  const n = Number(url.searchParams.get("page"));
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}
