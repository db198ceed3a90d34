import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";
import { formatDate } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown.server";
import { hasRole } from "~/lib/permissions";
import { getResourceBySlug } from "~/models/resources.server";
import { getUser } from "~/utils/auth.server";
import { getLang } from "~/utils/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Kết Nối Số` }];

/** One guide, its Markdown rendered here on the server in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const resource = getResourceBySlug(params.slug ?? "", hasRole(user, "staff"));
  const en = getLang(request) === "en";
  return json({
    id: resource.id,
    kind: resource.kind,
    category: resource.category,
    pillar: resource.pillar,
    status: resource.status,
    title: en ? resource.titleEn : resource.titleVi,
    summary: en ? resource.summaryEn : resource.summaryVi,
    html: renderMarkdown(en ? resource.bodyEn : resource.bodyVi),
    updatedAt: resource.updatedAt,
  });
}

export default function ResourcePage() {
  const { t } = useTranslation();
  const r = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/resources" className="text-sm font-medium text-brand-700 underline">
          ← {t("resources.title")}
        </Link>
      </p>
      <div className="flex flex-wrap gap-2">
        <Badge tone="blue">{t(`resources.kinds.${r.kind}`)}</Badge>
        {r.category ? <Badge>{t(`categories.${r.category}`)}</Badge> : null}
        {r.pillar ? <Badge>{t(`dbiPillars.name.${r.pillar}`)}</Badge> : null}
        {r.status === "draft" ? <Badge tone="amber">{t("resources.statuses.draft")}</Badge> : null}
      </div>
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{r.title}</h1>
      <p className="text-lg text-slate-700">{r.summary}</p>
      <p className="text-sm text-slate-600">{t("resources.updatedOn", { date: formatDate(r.updatedAt) })}</p>
      <div
        className="prose-guide rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
        // Rendered by app/lib/markdown.server.ts: raw HTML off, only http/https/mailto links.
        dangerouslySetInnerHTML={{ __html: r.html }}
      />
      {r.category ? (
        <p>
          <Link to={`/vendors?category=${r.category}`} className="font-medium text-brand-800 underline">
            {t("events.vendorsOf", { category: t(`categories.${r.category}`) })}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
