/**
 * Vetting (docs/product.md, vendors): the vendor submits its dossier, staff approve, request
 * changes, reject, suspend or reinstate, and the staff queue. The lifecycle's rules are the pure
 * `transition` of app/lib/vendor-lifecycle.ts; each change here follows the transition pattern
 * (app/models/transition.server.ts): read, decide by the rule, then in one immediate transaction a
 * compare-and-set write from the state the decision was made on, the vetting event, the audit entry
 * and the notifications; flag re-evaluation after the commit.
 *
 * Expiry is not a stored transition: a vetted vendor past `vettingExpiresAt` reads as `expired`
 * wherever it is read (`effectiveStatus`), and re-submitting from there is the `submit` transition,
 * whose compare-and-set also checks the expiry it was decided on.
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, sql, type Placeholder } from "drizzle-orm";
import { getDb, preparedOnce, schema, type DbOrTx } from "../../db/client.server";
import type { StaffOrganisation, VendorStatus } from "~/lib/reference";
import { transition as lifecycle, type VendorAction, type VendorState } from "~/lib/vendor-lifecycle";
import { CHECKLIST_ITEMS, type Checklist, type QueueFilter } from "~/lib/vendor-options";
import { assertRole, type SessionUser } from "~/utils/auth.server";
import { recordAudit } from "./audit.server";
import { ensureProfile, getDossier, notFound, stateOf, vendorRow, type RuleResult } from "./dossier.server";
import { reevaluate } from "./flags.server";
import { notify, organisationUserIds, staffUserIds } from "./notifications.server";
import { expectOneChange, transition } from "./transition.server";
import { pageCount } from "~/lib/paging";

const { organisations, vendorProfiles } = schema;

type Actor = Pick<SessionUser, "id" | "role">;

/**
 * The compare-and-set write of a vendor's standing: it lands only if the status and the expiry are
 * still those the decision was made on, else the transition rolls back as `stale`.
 */
function moveVendor(tx: DbOrTx, vendorId: string, from: VendorState, to: VendorState, now: number) {
  ensureProfile(tx, vendorId, now);
  const moved = tx
    .update(organisations)
    .set({ vendorStatus: to.status })
    .where(
      and(
        eq(organisations.id, vendorId),
        sql`coalesce(${organisations.vendorStatus}, 'draft') = ${from.status}`,
        sql`(SELECT vetting_expires_at FROM vendor_profiles WHERE organisation_id = ${vendorId}) IS ${from.vettingExpiresAt}`,
      ),
    )
    .run();
  expectOneChange(moved, "vendor");
  tx.update(vendorProfiles)
    .set({ vettingExpiresAt: to.vettingExpiresAt, updatedAt: now })
    .where(eq(vendorProfiles.organisationId, vendorId))
    .run();
}

function addEvent(
  tx: DbOrTx,
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

/** The current state, and what `action` would make of it (refused when the lifecycle forbids it). */
function decideOn(vendorId: string, action: VendorAction, now: number) {
  const row = vendorRow(getDb(), vendorId);
  if (!row) notFound();
  const from = stateOf(row);
  return { row, from, rule: lifecycle(from, action, now) };
}

// ---------------------------------------------------------------------------------------------
// The vendor submits

/** The vendor sends its dossier for vetting (first time, after changes, or for re-vetting). */
export async function submitDossier(
  user: Pick<SessionUser, "id" | "role" | "organisationId">,
  ip: string | null,
  now = Date.now(),
): Promise<RuleResult> {
  assertRole(user, "vendor");
  const vendorId = user.organisationId;
  const before = getDossier(vendorId, now);
  if (before.missing.length) return { ok: false, error: "incomplete", missing: before.missing };
  const { row, from, rule } = decideOn(vendorId, "submit", now);
  if (!rule.ok) return rule;
  return transition((tx) => {
    moveVendor(tx, vendorId, from, rule.next, now);
    // Still complete under the write lock (another tab may have removed a reference meanwhile).
    const missing = getDossier(vendorId, now, tx).missing;
    if (missing.length) return { ok: false, error: "incomplete", missing } as const;
    tx.update(vendorProfiles).set({ submittedAt: now }).where(eq(vendorProfiles.organisationId, vendorId)).run();
    addEvent(tx, vendorId, "submitted", user.id, now);
    recordAudit({ actorId: user.id, action: "vendor_submitted", subjectType: "vendor", subjectId: vendorId, ip }, tx);
    notify(staffUserIds(tx), "dossier_submitted", { vendor: row.org.legalName }, `/staff/vendors/${vendorId}`, tx);
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Staff decide

export function hasDeclaredConflict(vendorId: string, staffId: string, db: DbOrTx = getDb()): boolean {
  return !!db
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

/** A staff member declares a conflict of interest with a vendor: from then on they cannot decide on it. */
export function declareConflict(staff: Actor, vendorId: string, note: string, ip: string | null, now = Date.now()) {
  assertRole(staff, "staff");
  return transition((tx) => {
    if (!vendorRow(tx, vendorId)) notFound();
    addEvent(tx, vendorId, "conflict_declared", staff.id, now, note);
    recordAudit(
      { actorId: staff.id, action: "vetting_conflict_declared", subjectType: "vendor", subjectId: vendorId, ip },
      tx,
    );
    return { ok: true } as const;
  });
}

function staffOrganisationOf(tx: DbOrTx, staffId: string): StaffOrganisation | null {
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
 * A staff member who declared a conflict of interest cannot decide. When another decision landed
 * first (between this one's read and its write), nothing is written and the answer is `stale`.
 */
export async function decide(
  staff: Actor,
  vendorId: string,
  decision: StaffDecision,
  input: { note?: string | null; checklist?: Checklist | null },
  ip: string | null,
  now = Date.now(),
): Promise<RuleResult | { ok: false; error: "checklist_incomplete" | "note_required" }> {
  assertRole(staff, "staff");
  if (hasDeclaredConflict(vendorId, staff.id)) return { ok: false, error: "conflict_of_interest" };
  if (decision === "approve" && !(input.checklist && CHECKLIST_ITEMS.every((i) => input.checklist![i].checked))) {
    return { ok: false, error: "checklist_incomplete" };
  }
  const note = input.note?.trim() || null;
  if (decision !== "approve" && decision !== "reinstate" && !note) return { ok: false, error: "note_required" };
  const { row, from, rule } = decideOn(vendorId, decision, now);
  if (!rule.ok) return rule;
  const spec = DECISIONS[decision];
  const result = transition((tx) => {
    moveVendor(tx, vendorId, from, rule.next, now);
    if (decision === "approve") {
      tx.update(vendorProfiles)
        .set({ vettedAt: now, vettedBy: staffOrganisationOf(tx, staff.id) })
        .where(eq(vendorProfiles.organisationId, vendorId))
        .run();
    }
    addEvent(tx, vendorId, spec.event, staff.id, now, note, input.checklist ?? null);
    recordAudit(
      {
        actorId: staff.id,
        action: spec.audit,
        subjectType: "vendor",
        subjectId: vendorId,
        ip,
        details: note ? { note } : undefined,
      },
      tx,
    );
    notify(
      organisationUserIds(vendorId, tx),
      spec.kind,
      { vendor: row.org.legalName, note: note ?? "" },
      "/me/dossier",
      tx,
    );
    return { ok: true } as const;
  });
  if (result.ok && (decision === "suspend" || decision === "reinstate")) await reevaluate({ vendorId });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reading: history and the staff queue

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

export const QUEUE_PAGE_SIZE = 20;

/** Oldest submission first, so no vendor waits behind newer ones. */
const queueWhere = (status: QueueFilter | Placeholder<"status">) =>
  and(eq(organisations.kind, "vendor"), eq(organisations.vendorStatus, status));

/**
 * How many vendors the vetting queue lists in this status: its total and the dashboard's figure.
 * Prepared once (building the query cost more than running it).
 */
export function countVettingQueue(status: QueueFilter): number {
  const db = getDb();
  const statement = preparedOnce(db, "vetting.queueCount", () =>
    db
      .select({ n: count() })
      .from(organisations)
      .where(queueWhere(sql.placeholder("status")))
      .prepare(),
  );
  return statement.get({ status })?.n ?? 0;
}

export function listVettingQueue(status: QueueFilter, page: number) {
  const db = getDb();
  const where = queueWhere(status);
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
  const total = countVettingQueue(status);
  return { rows, total, pageCount: pageCount(total, QUEUE_PAGE_SIZE) };
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
