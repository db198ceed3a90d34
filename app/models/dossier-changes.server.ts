/**
 * What a vendor adds to its dossier beyond the vetting facts — its logo and its case studies — and
 * a vetted vendor's dossier changes as staff review them (docs/product.md, vendors). The vendor's
 * edits go through `editContent` (dossier.server.ts): live before vetting, into the open change
 * after. Staff approve or send back the version they saw, following the transition pattern
 * (transition.server.ts): compare-and-set on the change's status and version, the audit entry and
 * the vendor's notification in the same transaction. An approved change is written over the live
 * dossier with `applyContent`; it never touches the vetting, its date or its 12-month expiry.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import {
  diffContent,
  sameContent,
  type CaseStudyContent,
  type DossierContent,
  type LogoContent,
} from "~/lib/dossier-change";
import { checkLogo, type LogoRefusal } from "~/lib/logo";
import { assertRole, hasRole, type SessionUser } from "~/utils/auth.server";
import { recordAudit } from "./audit.server";
import { uploadsDir } from "./attachments.server";
import {
  applyContent,
  editContent,
  notFound,
  openChange,
  readContent,
  vendorRow,
  type EditResult,
} from "./dossier.server";
import { notify, organisationUserIds } from "./notifications.server";
import { expectOneChange, transition } from "./transition.server";
import { hasDeclaredConflict } from "./vetting.server";
import { pageCount } from "~/lib/paging";

const { dossierChanges, engagements, needs, organisations } = schema;

// ---------------------------------------------------------------------------------------------
// The logo

const LOGO_FILE = /^[0-9a-f-]{36}\.(png|jpg|webp)$/;

/** Where a vendor's logo is served: the file's own name in the address, so it can be cached for good. */
export function logoUrl(vendorId: string, logo: Pick<LogoContent, "key"> | null): string | null {
  return logo ? `/vendors/${vendorId}/logo/${path.basename(logo.key)}` : null;
}

/**
 * Removes the vendor's logo files that neither the live dossier nor its open change name (a logo
 * replaced, or a proposal replaced before staff saw it). Called after the transaction commits.
 */
function sweepLogoFiles(vendorId: string) {
  const db = getDb();
  const live = readContent(db, vendorId).logo?.key;
  const change = openChange(db, vendorId);
  const kept = new Set([live, change?.base.logo?.key, change?.proposed.logo?.key].filter(Boolean));
  const dir = path.join(uploadsDir(), "logos", vendorId);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!kept.has(`logos/${vendorId}/${name}`)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export type LogoResult = EditResult | { ok: false; error: LogoRefusal };

/**
 * The vendor uploads a logo: checked by its content, size and dimensions before anything is
 * written, stored under UPLOADS_DIR, then set like any other dossier edit (live, or pending for a
 * vetted vendor). `null` removes the logo.
 */
export function saveLogo(
  vendorId: string,
  upload: { name: string; bytes: Uint8Array } | null,
  now = Date.now(),
): LogoResult {
  if (!upload) {
    const result = editContent(vendorId, { kind: "logo", logo: null }, now);
    if (result.ok) sweepLogoFiles(vendorId);
    return result;
  }
  const checked = checkLogo(upload.bytes, upload.name);
  if (!checked.ok) return checked;
  const key = `logos/${vendorId}/${crypto.randomUUID()}.${checked.logo.ext}`;
  const file = path.join(uploadsDir(), key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, upload.bytes, { flag: "wx" });
  let result: EditResult;
  try {
    result = editContent(
      vendorId,
      { kind: "logo", logo: { key, mime: checked.logo.mime, width: checked.logo.width, height: checked.logo.height } },
      now,
    );
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  if (!result.ok) fs.rmSync(file, { force: true });
  else sweepLogoFiles(vendorId);
  return result;
}

/**
 * A logo file: the live one to anyone (cached for a year: its name changes with the file); one in
 * the vendor's open change only to the vendor's own people and staff (not cached). Else 404.
 */
export function getLogoFile(
  vendorId: string,
  fileName: string,
  viewer: Pick<SessionUser, "role" | "organisationId"> | null,
) {
  if (!LOGO_FILE.test(fileName)) notFound();
  const key = `logos/${vendorId}/${fileName}`;
  const db = getDb();
  const live = readContent(db, vendorId).logo;
  let logo: LogoContent | null = live?.key === key ? live : null;
  const isPublic = !!logo;
  if (!logo && (hasRole(viewer, "staff") || viewer?.organisationId === vendorId)) {
    const change = openChange(db, vendorId);
    logo = [change?.proposed.logo, change?.base.logo].find((l) => l?.key === key) ?? null;
  }
  if (!logo) notFound();
  const file = path.join(uploadsDir(), logo.key);
  if (!fs.existsSync(file)) notFound();
  return {
    file,
    headers: {
      "Content-Type": logo.mime,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      "Cache-Control": isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Case studies

/** The vendor's completed engagements on the platform, newest first: what a case study may name. */
export function completedEngagementsOf(vendorId: string, db: DbOrTx = getDb()) {
  return db
    .select({
      id: engagements.id,
      needTitle: needs.title,
      smeName: organisations.legalName,
      completedAt: engagements.completedAt,
    })
    .from(engagements)
    .innerJoin(needs, eq(needs.id, engagements.needId))
    .innerJoin(organisations, eq(organisations.id, engagements.smeId))
    .where(and(eq(engagements.vendorId, vendorId), eq(engagements.status, "completed")))
    .orderBy(sql`${engagements.completedAt} DESC`)
    .all();
}

/** Of `ids`, those naming a completed engagement of this vendor: the case studies shown as verified. */
export function verifiedEngagementIds(vendorId: string, ids: readonly string[], db: DbOrTx = getDb()): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .select({ id: engagements.id })
      .from(engagements)
      .where(
        and(inArray(engagements.id, [...ids]), eq(engagements.vendorId, vendorId), eq(engagements.status, "completed")),
      )
      .all()
      .map((r) => r.id),
  );
}

export type CaseStudyInput = Omit<CaseStudyContent, "id">;

/** Adds a case study (`id` null) or changes one of the vendor's own; an engagement it names must be its own and completed. */
export function saveCaseStudy(
  vendorId: string,
  id: string | null,
  input: CaseStudyInput,
  now = Date.now(),
): EditResult | { ok: false; error: "engagement" } {
  if (input.engagementId && !verifiedEngagementIds(vendorId, [input.engagementId]).size) {
    return { ok: false, error: "engagement" };
  }
  return editContent(
    vendorId,
    id
      ? { kind: "update_case_study", item: { id, ...input } }
      : { kind: "add_case_study", item: { id: crypto.randomUUID(), ...input } },
    now,
  );
}

export function removeCaseStudy(vendorId: string, id: string, now = Date.now()): EditResult {
  return editContent(vendorId, { kind: "remove_case_study", id }, now);
}

// ---------------------------------------------------------------------------------------------
// The vendor's own view of its change

/** The vendor's open change with what it changes; null when there is none. */
export function changeOfVendor(vendorId: string) {
  const change = openChange(getDb(), vendorId);
  if (!change) return null;
  return {
    id: change.id,
    status: change.status,
    note: change.note,
    version: change.version,
    updatedAt: change.updatedAt,
    diff: diffContent(change.base, change.proposed),
    base: change.base,
    proposed: change.proposed,
  };
}

/** The vendor withdraws its open change: the approved dossier stays as it is. */
export function withdrawChange(vendorId: string, now = Date.now()) {
  return transition((tx) => {
    const moved = tx
      .update(dossierChanges)
      .set({ status: "withdrawn", updatedAt: now })
      .where(
        and(eq(dossierChanges.vendorId, vendorId), inArray(dossierChanges.status, ["pending", "changes_requested"])),
      )
      .run();
    return moved.changes === 1 ? ({ ok: true } as const) : ({ ok: false, error: "stale" } as const);
  });
}

// ---------------------------------------------------------------------------------------------
// Staff

type Staff = Pick<SessionUser, "id" | "role">;

export type ChangeDecision = "approve" | "request_changes";

export type ChangeDecisionResult =
  { ok: true } | { ok: false; error: "stale" | "conflict_of_interest" | "note_required" | "base_changed" };

/**
 * Staff approve a vendor's pending change, or send it back with a note, deciding on the version
 * they saw (`version`): if the vendor edited it since, nothing is written and the answer is
 * `stale`. Approving writes the proposal over the live dossier, unless the live dossier is no
 * longer the one the change started from (`base_changed`, e.g. edited live after the vetting expired).
 */
export function decideChange(
  staff: Staff,
  vendorId: string,
  decision: ChangeDecision,
  input: { version: number; note?: string | null },
  ip: string | null,
  now = Date.now(),
): ChangeDecisionResult {
  assertRole(staff, "staff");
  if (hasDeclaredConflict(vendorId, staff.id)) return { ok: false, error: "conflict_of_interest" };
  const note = input.note?.trim() || null;
  if (decision === "request_changes" && !note) return { ok: false, error: "note_required" };
  const result = transition((tx): ChangeDecisionResult => {
    const row = vendorRow(tx, vendorId);
    if (!row) notFound();
    const change = openChange(tx, vendorId);
    if (!change || change.status !== "pending" || change.version !== input.version)
      return { ok: false, error: "stale" };
    if (decision === "approve" && !sameContent(readContent(tx, vendorId), change.base)) {
      return { ok: false, error: "base_changed" };
    }
    const moved = tx
      .update(dossierChanges)
      .set({
        status: decision === "approve" ? "approved" : "changes_requested",
        note,
        decidedAt: now,
        decidedBy: staff.id,
      })
      .where(
        and(
          eq(dossierChanges.id, change.id),
          eq(dossierChanges.status, "pending"),
          eq(dossierChanges.version, input.version),
        ),
      )
      .run();
    expectOneChange(moved, "dossier change");
    if (decision === "approve") applyContent(tx, vendorId, change.proposed, now);
    recordAudit(
      {
        actorId: staff.id,
        action: decision === "approve" ? "vendor_change_approved" : "vendor_change_returned",
        subjectType: "vendor",
        subjectId: vendorId,
        ip,
        details: note ? { note } : undefined,
      },
      tx,
    );
    notify(
      organisationUserIds(vendorId, tx),
      decision === "approve" ? "dossier_change_approved" : "dossier_change_returned",
      { vendor: row.org.legalName, note: note ?? "" },
      "/me/dossier",
      tx,
    );
    return { ok: true };
  });
  if (result.ok && decision === "approve") sweepLogoFiles(vendorId);
  return result;
}

/** The open change of a vendor as staff review it: old beside new. */
export function changeForStaff(vendorId: string) {
  return changeOfVendor(vendorId);
}

export const CHANGES_PAGE_SIZE = 20;

/** Vetted vendors' changes waiting for staff, the longest waiting first. */
export function listPendingChanges(page = 1) {
  const db = getDb();
  const where = eq(dossierChanges.status, "pending");
  const total = db.select({ n: count() }).from(dossierChanges).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      vendorId: dossierChanges.vendorId,
      legalName: organisations.legalName,
      updatedAt: dossierChanges.updatedAt,
      createdAt: dossierChanges.createdAt,
    })
    .from(dossierChanges)
    .innerJoin(organisations, eq(organisations.id, dossierChanges.vendorId))
    .where(where)
    .orderBy(asc(dossierChanges.updatedAt), asc(dossierChanges.id))
    .limit(CHANGES_PAGE_SIZE)
    .offset((page - 1) * CHANGES_PAGE_SIZE)
    .all();
  return { rows, total, pageCount: pageCount(total, CHANGES_PAGE_SIZE) };
}

export type { DossierContent };
