/**
 * The vendor's dossier (docs/product.md, vendors): reading it whole, and the vendor's edits, which
 * are allowed only while the dossier is editable (draft, changes requested, or vetting expired).
 * Each edit re-checks that in its own immediate transaction, so an edit racing a submission either
 * lands before it or is refused (`not_editable`). Vetting decisions live in vetting.server.ts, the
 * public directory in directory.server.ts.
 */
import crypto from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import { missingDossierParts, type DossierPart } from "~/lib/dossier";
import type { Category, PackageUnit, Sector, VendorStatus } from "~/lib/reference";
import { searchText } from "~/lib/search-text";
import { canEditDossier, effectiveStatus, type EffectiveVendorStatus, type VendorState } from "~/lib/vendor-lifecycle";
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { transition } from "./transition.server";

const { organisations, vendorProfiles, vendorCategories, vendorSectors, vendorReferences, servicePackages } = schema;

export type RuleFailure =
  | { ok: false; error: "illegal_transition"; from: EffectiveVendorStatus }
  | { ok: false; error: "incomplete"; missing: DossierPart[] }
  | { ok: false; error: "conflict_of_interest" }
  | { ok: false; error: "not_editable" }
  | { ok: false; error: "stale" };
export type RuleResult = { ok: true } | RuleFailure;

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The vendor organisation with its profile, or undefined. */
export function vendorRow(db: DbOrTx, vendorId: string) {
  return db
    .select({ org: organisations, profile: vendorProfiles })
    .from(organisations)
    .leftJoin(vendorProfiles, eq(vendorProfiles.organisationId, organisations.id))
    .where(and(eq(organisations.id, vendorId), eq(organisations.kind, "vendor")))
    .get();
}

/** The stored lifecycle state: the status and when the vetting runs out. */
export function stateOf(row: NonNullable<ReturnType<typeof vendorRow>>): VendorState {
  return {
    status: (row.org.vendorStatus ?? "draft") as VendorStatus,
    vettingExpiresAt: row.profile?.vettingExpiresAt ?? null,
  };
}

function activeReferences(db: DbOrTx, vendorId: string) {
  return db
    .select()
    .from(vendorReferences)
    .where(and(eq(vendorReferences.vendorId, vendorId), isNull(vendorReferences.removedAt)))
    .orderBy(asc(vendorReferences.createdAt))
    .all();
}

function activePackages(db: DbOrTx, vendorId: string) {
  return db
    .select()
    .from(servicePackages)
    .where(and(eq(servicePackages.vendorId, vendorId), isNull(servicePackages.removedAt)))
    .orderBy(asc(servicePackages.createdAt))
    .all();
}

/** The whole dossier as the vendor, or staff, see it (in `db`, a transaction, when given). */
export function getDossier(vendorId: string, now = Date.now(), db: DbOrTx = getDb()) {
  const row = vendorRow(db, vendorId);
  if (!row) notFound();
  const categories = db
    .select({ c: vendorCategories.category })
    .from(vendorCategories)
    .where(eq(vendorCategories.vendorId, vendorId))
    .all()
    .map((r) => r.c);
  const sectors = db
    .select({ s: vendorSectors.sector })
    .from(vendorSectors)
    .where(eq(vendorSectors.vendorId, vendorId))
    .all()
    .map((r) => r.s);
  const references = activeReferences(db, vendorId);
  const packages = activePackages(db, vendorId);
  const p = row.profile;
  const state = stateOf(row);
  const missing = missingDossierParts({
    description: p?.description ?? "",
    yearFounded: p?.yearFounded ?? null,
    website: p?.website ?? null,
    teamSize: p?.teamSize ?? null,
    street: row.org.street,
    ward: row.org.ward,
    city: row.org.city,
    contactName: p?.contactName ?? null,
    contactEmail: p?.contactEmail ?? null,
    contactPhone: p?.contactPhone ?? null,
    categories,
    sectors,
    referenceCount: references.length,
    packageCount: packages.length,
  });
  return {
    id: row.org.id,
    legalName: row.org.legalName,
    taxCode: row.org.taxCode,
    street: row.org.street,
    ward: row.org.ward,
    city: row.org.city,
    description: p?.description ?? "",
    yearFounded: p?.yearFounded ?? null,
    website: p?.website ?? null,
    teamSize: p?.teamSize ?? null,
    contactName: p?.contactName ?? null,
    contactEmail: p?.contactEmail ?? null,
    contactPhone: p?.contactPhone ?? null,
    certifications: JSON.parse(p?.certifications ?? "[]") as string[],
    submittedAt: p?.submittedAt ?? null,
    vettedAt: p?.vettedAt ?? null,
    vettingExpiresAt: p?.vettingExpiresAt ?? null,
    vettedBy: p?.vettedBy ?? null,
    ratingAvg: p?.ratingAvg ?? null,
    ratingCount: p?.ratingCount ?? 0,
    categories,
    sectors,
    references,
    packages,
    status: state.status,
    effectiveStatus: effectiveStatus(state, now),
    editable: canEditDossier(state, now),
    missing,
  };
}

export type Dossier = ReturnType<typeof getDossier>;

/** A vendor's standing now (a vetted vendor past its expiry reads as `expired`). */
export function vendorStanding(vendorId: string, now = Date.now()): EffectiveVendorStatus {
  const row = vendorRow(getDb(), vendorId);
  if (!row) notFound();
  return effectiveStatus(stateOf(row), now);
}

// ---------------------------------------------------------------------------------------------
// Search text

const categoryLabel = (c: Category) => `${vi.categories[c]} ${en.categories[c]}`;

/** Rewrites the vendor's directory search row; call inside the transaction that changed the data. */
export function refreshVendorSearch(tx: DbOrTx, vendorId: string) {
  const row = vendorRow(tx, vendorId);
  if (!row) return;
  const categories = tx
    .select({ c: vendorCategories.category })
    .from(vendorCategories)
    .where(eq(vendorCategories.vendorId, vendorId))
    .all()
    .map((r) => r.c);
  const packages = activePackages(tx, vendorId);
  // One column per kind of text: the directory ranks a name match first (directory.server.ts).
  const name = searchText(row.org.legalName);
  const categoryText = searchText(categories.map(categoryLabel).join(" "));
  const packageText = searchText(packages.map((p) => `${p.name} ${categoryLabel(p.category)}`).join(" "));
  const description = searchText(row.profile?.description ?? "");
  tx.run(sql`DELETE FROM vendors_fts WHERE vendor_id = ${vendorId}`);
  tx.run(sql`INSERT INTO vendors_fts (vendor_id, name, categories, packages, description)
    VALUES (${vendorId}, ${name}, ${categoryText}, ${packageText}, ${description})`);
}

// ---------------------------------------------------------------------------------------------
// The dossier, by the vendor

function editable(tx: DbOrTx, vendorId: string, now: number) {
  const row = vendorRow(tx, vendorId);
  if (!row) notFound();
  return canEditDossier(stateOf(row), now);
}

export function ensureProfile(tx: DbOrTx, vendorId: string, now: number) {
  tx.insert(vendorProfiles).values({ organisationId: vendorId, updatedAt: now }).onConflictDoNothing().run();
}

/**
 * Runs one edit of the vendor's own dossier in an immediate transaction, after checking (under
 * the write lock) that the dossier may still be edited.
 */
function editDossier(vendorId: string, now: number, edit: (tx: DbOrTx) => void): RuleResult {
  return transition((tx) => {
    if (!editable(tx, vendorId, now)) return { ok: false, error: "not_editable" } as const;
    edit(tx);
    return { ok: true } as const;
  });
}

export type CompanyInput = {
  description: string;
  yearFounded: number;
  website: string;
  teamSize: number;
  street: string;
  ward: string;
  city: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  categories: Category[];
  sectors: Sector[];
  certifications: string[];
};

export function saveCompany(vendorId: string, input: CompanyInput, now = Date.now()): RuleResult {
  return editDossier(vendorId, now, (tx) => {
    ensureProfile(tx, vendorId, now);
    tx.update(organisations)
      .set({ street: input.street, ward: input.ward, city: input.city })
      .where(eq(organisations.id, vendorId))
      .run();
    tx.update(vendorProfiles)
      .set({
        description: input.description,
        yearFounded: input.yearFounded,
        website: input.website,
        teamSize: input.teamSize,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone,
        certifications: JSON.stringify(input.certifications),
        updatedAt: now,
      })
      .where(eq(vendorProfiles.organisationId, vendorId))
      .run();
    tx.delete(vendorCategories).where(eq(vendorCategories.vendorId, vendorId)).run();
    for (const category of new Set(input.categories)) tx.insert(vendorCategories).values({ vendorId, category }).run();
    tx.delete(vendorSectors).where(eq(vendorSectors.vendorId, vendorId)).run();
    for (const sector of new Set(input.sectors)) tx.insert(vendorSectors).values({ vendorId, sector }).run();
    refreshVendorSearch(tx, vendorId);
  });
}

export type ReferenceInput = {
  clientName: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  project: string;
};

export function addReference(vendorId: string, input: ReferenceInput, now = Date.now()): RuleResult {
  return editDossier(vendorId, now, (tx) => {
    tx.insert(vendorReferences)
      .values({ id: crypto.randomUUID(), vendorId, ...input, contactEmail: input.contactEmail ?? null, createdAt: now })
      .run();
  });
}

/** Removes one of the vendor's own references (another vendor's id changes nothing). */
export function removeReference(vendorId: string, referenceId: string, now = Date.now()): RuleResult {
  return editDossier(vendorId, now, (tx) => {
    tx.update(vendorReferences)
      .set({ removedAt: now })
      .where(
        and(
          eq(vendorReferences.id, referenceId),
          eq(vendorReferences.vendorId, vendorId),
          isNull(vendorReferences.removedAt),
        ),
      )
      .run();
  });
}

export type PackageInput = {
  name: string;
  category: Category;
  priceFrom: number;
  priceTo: number;
  unit: PackageUnit;
  included: string;
};

export function getPackage(vendorId: string, packageId: string) {
  const row = getDb()
    .select()
    .from(servicePackages)
    .where(
      and(eq(servicePackages.id, packageId), eq(servicePackages.vendorId, vendorId), isNull(servicePackages.removedAt)),
    )
    .get();
  if (!row) notFound();
  return row;
}

/** Adds a package (`packageId` null) or changes one of the vendor's own; another's is a 404. */
export function savePackage(
  vendorId: string,
  packageId: string | null,
  input: PackageInput,
  now = Date.now(),
): RuleResult {
  return editDossier(vendorId, now, (tx) => {
    if (packageId) {
      const updated = tx
        .update(servicePackages)
        .set(input)
        .where(
          and(
            eq(servicePackages.id, packageId),
            eq(servicePackages.vendorId, vendorId),
            isNull(servicePackages.removedAt),
          ),
        )
        .run();
      if (updated.changes === 0) notFound();
    } else {
      tx.insert(servicePackages)
        .values({ id: crypto.randomUUID(), vendorId, ...input, createdAt: now })
        .run();
    }
    refreshVendorSearch(tx, vendorId);
  });
}

/** Removes one of the vendor's own packages (another vendor's id changes nothing). */
export function removePackage(vendorId: string, packageId: string, now = Date.now()): RuleResult {
  return editDossier(vendorId, now, (tx) => {
    tx.update(servicePackages)
      .set({ removedAt: now })
      .where(
        and(
          eq(servicePackages.id, packageId),
          eq(servicePackages.vendorId, vendorId),
          isNull(servicePackages.removedAt),
        ),
      )
      .run();
    refreshVendorSearch(tx, vendorId);
  });
}
