/**
 * The vendor's dossier (docs/product.md, vendors): reading it whole, and the vendor's edits, which
 * are allowed only while the dossier is editable (draft, changes requested, or vetting expired).
 * Each edit re-checks that in its own immediate transaction, so an edit racing a submission either
 * lands before it or is refused (`not_editable`). Vetting decisions live in vetting.server.ts, the
 * public directory in directory.server.ts.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import { missingDossierParts, type DossierPart } from "~/lib/dossier";
import {
  applyEdit,
  OPEN_CHANGE_STATUSES,
  sameContent,
  type CompanyContent,
  type DossierContent,
  type DossierEdit,
  type PackageContent,
} from "~/lib/dossier-change";
import type { Category, VendorStatus } from "~/lib/reference";
import { searchText } from "~/lib/search-text";
import { canEditDossier, effectiveStatus, type EffectiveVendorStatus, type VendorState } from "~/lib/vendor-lifecycle";
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { notify, staffUserIds } from "./notifications.server";
import { expectOneChange, transition } from "./transition.server";

const {
  organisations,
  vendorProfiles,
  vendorCategories,
  vendorSectors,
  vendorReferences,
  servicePackages,
  caseStudies,
  dossierChanges,
} = schema;

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

/** The company facts of a dossier, from its organisation and profile rows (`vendorRow`). */
function companyFacts(row: NonNullable<ReturnType<typeof vendorRow>>) {
  const p = row.profile;
  return {
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
  };
}

function categoriesOf(db: DbOrTx, vendorId: string) {
  return db
    .select({ c: vendorCategories.category })
    .from(vendorCategories)
    .where(eq(vendorCategories.vendorId, vendorId))
    .all()
    .map((r) => r.c);
}

function sectorsOf(db: DbOrTx, vendorId: string) {
  return db
    .select({ s: vendorSectors.sector })
    .from(vendorSectors)
    .where(eq(vendorSectors.vendorId, vendorId))
    .all()
    .map((r) => r.s);
}

/** The whole dossier as the vendor, or staff, see it (in `db`, a transaction, when given). */
export function getDossier(vendorId: string, now = Date.now(), db: DbOrTx = getDb()) {
  const row = vendorRow(db, vendorId);
  if (!row) notFound();
  const categories = categoriesOf(db, vendorId);
  const sectors = sectorsOf(db, vendorId);
  const references = activeReferences(db, vendorId);
  const packages = activePackages(db, vendorId);
  const p = row.profile;
  const state = stateOf(row);
  const missing = missingDossierParts({
    ...companyFacts(row),
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
  const categories = categoriesOf(tx, vendorId);
  const packages = activePackages(tx, vendorId);
  // One column per kind of text: the directory ranks a name match first (directory.server.ts).
  const name = searchText(row.org.legalName);
  const categoryText = searchText(categories.map(categoryLabel).join(" "));
  const packageText = searchText(packages.map((p) => `${p.name} ${categoryLabel(p.category)}`).join(" "));
  const description = searchText(row.profile?.description ?? "");
  // The row keeps its rowid, which the profile holds (`search_rowid`: the directory joins by it).
  // A vendor without one yet (its profile not created, or rows written before the key) is found
  // by its id, and the new row's rowid is kept on the profile when there is one.
  const key = row.profile?.searchRowid ?? null;
  if (key !== null) tx.run(sql`DELETE FROM vendors_fts WHERE rowid = ${key}`);
  else tx.run(sql`DELETE FROM vendors_fts WHERE vendor_id = ${vendorId}`);
  const inserted = tx.run(sql`INSERT INTO vendors_fts (rowid, vendor_id, name, categories, packages, description)
    VALUES (${key}, ${vendorId}, ${name}, ${categoryText}, ${packageText}, ${description})`);
  if (key === null && row.profile) {
    tx.update(vendorProfiles)
      .set({ searchRowid: Number(inserted.lastInsertRowid) })
      .where(eq(vendorProfiles.organisationId, vendorId))
      .run();
  }
}

// ---------------------------------------------------------------------------------------------
// The dossier's content, read and written whole

export function ensureProfile(tx: DbOrTx, vendorId: string, now: number) {
  tx.insert(vendorProfiles).values({ organisationId: vendorId, updatedAt: now }).onConflictDoNothing().run();
}

function activeCaseStudies(db: DbOrTx, vendorId: string) {
  return db
    .select()
    .from(caseStudies)
    .where(and(eq(caseStudies.vendorId, vendorId), isNull(caseStudies.removedAt)))
    .orderBy(asc(caseStudies.createdAt))
    .all();
}

/** The live (approved) content of a vendor's dossier, outside any transaction. */
export function liveContent(vendorId: string): DossierContent {
  return readContent(getDb(), vendorId);
}

/** The live (approved) content of a vendor's dossier: what the public profile shows. */
export function readContent(db: DbOrTx, vendorId: string): DossierContent {
  const row = vendorRow(db, vendorId);
  if (!row) notFound();
  const p = row.profile;
  return {
    company: {
      ...companyFacts(row),
      categories: categoriesOf(db, vendorId),
      sectors: sectorsOf(db, vendorId),
      certifications: JSON.parse(p?.certifications ?? "[]") as string[],
    },
    packages: activePackages(db, vendorId).map(({ id, name, category, priceFrom, priceTo, unit, included }) => ({
      id,
      name,
      category,
      priceFrom,
      priceTo,
      unit,
      included,
    })),
    references: activeReferences(db, vendorId).map(
      ({ id, clientName, contactName, contactPhone, contactEmail, project }) => ({
        id,
        clientName,
        contactName,
        contactPhone,
        contactEmail,
        project,
      }),
    ),
    logo:
      p?.logoKey && p.logoMime && p.logoWidth && p.logoHeight
        ? { key: p.logoKey, mime: p.logoMime, width: p.logoWidth, height: p.logoHeight }
        : null,
    caseStudies: activeCaseStudies(db, vendorId).map(
      ({ id, title, sector, challenge, work, result, engagementId }) => ({
        id,
        title,
        sector,
        challenge,
        work,
        result,
        engagementId,
      }),
    ),
  };
}

/**
 * Writes `items` over a list table: new ids are inserted, changed ones updated, missing ones
 * marked removed (kept, with `removedAt`).
 */
function writeList<T extends { id: string }>(
  tx: DbOrTx,
  table: typeof servicePackages | typeof vendorReferences | typeof caseStudies,
  vendorId: string,
  live: T[],
  items: T[],
  now: number,
) {
  const old = new Map(live.map((x) => [x.id, x]));
  const keep = new Set(items.map((x) => x.id));
  for (const item of items) {
    const before = old.get(item.id);
    if (!before) {
      tx.insert(table)
        .values({ ...item, vendorId, createdAt: now } as never)
        .run();
    } else if (JSON.stringify(before) !== JSON.stringify(item)) {
      const { id: _id, ...fields } = item;
      tx.update(table)
        .set(fields as never)
        .where(and(eq(table.id, item.id), eq(table.vendorId, vendorId)))
        .run();
    }
  }
  for (const x of live) {
    if (!keep.has(x.id)) {
      tx.update(table)
        .set({ removedAt: now })
        .where(and(eq(table.id, x.id), eq(table.vendorId, vendorId)))
        .run();
    }
  }
}

/**
 * Makes `next` the live content of the vendor's dossier, in the caller's transaction. Vetting
 * (status, approval date, expiry) and the rating are not part of the content and stay as they are.
 */
export function applyContent(tx: DbOrTx, vendorId: string, next: DossierContent, now: number) {
  const live = readContent(tx, vendorId);
  ensureProfile(tx, vendorId, now);
  const c = next.company;
  tx.update(organisations)
    .set({ street: c.street, ward: c.ward, city: c.city })
    .where(eq(organisations.id, vendorId))
    .run();
  tx.update(vendorProfiles)
    .set({
      description: c.description,
      yearFounded: c.yearFounded,
      website: c.website,
      teamSize: c.teamSize,
      contactName: c.contactName,
      contactEmail: c.contactEmail,
      contactPhone: c.contactPhone,
      certifications: JSON.stringify(c.certifications),
      logoKey: next.logo?.key ?? null,
      logoMime: next.logo?.mime ?? null,
      logoWidth: next.logo?.width ?? null,
      logoHeight: next.logo?.height ?? null,
      updatedAt: now,
    })
    .where(eq(vendorProfiles.organisationId, vendorId))
    .run();
  tx.delete(vendorCategories).where(eq(vendorCategories.vendorId, vendorId)).run();
  for (const category of new Set(c.categories)) tx.insert(vendorCategories).values({ vendorId, category }).run();
  tx.delete(vendorSectors).where(eq(vendorSectors.vendorId, vendorId)).run();
  for (const sector of new Set(c.sectors)) tx.insert(vendorSectors).values({ vendorId, sector }).run();
  writeList(tx, servicePackages, vendorId, live.packages, next.packages, now);
  writeList(tx, vendorReferences, vendorId, live.references, next.references, now);
  writeList(tx, caseStudies, vendorId, live.caseStudies, next.caseStudies, now);
  refreshVendorSearch(tx, vendorId);
}

// ---------------------------------------------------------------------------------------------
// The dossier, by the vendor

/** How the vendor's edits land now: on the live dossier, as a change for staff, or not at all. */
export type EditMode = "live" | "pending" | "locked";

export function editModeOf(state: VendorState, now: number): EditMode {
  if (canEditDossier(state, now)) return "live";
  return effectiveStatus(state, now) === "vetted" ? "pending" : "locked";
}

/** The vendor's open change (pending, or sent back by staff), if any. */
export function openChange(db: DbOrTx, vendorId: string) {
  const row = db
    .select()
    .from(dossierChanges)
    .where(and(eq(dossierChanges.vendorId, vendorId), inArray(dossierChanges.status, [...OPEN_CHANGE_STATUSES])))
    .get();
  if (!row) return null;
  return {
    ...row,
    base: JSON.parse(row.base) as DossierContent,
    proposed: JSON.parse(row.proposed) as DossierContent,
  };
}

export type OpenChange = NonNullable<ReturnType<typeof openChange>>;

/** The content the vendor edits: its open change's proposal while vetted, else the live dossier. */
export function editingContent(db: DbOrTx, vendorId: string, mode: EditMode): DossierContent {
  return (mode === "pending" ? openChange(db, vendorId)?.proposed : null) ?? readContent(db, vendorId);
}

/** `pending`: the edit waits in the vendor's open change for staff. */
export type EditResult = { ok: true; pending?: true } | RuleFailure;

/**
 * One edit of the vendor's own dossier, in an immediate transaction that first checks (under the
 * write lock) how the dossier may be edited now. Before vetting (draft, changes requested, expired)
 * the edit goes live. A vetted vendor's edit goes into its open change, opened from the live
 * content if there is none, and waits for staff (dossier-changes.server.ts); an edit that brings the
 * proposal back to the live version withdraws the change. An edit naming an item the dossier does
 * not hold is a 404, except a removal, which then changes nothing.
 */
export function editContent(vendorId: string, edit: DossierEdit, now = Date.now()): EditResult {
  return transition((tx): EditResult => {
    const row = vendorRow(tx, vendorId);
    if (!row) notFound();
    const mode = editModeOf(stateOf(row), now);
    if (mode === "locked") return { ok: false, error: "not_editable" };
    const change = mode === "pending" ? openChange(tx, vendorId) : null;
    const live = readContent(tx, vendorId);
    const next = applyEdit(change?.proposed ?? live, edit);
    if (!next) {
      if (edit.kind.startsWith("remove_")) return mode === "pending" ? { ok: true, pending: true } : { ok: true };
      notFound();
    }
    if (mode === "live") {
      applyContent(tx, vendorId, next, now);
      return { ok: true };
    }
    const base = change?.base ?? live;
    if (sameContent(base, next)) {
      if (change) {
        const moved = tx
          .update(dossierChanges)
          .set({ status: "withdrawn", proposed: JSON.stringify(next), updatedAt: now })
          .where(and(eq(dossierChanges.id, change.id), eq(dossierChanges.version, change.version)))
          .run();
        expectOneChange(moved, "dossier change");
      }
      return { ok: true };
    }
    if (change) {
      const moved = tx
        .update(dossierChanges)
        .set({ status: "pending", proposed: JSON.stringify(next), version: change.version + 1, updatedAt: now })
        .where(and(eq(dossierChanges.id, change.id), eq(dossierChanges.version, change.version)))
        .run();
      expectOneChange(moved, "dossier change");
    } else {
      tx.insert(dossierChanges)
        .values({
          id: crypto.randomUUID(),
          vendorId,
          status: "pending",
          base: JSON.stringify(base),
          proposed: JSON.stringify(next),
          createdAt: now,
          updatedAt: now,
        })
        .run();
    }
    if (!change || change.status !== "pending") {
      notify(
        staffUserIds(tx),
        "dossier_change_submitted",
        { vendor: row.org.legalName },
        `/staff/vendors/${vendorId}`,
        tx,
      );
    }
    return { ok: true, pending: true };
  });
}

export function saveCompany(vendorId: string, input: CompanyInput, now = Date.now()): EditResult {
  return editContent(vendorId, { kind: "company", company: input }, now);
}

export type CompanyInput = CompanyContent;

export type ReferenceInput = {
  clientName: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  project: string;
};

export function addReference(vendorId: string, input: ReferenceInput, now = Date.now()): EditResult {
  return editContent(
    vendorId,
    { kind: "add_reference", item: { id: crypto.randomUUID(), ...input, contactEmail: input.contactEmail ?? null } },
    now,
  );
}

/** Removes one of the vendor's own references (another vendor's id changes nothing). */
export function removeReference(vendorId: string, referenceId: string, now = Date.now()): EditResult {
  return editContent(vendorId, { kind: "remove_reference", id: referenceId }, now);
}

export type PackageInput = Omit<PackageContent, "id">;

/** One of the package the vendor edits (its open change's while vetted); another's is a 404. */
export function getPackage(vendorId: string, packageId: string, now = Date.now()) {
  const db = getDb();
  const row = vendorRow(db, vendorId);
  if (!row) notFound();
  const pkg = editingContent(db, vendorId, editModeOf(stateOf(row), now)).packages.find((p) => p.id === packageId);
  if (!pkg) notFound();
  return pkg;
}

/** Adds a package (`packageId` null) or changes one of the vendor's own; another's is a 404. */
export function savePackage(
  vendorId: string,
  packageId: string | null,
  input: PackageInput,
  now = Date.now(),
): EditResult {
  return editContent(
    vendorId,
    packageId
      ? { kind: "update_package", item: { id: packageId, ...input } }
      : { kind: "add_package", item: { id: crypto.randomUUID(), ...input } },
    now,
  );
}

/** Removes one of the vendor's own packages (another vendor's id changes nothing). */
export function removePackage(vendorId: string, packageId: string, now = Date.now()): EditResult {
  return editContent(vendorId, { kind: "remove_package", id: packageId }, now);
}

/**
 * The dossier as the vendor edits it now: the live one, or for a vetted vendor the version its open
 * change proposes; with how an edit would land (`mode`) and the open change, if any.
 */
export function getEditingDossier(vendorId: string, now = Date.now()) {
  const db = getDb();
  const dossier = getDossier(vendorId, now, db);
  const mode = editModeOf({ status: dossier.status, vettingExpiresAt: dossier.vettingExpiresAt }, now);
  const change = mode === "pending" ? openChange(db, vendorId) : null;
  const content = change?.proposed ?? readContent(db, vendorId);
  return {
    ...dossier,
    ...content.company,
    packages: content.packages,
    references: content.references,
    logo: content.logo,
    caseStudies: content.caseStudies,
    mode,
    change: change ? { status: change.status, note: change.note, updatedAt: change.updatedAt } : null,
  };
}
