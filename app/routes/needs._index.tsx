import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { FilterDisclosure } from "~/components/ui/filter-disclosure";
import { FilterSelect } from "~/components/ui/filter-select";
import { NeedStatusBadge } from "~/components/need-status-badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { pageParam, Pagination } from "~/components/ui/pagination";
import { formatDate, formatMoney, formatNumber } from "~/lib/format";
import { BUDGET_BAND_IDS, CLOSES_WITHIN_DAYS, NEED_SORTS, parseNeedFilters } from "~/lib/need-filters";
import { CATEGORIES, SECTORS } from "~/lib/reference";
import { fitScoresForVendor } from "~/models/matching.server";
import {
  countOpenNeedsByCategory,
  daysLeft,
  listOpenNeeds,
  listOwnNeeds,
  vendorMarksOnNeeds,
} from "~/models/need-board.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { title } from "~/utils/meta";

export const meta: MetaFunction = (args) => title(args, "needs.board.title");

/**
 * Vendors and staff: the board of open needs. An SME: its own needs. A visitor: how many needs
 * are open in each category, and an invitation to register.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = (await getUser(request)) ? await requireUser(request) : null;
  const url = new URL(request.url);
  const page = pageParam(url);
  if (!user) return json({ view: "public" as const, ...countOpenNeedsByCategory() });
  if (user.role === "sme") return json({ view: "mine" as const, page, ...listOwnNeeds(user.organisationId, page) });
  const filters = parseNeedFilters(url.searchParams);
  const now = Date.now();
  const vendorId = user.role === "vendor" ? user.organisationId : null;
  const board = listOpenNeeds(filters, page, now, { invitedVendorId: vendorId ?? undefined });
  // A vendor sees, on each need, its invitation, its bid and its fit: a few queries for the page.
  const marks = vendorId
    ? vendorMarksOnNeeds(
        vendorId,
        board.rows.map((r) => r.id),
      )
    : null;
  const fit = vendorId ? fitScoresForVendor(vendorId, board.rows, now) : {};
  const rows = board.rows.map((r) => ({
    ...r,
    daysLeft: daysLeft(r.deadline, now),
    invited: marks?.get(r.id)?.invited ?? false,
    bid: marks?.get(r.id)?.bid ?? false,
    fit: fit[r.id] ?? null,
  }));
  return json({ view: "board" as const, page, filters, forVendor: vendorId !== null, ...board, rows });
}

export default function Needs() {
  const data = useLoaderData<typeof loader>();
  if (data.view === "public") return <PublicCounts byCategory={data.byCategory} total={data.total} />;
  if (data.view === "mine") return <MyNeeds {...data} />;
  return <Board {...data} />;
}

function PublicCounts({ byCategory, total }: { byCategory: { category: string; n: number }[]; total: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const counts = new Map(byCategory.map((r) => [r.category, r.n]));
  return (
    <div className="space-y-6">
      <PageHeader title={t("needs.public.title")} lead={t("needs.public.lead", { count: total })} />
      <Card>
        <h2 className="text-lg font-semibold">{t("needs.public.byCategory")}</h2>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {CATEGORIES.map((c) => (
            <li
              key={c}
              className="flex items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2"
            >
              <span>{t(`categories.${c}`)}</span>
              <span className="font-semibold tabular-nums">{formatNumber(counts.get(c) ?? 0, lang)}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card className="bg-brand-50">
        <h2 className="text-lg font-semibold">{t("needs.public.inviteTitle")}</h2>
        <p className="mt-1 text-slate-800">{t("needs.public.inviteBody")}</p>
        <div className="mt-4 flex flex-col gap-3 sm:flex-row">
          <Link to="/register?as=vendor" className={buttonClass("primary")}>
            {t("needs.public.registerVendor")}
          </Link>
          <Link to="/register?as=sme" className={buttonClass("secondary")}>
            {t("needs.public.registerSme")}
          </Link>
          <Link to="/login?redirectTo=%2Fneeds" className={buttonClass("ghost")}>
            {t("nav.login")}
          </Link>
        </div>
      </Card>
    </div>
  );
}

type MyNeedsData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "mine" }>;

function MyNeeds({ rows, total, page, pageCount }: MyNeedsData) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <div>
      <PageHeader
        title={t("needs.mine.title")}
        lead={t("needs.mine.lead")}
        actions={
          <Link to="/needs/new" className={buttonClass("primary")}>
            {t("needs.mine.create")}
          </Link>
        }
      />
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("needs.mine.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("needs.mine.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {rows.map((n) => (
            <li key={n.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-semibold">
                  <Link to={`/needs/${n.id}`} className="text-brand-800 underline">
                    {n.title}
                  </Link>
                </p>
                <p className="text-sm text-slate-700">
                  {t(`categories.${n.category}`)} · {formatMoney(n.budgetMin, lang)} – {formatMoney(n.budgetMax, lang)}
                </p>
                <p className="text-xs text-slate-600">{t("needs.card.deadline", { date: formatDate(n.deadline) })}</p>
              </div>
              <div className="shrink-0">
                <NeedStatusBadge status={n.statusNow} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

type BoardData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "board" }>;

function Board({ rows, total, page, pageCount, filters, forVendor }: BoardData) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const activeFilters = [filters.category, filters.sector, filters.budget, filters.closes, filters.invited].filter(
    Boolean,
  ).length;
  return (
    <div>
      <PageHeader title={t("needs.board.title")} lead={t("needs.board.lead")} />
      <Form method="get" role="search" className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="q" className="mb-1 block text-sm font-medium">
            {t("needs.board.search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t("needs.board.searchPlaceholder")}
            className="block w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
        <FilterDisclosure active={activeFilters}>
          <div className="space-y-3 md:pt-0">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
              <FilterSelect
                name="category"
                label={t("needs.fields.category")}
                value={filters.category ?? ""}
                emptyLabel={t("needs.board.all")}
                options={CATEGORIES.map((c) => ({ value: String(c), label: t(`categories.${c}`) }))}
              />
              <FilterSelect
                name="sector"
                label={t("needs.fields.sector")}
                value={filters.sector ?? ""}
                emptyLabel={t("needs.board.all")}
                options={SECTORS.map((s) => ({ value: String(s), label: t(`sectors.${s}`) }))}
              />
              <FilterSelect
                name="budget"
                label={t("needs.fields.budget")}
                value={filters.budget ?? ""}
                emptyLabel={t("needs.board.all")}
                options={BUDGET_BAND_IDS.map((b) => ({ value: String(b), label: t(`needs.budgetBands.${b}`) }))}
              />
              <FilterSelect
                name="closes"
                label={t("needs.board.closes")}
                value={String(filters.closes ?? "")}
                emptyLabel={t("needs.board.anyTime")}
                options={CLOSES_WITHIN_DAYS.map((d) => ({
                  value: String(d),
                  label: t("needs.board.withinDays", { count: d }),
                }))}
              />
              <FilterSelect
                name="sort"
                label={t("needs.board.sort")}
                value={filters.sort}
                options={NEED_SORTS.map((s) => ({ value: String(s), label: t(`needs.sorts.${s}`) }))}
              />
            </div>
            {forVendor ? (
              <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  name="invited"
                  value="1"
                  defaultChecked={filters.invited === true}
                  className="h-5 w-5 rounded border-slate-300"
                />
                {t("needs.board.invitedOnly")}
              </label>
            ) : null}
          </div>
        </FilterDisclosure>
        <div className="flex gap-3">
          <Button variant="primary">{t("needs.board.apply")}</Button>
          <Link to="/needs" className={buttonClass("ghost")}>
            {t("needs.board.clear")}
          </Link>
        </div>
      </Form>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {t("needs.board.count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("needs.board.empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {rows.map((n) => (
            <li key={n.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link to={`/needs/${n.id}`} className="text-brand-800 underline">
                  {n.title}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">{n.organisationName}</p>
              <p className="mt-2 flex flex-wrap items-center gap-2">
                {n.invited ? <Badge tone="blue">{t("needs.board.invited")}</Badge> : null}
                {n.bid ? <Badge tone="green">{t("needs.board.bidSent")}</Badge> : null}
                {n.fit !== null ? (
                  <Badge tone="neutral">{t("needs.board.fit", { score: formatNumber(n.fit, lang) })}</Badge>
                ) : null}
                <Badge tone={n.daysLeft <= 3 ? "amber" : "neutral"}>
                  {t("needs.board.daysLeft", { count: n.daysLeft })}
                </Badge>
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
                <div>
                  <dt className="sr-only">{t("needs.fields.category")}</dt>
                  <dd>{t(`categories.${n.category}`)}</dd>
                </div>
                <div>
                  <dt className="sr-only">{t("needs.fields.sector")}</dt>
                  <dd>{t(`sectors.${n.sector}`)}</dd>
                </div>
                <div>
                  <dt className="sr-only">{t("needs.fields.budget")}</dt>
                  <dd className="font-medium">
                    {formatMoney(n.budgetMin, lang)} – {formatMoney(n.budgetMax, lang)}
                  </dd>
                </div>
                <div>
                  <dt className="sr-only">{t("needs.fields.deadline")}</dt>
                  <dd>{t("needs.card.deadline", { date: formatDate(n.deadline) })}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}
