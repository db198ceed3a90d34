/**
 * A vetted vendor's dossier changes (docs/product.md, vendors): what the vendor edits after vetting
 * is kept as a proposal beside the approved version and goes live only when staff approve it. The
 * dossier's editable content is one value (`DossierContent`); each edit is a pure function of it;
 * `diffContent` tells staff what changed, old beside new. The models read and write the content
 * (app/models/dossier-changes.server.ts).
 */
import type { Category, PackageUnit, Sector } from "./reference";

export const DOSSIER_CHANGE_STATUSES = ["pending", "changes_requested", "approved", "withdrawn"] as const;
export type DossierChangeStatus = (typeof DOSSIER_CHANGE_STATUSES)[number];
/** A change the vendor is still working on or staff still have to decide: at most one per vendor. */
export const OPEN_CHANGE_STATUSES = ["pending", "changes_requested"] as const satisfies readonly DossierChangeStatus[];

export type CompanyContent = {
  description: string;
  yearFounded: number | null;
  website: string | null;
  teamSize: number | null;
  street: string | null;
  ward: string | null;
  city: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  categories: Category[];
  sectors: Sector[];
  certifications: string[];
};

export type PackageContent = {
  id: string;
  name: string;
  category: Category;
  priceFrom: number;
  priceTo: number;
  unit: PackageUnit;
  included: string;
};

export type ReferenceContent = {
  id: string;
  clientName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  project: string;
};

export type LogoContent = { key: string; mime: string; width: number; height: number };

export type CaseStudyContent = {
  id: string;
  title: string;
  sector: Sector;
  challenge: string;
  work: string;
  result: string;
  engagementId: string | null;
};

export type DossierContent = {
  company: CompanyContent;
  packages: PackageContent[];
  references: ReferenceContent[];
  logo: LogoContent | null;
  caseStudies: CaseStudyContent[];
};

export type DossierEdit =
  | { kind: "company"; company: CompanyContent }
  | { kind: "add_package"; item: PackageContent }
  | { kind: "update_package"; item: PackageContent }
  | { kind: "remove_package"; id: string }
  | { kind: "add_reference"; item: ReferenceContent }
  | { kind: "remove_reference"; id: string }
  | { kind: "logo"; logo: LogoContent | null }
  | { kind: "add_case_study"; item: CaseStudyContent }
  | { kind: "update_case_study"; item: CaseStudyContent }
  | { kind: "remove_case_study"; id: string };

/** The content after one edit; null when the edit names an item the content does not hold. */
export function applyEdit(content: DossierContent, edit: DossierEdit): DossierContent | null {
  const replace = <T extends { id: string }>(list: T[], item: T) =>
    list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : null;
  const remove = <T extends { id: string }>(list: T[], id: string) =>
    list.some((x) => x.id === id) ? list.filter((x) => x.id !== id) : null;
  const orNull = <K extends keyof DossierContent>(key: K, value: DossierContent[K] | null) =>
    value === null ? null : { ...content, [key]: value };
  switch (edit.kind) {
    case "company":
      return { ...content, company: edit.company };
    case "add_package":
      return { ...content, packages: [...content.packages, edit.item] };
    case "update_package":
      return orNull("packages", replace(content.packages, edit.item));
    case "remove_package":
      return orNull("packages", remove(content.packages, edit.id));
    case "add_reference":
      return { ...content, references: [...content.references, edit.item] };
    case "remove_reference":
      return orNull("references", remove(content.references, edit.id));
    case "logo":
      return { ...content, logo: edit.logo };
    case "add_case_study":
      return { ...content, caseStudies: [...content.caseStudies, edit.item] };
    case "update_case_study":
      return orNull("caseStudies", replace(content.caseStudies, edit.item));
    case "remove_case_study":
      return orNull("caseStudies", remove(content.caseStudies, edit.id));
  }
}

// ---------------------------------------------------------------------------------------------
// What changed

export const COMPANY_FIELDS = [
  "description",
  "yearFounded",
  "website",
  "teamSize",
  "street",
  "ward",
  "city",
  "contactName",
  "contactEmail",
  "contactPhone",
  "categories",
  "sectors",
  "certifications",
] as const satisfies readonly (keyof CompanyContent)[];
export type CompanyField = (typeof COMPANY_FIELDS)[number];

export type ListDiff<T> = { added: T[]; removed: T[]; changed: { before: T; after: T }[] };

export type ContentDiff = {
  company: { field: CompanyField; before: CompanyContent[CompanyField]; after: CompanyContent[CompanyField] }[];
  packages: ListDiff<PackageContent>;
  references: ListDiff<ReferenceContent>;
  logo: { before: LogoContent | null; after: LogoContent | null } | null;
  caseStudies: ListDiff<CaseStudyContent>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Lists compare as sets where order means nothing (categories, sectors, certifications). */
const sameField = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? same([...a].sort(), [...b].sort()) : same(a ?? null, b ?? null);

function diffList<T extends { id: string }>(before: T[], after: T[]): ListDiff<T> {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    changed: after
      .filter((x) => old.has(x.id) && !same(old.get(x.id), x))
      .map((x) => ({ before: old.get(x.id)!, after: x })),
  };
}

export function diffContent(before: DossierContent, after: DossierContent): ContentDiff {
  return {
    company: COMPANY_FIELDS.filter((f) => !sameField(before.company[f], after.company[f])).map((field) => ({
      field,
      before: before.company[field],
      after: after.company[field],
    })),
    packages: diffList(before.packages, after.packages),
    references: diffList(before.references, after.references),
    logo: same(before.logo, after.logo) ? null : { before: before.logo, after: after.logo },
    caseStudies: diffList(before.caseStudies, after.caseStudies),
  };
}

const emptyList = (d: ListDiff<unknown>) => !d.added.length && !d.removed.length && !d.changed.length;

export function isEmptyDiff(d: ContentDiff): boolean {
  return !d.company.length && !d.logo && emptyList(d.packages) && emptyList(d.references) && emptyList(d.caseStudies);
}

/** Whether two contents are the same dossier (the order of categories and the like aside). */
export function sameContent(a: DossierContent, b: DossierContent): boolean {
  return isEmptyDiff(diffContent(a, b));
}
