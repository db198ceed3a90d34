/** What a vendor's dossier must hold before it can be submitted for vetting (docs/product.md §6). */

export const MIN_REFERENCES = 2;

export type DossierFacts = {
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
  categories: readonly string[];
  sectors: readonly string[];
  referenceCount: number;
  packageCount: number;
};

export const DOSSIER_PARTS = [
  "description",
  "yearFounded",
  "address",
  "website",
  "teamSize",
  "contact",
  "categories",
  "sectors",
  "references",
  "packages",
] as const;
export type DossierPart = (typeof DOSSIER_PARTS)[number];

const filled = (v: string | null | undefined) => !!v && v.trim().length > 0;

/** Every part still missing, in the dossier's order; empty when it can be submitted. */
export function missingDossierParts(d: DossierFacts): DossierPart[] {
  const ok: Record<DossierPart, boolean> = {
    description: d.description.trim().length >= 30,
    yearFounded: d.yearFounded !== null,
    address: filled(d.street) && filled(d.ward) && filled(d.city),
    website: filled(d.website),
    teamSize: d.teamSize !== null && d.teamSize > 0,
    contact: filled(d.contactName) && filled(d.contactEmail) && filled(d.contactPhone),
    categories: d.categories.length > 0,
    sectors: d.sectors.length > 0,
    references: d.referenceCount >= MIN_REFERENCES,
    packages: d.packageCount > 0,
  };
  return DOSSIER_PARTS.filter((p) => !ok[p]);
}
