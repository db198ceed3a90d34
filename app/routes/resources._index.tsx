import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { ResourceCard } from "~/components/resources/resource-card";
import { Button } from "~/components/ui/button";
import { FilterSelect } from "~/components/ui/filter-select";
import { Card, PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { pickOne } from "~/lib/query-params";
import { CATEGORIES } from "~/lib/reference";
import { listResources } from "~/models/resources.server";
import { pillarOptions } from "~/models/questionnaires.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "resources.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageParam(url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const category = pickOne(CATEGORIES, url.searchParams.get("category")) ?? null;
  const pillars = pillarOptions();
  const pillar =
    pickOne(
      pillars.map((p) => p.value),
      url.searchParams.get("pillar"),
    ) ?? null;
  return json({ page, q, category, pillar, pillars, ...listResources({ q, category, pillar, page }) });
}

export default function Resources() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { rows, total, page, pageCount, q, category, pillar, pillars } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("resources.title")} lead={t("resources.lead")} />
      <Card>
        <Form method="get" role="search" className="grid gap-4 sm:grid-cols-4 sm:items-end">
          <div className="sm:col-span-2">
            <label htmlFor="q" className="mb-1 block text-sm font-medium">
              {t("resources.search")}
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
            />
          </div>
          <FilterSelect
            name="category"
            label={t("resources.fields.category")}
            value={category ?? ""}
            emptyLabel={t("resources.anyCategory")}
            options={CATEGORIES.map((v) => ({ value: v, label: t(`categories.${v}`) }))}
          />
          <FilterSelect
            name="pillar"
            label={t("resources.fields.pillar")}
            value={pillar ?? ""}
            emptyLabel={t("resources.anyPillar")}
            options={pillars.map((p) => ({ value: p.value, label: p.label[lang] }))}
          />
          <Button variant="secondary">{t("resources.searchButton")}</Button>
        </Form>
      </Card>
      <p className="text-sm text-slate-700" role="status">
        {t("resources.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="text-slate-700">{t("resources.none")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map((r) => (
            <ResourceCard key={r.id} resource={r} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
