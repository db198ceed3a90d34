/**
 * Vendors: the dossier, vetting and the public directory (DESIGN §5, §6). Every state change
 * goes through `transition()` of app/lib/vendor-lifecycle.ts, so an illegal one is refused here,
 * whatever the UI showed.
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, schema, type DB } from "../../db/client.server";
import { missingDossierParts, type DossierPart } from "~/lib/dossier";
import { CHECKLIST_ITEMS, type Checklist, type DirectorySort, type QueueFilter } from "~/lib/vendor-options";
import type { Category, PackageUnit, Sector, StaffOrganisation, VendorStatus } from "~/lib/reference";
import { ftsQuery, searchText } from "~/lib/search-text";
import {
  canEditDossier,
  effectiveStatus,
  isVettedNow,
  transition,
  type EffectiveVendorStatus,
  type VendorAction,
} from "~/lib/vendor-lifecycle";
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { recordAudit } from "./audit.server";
import { reevaluate } from "./flags.server";
import { notify, organisationUserIds, staffUserIds } from "./notifications.server";
import type { SessionUser } from "~/utils/auth.server";

const { organisations, vendorProfiles, vendorCategories, vendorSectors, vendorReferences, servicePackages } = schema;

export type RuleFailure =
  | { ok: false; error: "illegal_transition"; from: EffectiveVendorStatus }
  | { ok: false; error: "incomplete"; missing: DossierPart[] }
  | { ok: false; error: "conflict_of_interest" }
  | { ok: false; error: "not_editable" };
export type RuleResult = { ok: true } | RuleFailure;

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

// ---------------------------------------------------------------------------------------------
// Reading

function vendorRow(db: DB, vendorId: string) {
  return db
    .select({ org: organisations, profile: vendorProfiles })
    .from(organisations)
    .leftJoin(vendorProfiles, eq(vendorProfiles.organisationId, organisations.id))
    .where(and(eq(organisations.id, vendorId), eq(organisations.kind, "vendor")))
    .get();
}

function stateOf(row: NonNullable<ReturnType<typeof vendorRow>>) {
  return {
    status: (row.org.vendorStatus ?? "draft") as VendorStatus,
    vettingExpiresAt: row.profile?.vettingExpiresAt ?? null,
  };
}

function activeReferences(db: DB, vendorId: string) {
  return db
    .select()
    .from(vendorReferences)
    .where(and(eq(vendorReferences.vendorId, vendorId), isNull(vendorReferences.removedAt)))
    .orderBy(asc(vendorReferences.createdAt))
    .all();
}

function activePackages(db: DB, vendorId: string) {
  return db
    .select()
    .from(servicePackages)
    .where(and(eq(servicePackages.vendorId, vendorId), isNull(servicePackages.removedAt)))
    .orderBy(asc(servicePackages.createdAt))
    .all();
}

/** The whole dossier as the vendor, or staff, see it. */
export function getDossier(vendorId: string, now = Date.now()) {
  const db = getDb();
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

export function vettingHistory(vendorId: string) {
  return getDb()
    .select({
      id: schema.vettingEvents.id,
      event: schema.vettingEvents.event,
      note: schema.vettingEvents.note,
      checklist: schema.vettingEvents.checklist,
      at: schema.vettingEvents.at,
      actorName: schema.users.name,
      actorOrganisation: organisations.staffCode,
    })
    .from(schema.vettingEvents)
    .innerJoin(schema.users, eq(schema.users.id, schema.vettingEvents.actorId))
    .innerJoin(organisations, eq(organisations.id, schema.users.organisationId))
    .where(eq(schema.vettingEvents.vendorId, vendorId))
    .orderBy(desc(schema.vettingEvents.at))
    .all()
    .map((e) => ({ ...e, checklist: e.checklist ? (JSON.parse(e.checklist) as Checklist) : null }));
}

// ---------------------------------------------------------------------------------------------
// Search text

const categoryLabel = (c: Category) => `${vi.categories[c]} ${en.categories[c]}`;

/** Rewrites the vendor's directory search row; call inside the transaction that changed the data. */
export function refreshVendorSearch(tx: DB, vendorId: string) {
  const row = vendorRow(tx, vendorId);
  if (!row) return;
  const categories = tx
    .select({ c: vendorCategories.category })
    .from(vendorCategories)
    .where(eq(vendorCategories.vendorId, vendorId))
    .all()
    .map((r) => r.c);
  const packages = activePackages(tx, vendorId);
  const body = searchText(
    [
      row.org.legalName,
      row.profile?.description ?? "",
      ...packages.map((p) => `${p.name} ${categoryLabel(p.category)}`),
      ...categories.map(categoryLabel),
    ].join(" "),
  );
  tx.run(sql`DELETE FROM vendors_fts WHERE vendor_id = ${vendorId}`);
  tx.run(sql`INSERT INTO vendors_fts (vendor_id, body) VALUES (${vendorId}, ${body})`);
}

// ---------------------------------------------------------------------------------------------
// The dossier, by the vendor

function requireEditable(tx: DB, vendorId: string, now: number) {
  const row = vendorRow(tx, vendorId);
  if (!row) notFound();
  return canEditDossier(stateOf(row), now);
}

function ensureProfile(tx: DB, vendorId: string, now: number) {
  tx.insert(vendorProfiles).values({ organisationId: vendorId, updatedAt: now }).onConflictDoNothing().run();
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
  return getDb().transaction((tx) => {
    if (!requireEditable(tx, vendorId, now)) return { ok: false, error: "not_editable" } as const;
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
    return { ok: true } as const;
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
  return getDb().transaction((tx) => {
    if (!requireEditable(tx, vendorId, now)) return { ok: false, error: "not_editable" } as const;
    tx.insert(vendorReferences)
      .values({ id: crypto.randomUUID(), vendorId, ...input, contactEmail: input.contactEmail ?? null, createdAt: now })
      .run();
    return { ok: true } as const;
  });
}

export function removeReference(vendorId: string, referenceId: string, now = Date.now()): RuleResult {
  return getDb().transaction((tx) => {
    if (!requireEditable(tx, vendorId, now)) return { ok: false, error: "not_editable" } as const;
    tx.update(vendorReferences)
      .set({ removedAt: now })
      .where(and(eq(vendorReferences.id, referenceId), eq(vendorReferences.vendorId, vendorId)))
      .run();
    return { ok: true } as const;
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

export function savePackage(vendorId: string, packageId: string | null, input: PackageInput, now = Date.now()) {
  return getDb().transaction((tx): RuleResult => {
    if (!requireEditable(tx, vendorId, now)) return { ok: false, error: "not_editable" };
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
    return { ok: true };
  });
}

export function removePackage(vendorId: string, packageId: string, now = Date.now()): RuleResult {
  return getDb().transaction((tx) => {
    if (!requireEditable(tx, vendorId, now)) return { ok: false, error: "not_editable" } as const;
    tx.update(servicePackages)
      .set({ removedAt: now })
      .where(and(eq(servicePackages.id, packageId), eq(servicePackages.vendorId, vendorId)))
      .run();
    refreshVendorSearch(tx, vendorId);
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Transitions

function applyTransition(tx: DB, vendorId: string, action: VendorAction, now: number) {
  const row = vendorRow(tx, vendorId);
  if (!row) notFound();
  const result = transition(stateOf(row), action, now);
  if (!result.ok) return result;
  ensureProfile(tx, vendorId, now);
  tx.update(organisations).set({ vendorStatus: result.next.status }).where(eq(organisations.id, vendorId)).run();
  tx.update(vendorProfiles)
    .set({ vettingExpiresAt: result.next.vettingExpiresAt, updatedAt: now })
    .where(eq(vendorProfiles.organisationId, vendorId))
    .run();
  return result;
}

function addEvent(
  tx: DB,
  vendorId: string,
  event: schema.VettingEvent,
  actorId: string,
  now: number,
  note?: string | null,
  checklist?: Checklist | null,
) {
  tx.insert(schema.vettingEvents)
    .values({
      id: crypto.randomUUID(),
      vendorId,
      event,
      actorId,
      note: note ?? null,
      checklist: checklist ? JSON.stringify(checklist) : null,
      at: now,
    })
    .run();
}

/** The vendor sends its dossier for vetting (first time, after changes, or for re-vetting). */
export async function submitDossier(user: SessionUser, ip: string, now = Date.now()): Promise<RuleResult> {
  const vendorId = user.organisationId;
  const dossier = getDossier(vendorId, now);
  if (dossier.missing.length) return { ok: false, error: "incomplete", missing: dossier.missing };
  const result = getDb().transaction((tx) => {
    const r = applyTransition(tx, vendorId, "submit", now);
    if (!r.ok) return r;
    tx.update(vendorProfiles).set({ submittedAt: now }).where(eq(vendorProfiles.organisationId, vendorId)).run();
    addEvent(tx, vendorId, "submitted", user.id, now);
    return { ok: true } as const;
  });
  if (result.ok) {
    recordAudit({ actorId: user.id, action: "vendor_submitted", subjectType: "vendor", subjectId: vendorId, ip });
    notify(staffUserIds(), "dossier_submitted", { vendor: dossier.legalName }, `/staff/vendors/${vendorId}`);
  }
  return result;
}

export function hasDeclaredConflict(vendorId: string, staffId: string): boolean {
  return !!getDb()
    .select({ id: schema.vettingEvents.id })
    .from(schema.vettingEvents)
    .where(
      and(
        eq(schema.vettingEvents.vendorId, vendorId),
        eq(schema.vettingEvents.actorId, staffId),
        eq(schema.vettingEvents.event, "conflict_declared"),
      ),
    )
    .get();
}

export function declareConflict(staff: SessionUser, vendorId: string, note: string, ip: string, now = Date.now()) {
  getDb().transaction((tx) => {
    if (!vendorRow(tx, vendorId)) notFound();
    addEvent(tx, vendorId, "conflict_declared", staff.id, now, note);
  });
  recordAudit({
    actorId: staff.id,
    action: "vetting_conflict_declared",
    subjectType: "vendor",
    subjectId: vendorId,
    ip,
  });
}

function staffOrganisationOf(tx: DB, staffId: string): StaffOrganisation | null {
  return (
    tx
      .select({ code: organisations.staffCode })
      .from(schema.users)
      .innerJoin(organisations, eq(organisations.id, schema.users.organisationId))
      .where(eq(schema.users.id, staffId))
      .get()?.code ?? null
  );
}

const DECISIONS = {
  approve: { event: "approved", kind: "vetting_approved", audit: "vendor_approved" },
  request_changes: { event: "changes_requested", kind: "vetting_changes_requested", audit: "vendor_changes_requested" },
  reject: { event: "rejected", kind: "vetting_rejected", audit: "vendor_rejected" },
  suspend: { event: "suspended", kind: "vendor_suspended", audit: "vendor_suspended" },
  reinstate: { event: "reinstated", kind: "vendor_reinstated", audit: "vendor_reinstated" },
} as const;

export type StaffDecision = keyof typeof DECISIONS;

/**
 * A staff decision on a vendor. Approving needs every checklist item checked; requesting
 * changes, rejecting and suspending need a note (the UI's schema asks for it; this re-checks).
 * A staff member who declared a conflict of interest cannot decide.
 */
export async function decide(
  staff: SessionUser,
  vendorId: string,
  decision: StaffDecision,
  input: { note?: string | null; checklist?: Checklist | null },
  ip: string,
  now = Date.now(),
): Promise<RuleResult | { ok: false; error: "checklist_incomplete" | "note_required" }> {
  if (hasDeclaredConflict(vendorId, staff.id)) return { ok: false, error: "conflict_of_interest" };
  if (decision === "approve" && !(input.checklist && CHECKLIST_ITEMS.every((i) => input.checklist![i].checked))) {
    return { ok: false, error: "checklist_incomplete" };
  }
  if (decision !== "approve" && decision !== "reinstate" && !input.note?.trim()) {
    return { ok: false, error: "note_required" };
  }
  const spec = DECISIONS[decision];
  const result = getDb().transaction((tx) => {
    const r = applyTransition(tx, vendorId, decision, now);
    if (!r.ok) return r;
    if (decision === "approve") {
      tx.update(vendorProfiles)
        .set({ vettedAt: now, vettedBy: staffOrganisationOf(tx, staff.id) })
        .where(eq(vendorProfiles.organisationId, vendorId))
        .run();
    }
    addEvent(tx, vendorId, spec.event, staff.id, now, input.note?.trim() || null, input.checklist ?? null);
    return { ok: true } as const;
  });
  if (!result.ok) return result;
  recordAudit({
    actorId: staff.id,
    action: spec.audit,
    subjectType: "vendor",
    subjectId: vendorId,
    ip,
    details: input.note ? { note: input.note } : undefined,
  });
  const vendor = getDb().select().from(organisations).where(eq(organisations.id, vendorId)).get();
  notify(
    organisationUserIds(vendorId),
    spec.kind,
    { vendor: vendor?.legalName ?? "", note: input.note ?? "" },
    "/me/dossier",
  );
  if (decision === "suspend" || decision === "reinstate") await reevaluate({ vendorId });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Staff queue

export const QUEUE_PAGE_SIZE = 20;

/** Oldest submission first, so no vendor waits behind newer ones. */
export function listVettingQueue(status: QueueFilter, page: number) {
  const db = getDb();
  const where = and(eq(organisations.kind, "vendor"), eq(organisations.vendorStatus, status));
  const rows = db
    .select({
      id: organisations.id,
      legalName: organisations.legalName,
      taxCode: organisations.taxCode,
      status: organisations.vendorStatus,
      submittedAt: vendorProfiles.submittedAt,
      vettingExpiresAt: vendorProfiles.vettingExpiresAt,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .leftJoin(vendorProfiles, eq(vendorProfiles.organisationId, organisations.id))
    .where(where)
    .orderBy(asc(sql`coalesce(${vendorProfiles.submittedAt}, ${organisations.createdAt})`), asc(organisations.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(organisations).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

export function vendorStatusCounts() {
  return Object.fromEntries(
    getDb()
      .select({ status: organisations.vendorStatus, n: count() })
      .from(organisations)
      .where(eq(organisations.kind, "vendor"))
      .groupBy(organisations.vendorStatus)
      .all()
      .map((r) => [r.status ?? "draft", r.n]),
  ) as Partial<Record<VendorStatus, number>>;
}

// ---------------------------------------------------------------------------------------------
// The public directory

export const DIRECTORY_PAGE_SIZE = 12;

export type DirectoryQuery = {
  q?: string;
  category?: Category;
  sector?: Sector;
  priceMax?: number;
  sort: DirectorySort;
  page: number;
};

type DirectoryRow = {
  id: string;
  legalName: string;
  description: string;
  vettedAt: number;
  vettingExpiresAt: number;
  vettedBy: StaffOrganisation | null;
  ratingAvg: number | null;
  ratingCount: number;
  priceFrom: number | null;
  city: string | null;
};

/**
 * Vetted, unexpired and unsuspended now (`isVettedNow`), as SQL over `organisations o` joined to
 * `vendor_profiles p`: the directory's filter, shared with matchmaking. A suspended vendor's
 * status is `suspended`, so `vetted` alone excludes it.
 */
export function vettedNowConditions(now: number) {
  return [sql`o.kind = 'vendor'`, sql`o.vendor_status = 'vetted'`, sql`p.vetting_expires_at > ${now}`];
}

/** Vetted, unexpired, unsuspended vendors matching the query: filtered and paged in SQL. */
export function listDirectory(query: DirectoryQuery, now = Date.now()) {
  const db = getDb();
  const match = query.q ? ftsQuery(query.q) : null;
  const conditions = vettedNowConditions(now);
  if (match) conditions.push(sql`f.body MATCH ${match}`);
  if (query.category) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM vendor_categories c WHERE c.vendor_id = o.id AND c.category = ${query.category})`,
    );
  }
  if (query.sector) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM vendor_sectors s WHERE s.vendor_id = o.id AND s.sector = ${query.sector})`,
    );
  }
  if (query.priceMax !== undefined) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM service_packages sp WHERE sp.vendor_id = o.id AND sp.removed_at IS NULL
        AND sp.price_from <= ${query.priceMax} ${query.category ? sql`AND sp.category = ${query.category}` : sql``})`,
    );
  }
  const where = sql.join(conditions, sql` AND `);
  const from = match
    ? sql`organisations o JOIN vendor_profiles p ON p.organisation_id = o.id JOIN vendors_fts f ON f.vendor_id = o.id`
    : sql`organisations o JOIN vendor_profiles p ON p.organisation_id = o.id`;
  const sort = query.sort === "relevance" && !match ? "newest" : query.sort;
  const order =
    sort === "relevance"
      ? sql`bm25(vendors_fts), p.vetted_at DESC`
      : sort === "rating"
        ? sql`p.rating_avg_x100 IS NULL, p.rating_avg_x100 DESC, p.rating_count DESC, p.vetted_at DESC`
        : sql`p.vetted_at DESC`;
  const rows = db.all<DirectoryRow>(sql`
    SELECT o.id AS id, o.legal_name AS legalName, p.description AS description, o.city AS city,
      p.vetted_at AS vettedAt, p.vetting_expires_at AS vettingExpiresAt, p.vetted_by AS vettedBy,
      p.rating_avg_x100 AS ratingAvg, p.rating_count AS ratingCount,
      (SELECT min(sp.price_from) FROM service_packages sp WHERE sp.vendor_id = o.id AND sp.removed_at IS NULL) AS priceFrom
    FROM ${from}
    WHERE ${where}
    ORDER BY ${order}, o.id
    LIMIT ${DIRECTORY_PAGE_SIZE} OFFSET ${(query.page - 1) * DIRECTORY_PAGE_SIZE}`);
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`)?.n ?? 0;
  const ids = rows.map((r) => r.id);
  const categories = ids.length
    ? db
        .select({ vendorId: vendorCategories.vendorId, category: vendorCategories.category })
        .from(vendorCategories)
        .where(inArray(vendorCategories.vendorId, ids))
        .all()
    : [];
  return {
    rows: rows.map((r) => ({ ...r, categories: categories.filter((c) => c.vendorId === r.id).map((c) => c.category) })),
    total,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
    sort,
  };
}

/**
 * A vendor's public profile. Anyone may see a vetted vendor; the vendor itself and staff also see
 * one that is not (with its status); everyone else gets a 404.
 */
export function getPublicProfile(
  vendorId: string,
  viewer: Pick<SessionUser, "role" | "organisationId"> | null,
  now = Date.now(),
) {
  const dossier = getDossier(vendorId, now);
  const vetted = isVettedNow({ status: dossier.status, vettingExpiresAt: dossier.vettingExpiresAt }, now);
  const privileged =
    !!viewer && (viewer.role === "staff" || viewer.role === "admin" || viewer.organisationId === vendorId);
  if (!vetted && !privileged) notFound();
  return { dossier, vetted };
}
