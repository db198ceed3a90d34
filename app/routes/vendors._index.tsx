import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { FilterDisclosure } from "~/components/ui/filter-disclosure";
import { FilterSelect } from "~/components/ui/filter-select";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { VendorLogo } from "~/components/vendor/vendor-logo";
import { VettedBadge } from "~/components/vendor/vetted-badge";
import { formatMoney, formatNumber } from "~/lib/format";
import { pickOne } from "~/lib/query-params";
import { CATEGORIES, SECTORS, type Category, type Sector } from "~/lib/reference";
import { DIRECTORY_SORTS, type DirectorySort } from "~/lib/vendor-options";
import { trackRecordsNow } from "~/models/vendor-stats.server";
import { listDirectory } from "~/models/directory.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "vendors.title");

const PRICE_STEPS = [5_000_000, 20_000_000, 50_000_000, 100_000_000, 300_000_000, 1_000_000_000];

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const category = pickOne<Category>(CATEGORIES, url.searchParams.get("category"));
  const sector = pickOne<Sector>(SECTORS, url.searchParams.get("sector"));
  const priceRaw = Number(url.searchParams.get("price_max"));
  const priceMax = Number.isSafeInteger(priceRaw) && priceRaw > 0 ? priceRaw : undefined;
  const sort = pickOne<DirectorySort>(DIRECTORY_SORTS, url.searchParams.get("sort")) ?? (q ? "relevance" : "newest");
  const page = pageParam(url);
  const result = listDirectory({ q, category, sector, priceMax, sort, page });
  const records = trackRecordsNow(result.rows.map((r) => r.id));
  const rows = result.rows.map((r) => ({ ...r, record: records.get(r.id)! }));
  return json({ q, category: category ?? "", sector: sector ?? "", priceMax: priceMax ?? "", page, ...result, rows });
}

/** The categories SMEs look for most, as chips above the results (every category is in the filter). */
const CHIP_CATEGORIES: Category[] = [
  "accounting",
  "e_invoice",
  "crm",
  "erp",
  "ecommerce",
  "digital_marketing",
  "hr_payroll",
];

const SELECT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

export default function VendorDirectory() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const activeFilters = [data.category, data.sector, data.priceMax].filter((v) => v !== "").length;
  const chips: (Category | null)[] = [null, ...CHIP_CATEGORIES];
  const category = data.category as Category | "";
  if (category && !CHIP_CATEGORIES.includes(category)) chips.push(category);
  /** The same search with this category (or none), from the first page. */
  const chipHref = (category: Category | null) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (category) next.set("category", category);
    else next.delete("category");
    const query = next.toString();
    return query ? `/vendors?${query}` : "/vendors";
  };
  return (
    <div>
      <PageHeader title={t("vendors.title")} lead={t("vendors.lead")} />
      <Form method="get" role="search" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <label htmlFor="q" className="mb-1 block text-sm font-medium">
          {t("vendors.search")}
        </label>
        <div className="flex gap-2">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={data.q}
            placeholder={t("vendors.searchPlaceholder")}
            className={`${SELECT} min-w-0 flex-1`}
          />
          <Button>{t("vendors.apply")}</Button>
        </div>
        <FilterDisclosure active={activeFilters} className="mt-3">
          <div className="grid gap-3 md:mt-3 md:grid-cols-4">
            <FilterSelect
              name="category"
              label={t("vendors.category")}
              value={data.category}
              emptyLabel={t("vendors.allCategories")}
              options={CATEGORIES.map((c) => ({ value: String(c), label: t(`categories.${c}`) }))}
            />
            <FilterSelect
              name="sector"
              label={t("vendors.sector")}
              value={data.sector}
              emptyLabel={t("vendors.allSectors")}
              options={SECTORS.map((s) => ({ value: String(s), label: t(`sectors.${s}`) }))}
            />
            <FilterSelect
              name="price_max"
              label={t("vendors.priceMax")}
              value={String(data.priceMax)}
              emptyLabel={t("vendors.anyPrice")}
              options={PRICE_STEPS.map((p) => ({
                value: String(p),
                label: t("vendors.upTo", { amount: formatMoney(p, lang) }),
              }))}
            />
            <FilterSelect
              name="sort"
              label={t("vendors.sort")}
              value={data.sort}
              options={DIRECTORY_SORTS.map((s) => ({ value: String(s), label: t(`vendors.sorts.${s}`) }))}
            />
            <div className="flex items-center gap-2 md:col-span-4 md:justify-end">
              <Link to="/vendors" className="rounded-md px-4 py-2 text-sm font-medium text-brand-700 underline">
                {t("vendors.clear")}
              </Link>
              <Button variant="secondary">{t("vendors.applyFilters")}</Button>
            </div>
          </div>
        </FilterDisclosure>
      </Form>

      <nav aria-label={t("vendors.chips")} className="-mx-4 mb-4 overflow-x-auto px-4 md:mx-0 md:px-0">
        <ul className="flex gap-2 md:flex-wrap">
          {chips.map((c) => {
            const current = (c ?? "") === data.category;
            return (
              <li key={c ?? "all"} className="shrink-0">
                <Link
                  to={chipHref(c)}
                  aria-current={current ? "true" : undefined}
                  className={`inline-flex min-h-10 items-center whitespace-nowrap rounded-full border px-3 text-sm ${
                    current
                      ? "border-brand-700 bg-brand-700 text-white"
                      : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"
                  }`}
                >
                  {c ? t(`categories.${c}`) : t("vendors.allChip")}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <p className="mb-3 text-sm text-slate-700" role="status">
        {t("vendors.count", { count: data.total })}
      </p>
      {data.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-semibold">{t("vendors.empty.title")}</p>
          <p className="mt-1 text-slate-700">{t("vendors.empty.body")}</p>
          <Link to="/vendors" className="mt-3 inline-block font-medium text-brand-700 underline">
            {t("vendors.empty.reset")}
          </Link>
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {data.rows.map((v) => (
            <li key={v.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <div className="flex items-start gap-3">
                <VendorLogo name={v.legalName} logoUrl={v.logoUrl} size="sm" />
                <h2 className="text-lg font-semibold leading-snug">
                  <Link to={`/vendors/${v.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                    {v.legalName}
                  </Link>
                </h2>
              </div>
              <div className="mt-2">
                <VettedBadge
                  vettedBy={v.vettedBy}
                  vettedAt={v.vettedAt}
                  vettingExpiresAt={v.vettingExpiresAt}
                  compact
                />
              </div>
              <p className="mt-2 line-clamp-3 text-sm text-slate-700">{v.description}</p>
              <ul className="mt-3 flex flex-wrap gap-1">
                {v.categories.slice(0, 4).map((c) => (
                  <li key={c} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                    {t(`categories.${c}`)}
                  </li>
                ))}
              </ul>
              {v.record.completed > 0 || v.record.due > 0 ? (
                <p className="mt-2 text-xs text-slate-700">
                  {t("vendors.completedCount", { count: v.record.completed })}
                  {v.record.due > 0
                    ? ` · ${t("vendors.onTimeShort", { percent: Math.round((100 * v.record.onTime) / v.record.due) })}`
                    : ""}
                </p>
              ) : null}
              <div className="mt-auto flex flex-wrap justify-between gap-2 pt-4 text-sm">
                <span>
                  {v.priceFrom !== null ? t("vendors.priceFrom", { amount: formatMoney(v.priceFrom, lang) }) : null}
                </span>
                <span className="text-slate-700">
                  {v.ratingAvg !== null
                    ? t("vendors.rating", { rating: formatNumber(v.ratingAvg / 100, lang, 1), count: v.ratingCount })
                    : t("vendors.noReviews")}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
