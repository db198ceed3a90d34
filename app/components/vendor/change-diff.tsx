import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import type { ContentDiff, ListDiff } from "~/lib/dossier-change";
import { priceRange } from "./package-list";

type Logo = { url: string | null; width: number; height: number } | null;

function Side({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 p-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</p>
      <div className="mt-1 whitespace-pre-line break-words text-sm text-slate-900">{children}</div>
    </div>
  );
}

function OldNew({ title, before, after }: { title: ReactNode; before: ReactNode; after: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="space-y-1">
      <p className="text-sm font-semibold">{title}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <Side label={t("dossierChange.before")}>{before}</Side>
        <Side label={t("dossierChange.after")}>{after}</Side>
      </div>
    </li>
  );
}

/**
 * What a dossier change changes, old beside new (on a phone, old above new): the company facts
 * field by field, then each added, removed or changed package, reference and case study, and the logo.
 */
export function ChangeDiff({ diff, logos }: { diff: ContentDiff; logos: { before: Logo; after: Logo } }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const none = t("dossierChange.none");
  const fieldValue = (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === "") return none;
    if (Array.isArray(v)) {
      if (field === "categories") return v.map((c) => t(`categories.${c}`)).join(", ");
      if (field === "sectors") return v.map((s) => t(`sectors.${s}`)).join(", ");
      return v.join(", ") || none;
    }
    return String(v);
  };
  const list = <T extends { id: string }>(
    kind: "packages" | "references" | "caseStudies",
    d: ListDiff<T>,
    show: (x: T) => ReactNode,
    name: (x: T) => string,
  ) => [
    ...d.added.map((x) => (
      <OldNew
        key={`a-${x.id}`}
        title={t(`dossierChange.added.${kind}`, { name: name(x) })}
        before={none}
        after={show(x)}
      />
    )),
    ...d.changed.map((c) => (
      <OldNew
        key={`c-${c.after.id}`}
        title={t(`dossierChange.changed.${kind}`, { name: name(c.after) })}
        before={show(c.before)}
        after={show(c.after)}
      />
    )),
    ...d.removed.map((x) => (
      <OldNew
        key={`r-${x.id}`}
        title={t(`dossierChange.removed.${kind}`, { name: name(x) })}
        before={show(x)}
        after={none}
      />
    )),
  ];
  const logo = (l: Logo) =>
    l?.url ? (
      <span className="flex items-center gap-2">
        <img src={l.url} alt="" width={64} height={64} className="h-16 w-16 rounded border object-contain" />
        {t("dossierLogo.size", { width: l.width, height: l.height })}
      </span>
    ) : (
      none
    );
  return (
    <ul className="space-y-4">
      {diff.company.map((c) => (
        <OldNew
          key={c.field}
          title={t(`dossierChange.fields.${c.field}`)}
          before={fieldValue(c.field, c.before)}
          after={fieldValue(c.field, c.after)}
        />
      ))}
      {diff.logo ? (
        <OldNew title={t("dossierChange.fields.logo")} before={logo(logos.before)} after={logo(logos.after)} />
      ) : null}
      {list(
        "packages",
        diff.packages,
        (p) => `${p.name}\n${t(`categories.${p.category}`)} · ${priceRange(t, p, lang)}\n${p.included}`,
        (p) => p.name,
      )}
      {list(
        "references",
        diff.references,
        (r) =>
          `${r.clientName}\n${r.project}\n${r.contactName} · ${r.contactPhone}${r.contactEmail ? ` · ${r.contactEmail}` : ""}`,
        (r) => r.clientName,
      )}
      {list(
        "caseStudies",
        diff.caseStudies,
        (c) =>
          `${c.title} (${t(`sectors.${c.sector}`)})\n${t("caseStudies.fields.challenge")}: ${c.challenge}\n${t("caseStudies.fields.work")}: ${c.work}\n${t("caseStudies.fields.result")}: ${c.result}`,
        (c) => c.title,
      )}
    </ul>
  );
}
