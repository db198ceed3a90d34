import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { Badge } from "~/components/ui/badge";

export type ResourceSummary = {
  id: string;
  slug: string;
  kind: string;
  category: string | null;
  pillar: string | null;
  titleVi: string;
  titleEn: string;
  summaryVi: string;
  summaryEn: string;
  status?: string;
};

/** A resource's title and summary in the reader's language. */
export function localised(r: ResourceSummary, lang: string) {
  return lang === "en" ? { title: r.titleEn, summary: r.summaryEn } : { title: r.titleVi, summary: r.summaryVi };
}

export function ResourceCard({ resource, href }: { resource: ResourceSummary; href?: string }) {
  const { t, i18n } = useTranslation();
  const { title, summary } = localised(resource, i18n.language);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap gap-2">
        <Badge tone="blue">{t(`resources.kinds.${resource.kind}`)}</Badge>
        {resource.category ? <Badge>{t(`categories.${resource.category}`)}</Badge> : null}
        {resource.pillar ? <Badge>{t(`dbiPillars.name.${resource.pillar}`)}</Badge> : null}
        {resource.status === "draft" ? <Badge tone="amber">{t("resources.statuses.draft")}</Badge> : null}
      </div>
      <h3 className="mt-2 text-lg font-semibold">
        <Link to={href ?? `/resources/${resource.slug}`} className="text-brand-800 underline">
          {title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-slate-700">{summary}</p>
    </li>
  );
}
