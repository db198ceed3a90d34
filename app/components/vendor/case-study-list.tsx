import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";

export type CaseStudyView = {
  id: string;
  title: string;
  sector: string;
  challenge: string;
  work: string;
  result: string;
  verified: boolean;
};

/** Case studies as the profile, the dossier and the staff review show them. */
export function CaseStudyList({
  caseStudies,
  actions,
  headingLevel = 3,
}: {
  caseStudies: CaseStudyView[];
  actions?: (c: CaseStudyView) => ReactNode;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  if (caseStudies.length === 0) return <p className="text-sm text-slate-700">{t("caseStudies.none")}</p>;
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="space-y-3">
      {caseStudies.map((c) => (
        <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <Heading className="font-semibold text-slate-900">{c.title}</Heading>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span>{t(`sectors.${c.sector}`)}</span>
            {c.verified ? (
              <span className="inline-flex items-center gap-1 rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">
                <span aria-hidden="true">✓</span>
                {t("caseStudies.verified")}
              </span>
            ) : null}
          </p>
          <dl className="mt-2 space-y-2 text-sm">
            {(["challenge", "work", "result"] as const).map((k) => (
              <div key={k}>
                <dt className="font-medium text-slate-600">{t(`caseStudies.fields.${k}`)}</dt>
                <dd className="whitespace-pre-line text-slate-900">{c[k]}</dd>
              </div>
            ))}
          </dl>
          {actions ? <div className="mt-3">{actions(c)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
