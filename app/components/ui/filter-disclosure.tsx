import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";

/**
 * A list page's filters behind one "Bộ lọc (n)" disclosure: a plain `<details>`, so it opens
 * without JavaScript. On a phone it starts closed (n counts the filters in use, so nothing applied
 * is hidden unknowingly); from the `md` width up the stylesheet shows its content as if open and
 * hides the summary (app/tailwind.css, `.filter-disclosure`), where the browser can.
 */
export function FilterDisclosure({
  active,
  children,
  className = "",
}: {
  /** How many filters are in use now. */
  active: number;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <details className={`filter-disclosure ${className}`}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-brand-800">
        {t("filters.summary", { count: active })}
      </summary>
      <div className="pt-3 md:pt-0">{children}</div>
    </details>
  );
}
