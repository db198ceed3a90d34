import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { formatMoney } from "~/lib/format";

type Pkg = {
  id: string;
  name: string;
  category: string;
  priceFrom: number;
  priceTo: number;
  unit: string;
  included: string;
};

export function priceRange(t: (k: string, o?: Record<string, string>) => string, p: Pkg, lang: "vi" | "en") {
  const range =
    p.priceFrom === p.priceTo
      ? formatMoney(p.priceFrom, lang)
      : t("packages.range", { from: formatMoney(p.priceFrom, lang), to: formatMoney(p.priceTo, lang) });
  return `${range} ${t(`packageUnits.${p.unit}`)}`;
}

export function PackageList({ packages, actions }: { packages: Pkg[]; actions?: (p: Pkg) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  if (packages.length === 0) return <p className="text-sm text-slate-700">{t("packages.none")}</p>;
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {packages.map((p) => (
        <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
            {t(`categories.${p.category}`)}
          </p>
          <h3 className="mt-1 font-semibold">{p.name}</h3>
          <p className="mt-1 font-semibold text-slate-900">{priceRange(t, p, lang)}</p>
          <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{p.included}</p>
          {actions ? <div className="mt-3 flex flex-wrap gap-2">{actions(p)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
