/**
 * Invitations to bid (docs/product.md §8): the owner of an open need invites a vetted vendor, who is
 * told; the owner sees whom it invited, the vendor the needs it was invited to. The vendors worth
 * inviting are ranked by matching.server.ts.
 */
import { and, count, desc, eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, schema, type DB, type DbOrTx } from "../../db/client.server";
import { NEED_STATUSES_VENDORS_SEE, type NeedStatus } from "~/lib/need-status";
import { vettedNowConditions } from "./directory.server";
import { getNeedForOwner, liveBidsNeeded, needStatusNow, statusNowOf, type NeedViewer } from "./needs.server";
import { notify, organisationUserIds } from "./notifications.server";
import { transition } from "./transition.server";

/** Whether the vendor is vetted, unexpired and unsuspended now (the directory's filter). */
function vettedNow(db: DbOrTx, vendorId: string, now: number): boolean {
  return !!db.get(sql`
    SELECT 1 AS one FROM organisations o JOIN vendor_profiles p ON p.organisation_id = o.id
    WHERE ${sql.join(vettedNowConditions(now), sql` AND `)} AND o.id = ${vendorId}`);
}

/** The vendors invited to a need (the SME's match list marks them). */
export function invitedVendorIds(needId: string, db: DB = getDb()): Set<string> {
  const statement = preparedOnce(db, "invitations.vendorIdsOfNeed", () =>
    db
      .select({ vendorId: schema.needInvitations.vendorId })
      .from(schema.needInvitations)
      .where(eq(schema.needInvitations.needId, sql.placeholder("needId")))
      .prepare(),
  );
  return new Set(statement.all({ needId }).map((r) => r.vendorId));
}

/** The vendors invited to a need, first invited first, for its owner. */
export function invitationsOfNeed(needId: string) {
  const db = getDb();
  return preparedOnce(db, "invitations.ofNeed", () =>
    db
      .select({
        vendorId: schema.needInvitations.vendorId,
        name: schema.organisations.legalName,
        createdAt: schema.needInvitations.createdAt,
      })
      .from(schema.needInvitations)
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.needInvitations.vendorId))
      .where(eq(schema.needInvitations.needId, sql.placeholder("needId")))
      .orderBy(schema.needInvitations.createdAt, schema.needInvitations.vendorId)
      .prepare(),
  ).all({ needId });
}

export function invitationCount(needId: string): number {
  return (
    getDb().select({ n: count() }).from(schema.needInvitations).where(eq(schema.needInvitations.needId, needId)).get()
      ?.n ?? 0
  );
}

/** When the vendor was invited to the need, or null. */
export function invitationOf(needId: string, vendorId: string): { createdAt: number } | null {
  return (
    getDb()
      .select({ createdAt: schema.needInvitations.createdAt })
      .from(schema.needInvitations)
      .where(and(eq(schema.needInvitations.needId, needId), eq(schema.needInvitations.vendorId, vendorId)))
      .get() ?? null
  );
}

export type InviteResult =
  | { ok: true; created: boolean }
  | { ok: false; error: "matchmaking.errors.needNotOpen" | "matchmaking.errors.vendorNotVetted" | "stale" };

/**
 * The owner invites a vetted vendor to bid on its open need, and the vendor is told, in one
 * transaction (ADR 006). Inviting twice changes nothing (one invitation per need and vendor, by the
 * primary key) and notifies once.
 */
export async function inviteVendor(
  user: NeedViewer,
  needId: string,
  vendorId: string,
  now = Date.now(),
): Promise<InviteResult> {
  return transition((tx): InviteResult => {
    const need = getNeedForOwner(needId, user, tx);
    if (needStatusNow(need, now, tx) !== "open") return { ok: false, error: "matchmaking.errors.needNotOpen" };
    if (!vettedNow(tx, vendorId, now)) return { ok: false, error: "matchmaking.errors.vendorNotVetted" };
    const inserted = tx
      .insert(schema.needInvitations)
      .values({ needId, vendorId, invitedBy: user.id, createdAt: now })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return { ok: true, created: false };
    const sme = tx
      .select({ name: schema.organisations.legalName })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, need.organisationId))
      .get();
    notify(
      organisationUserIds(vendorId, tx),
      "need_invitation",
      { need: need.title, sme: sme?.name ?? "" },
      `/needs/${needId}`,
      tx,
    );
    return { ok: true, created: true };
  });
}

export const VENDOR_INVITATIONS_LIMIT = 10;

/**
 * The needs a vendor was invited to, newest invitation first, that it may still open (open,
 * evaluating or awarded now; a cancelled or expired need drops out).
 */
export function invitationsOfVendor(vendorId: string, now = Date.now(), limit = VENDOR_INVITATIONS_LIMIT) {
  const db = getDb();
  // Built and prepared once per connection: building it cost more than running it (ADR 012).
  const statement = preparedOnce(db, "invitations.ofVendor", () =>
    db
      .select({
        needId: schema.needs.id,
        title: schema.needs.title,
        status: schema.needs.status,
        deadline: schema.needs.deadline,
        organisationName: schema.organisations.legalName,
        invitedAt: schema.needInvitations.createdAt,
        liveBids: liveBidsNeeded(sql.placeholder("now")),
      })
      .from(schema.needInvitations)
      .innerJoin(schema.needs, eq(schema.needs.id, schema.needInvitations.needId))
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.needs.organisationId))
      .where(
        and(
          eq(schema.needInvitations.vendorId, sql.placeholder("vendorId")),
          sql`${schema.needs.status} IN ('open', 'evaluating', 'awarded')`,
        ),
      )
      .orderBy(desc(schema.needInvitations.createdAt), schema.needInvitations.needId)
      .limit(sql.placeholder("limit"))
      .prepare(),
  );
  const rows = statement.all({ vendorId, now, limit });
  return rows
    .map(({ liveBids, ...r }) => ({ ...r, statusNow: statusNowOf({ ...r, liveBids }, now) }))
    .filter((r): r is typeof r & { statusNow: NeedStatus } => NEED_STATUSES_VENDORS_SEE.includes(r.statusNow))
    .map(({ status: _status, ...r }) => r);
}
