/**
 * Needs (docs/product.md §5, §7): what an SME posts for vendors to bid on. Owns the lifecycle's
 * transitions (ADR 006: each one transaction that re-reads, writes with compare-and-set, records
 * the history and tells the vendors concerned, then asks the flag engine), the full-text index
 * and who may see what. The state of a need when read comes from app/lib/need-status.ts; an open
 * need past its deadline is read as evaluating or expired without any write. The lists of needs
 * (the board, an SME's own) are need-board.server.ts.
 */
import crypto from "node:crypto";
import { and, count, desc, eq, gt, ne, sql, type Placeholder, type SQL } from "drizzle-orm";
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import { hasRole } from "~/lib/permissions";
import {
  deadlineFarEnough,
  effectiveNeedStatus,
  NEED_STATUSES_VENDORS_SEE,
  needActionAllowed,
  type NeedAction,
  type NeedEvent,
  type NeedStatus,
} from "~/lib/need-status";
import type { Category, Role, Sector } from "~/lib/reference";
import { searchText } from "~/lib/search-text";
import { reevaluate } from "./flags.server";
import { notifyNeedWatchers } from "./notifications.server";
import { expectOneChange, transition } from "./transition.server";
import { pageCount } from "~/lib/paging";

export type NeedViewer = { id: string; organisationId: string; role: Role };
export type NeedRow = typeof schema.needs.$inferSelect;

export type NeedInput = {
  title: string;
  description: string;
  category: Category;
  sector: Sector;
  budgetMin: number;
  budgetMax: number;
  desiredStart: number;
  deadline: number;
  requirements: string;
};

/** A refusal, as a locale key, and the form field it belongs next to (none: the whole form). */
export type NeedRefusal = { ok: false; error: string; field?: "deadline" | "cancelReason" };
export type NeedResult<T = object> = ({ ok: true } & T) | NeedRefusal;

const EDITABLE_FIELDS = [
  "title",
  "description",
  "category",
  "sector",
  "budgetMin",
  "budgetMax",
  "desiredStart",
  "deadline",
  "requirements",
] as const satisfies readonly (keyof NeedInput)[];
export type NeedField = (typeof EDITABLE_FIELDS)[number];

/** How many live (not withdrawn) bids a need has: a past-deadline need with none is `expired`. */
export function bidCount(needId: string, db: DbOrTx = getDb()): number {
  return (
    db
      .select({ n: count() })
      .from(schema.bids)
      .where(and(eq(schema.bids.needId, needId), ne(schema.bids.status, "withdrawn")))
      .get()?.n ?? 0
  );
}

/** Vendors with a live bid or a question on a need: who hears of its edits, closing and cancellation. */
export function interestedVendorIds(needId: string, onlyBidders = false, db: DbOrTx = getDb()): string[] {
  const bidders = db
    .select({ id: schema.bids.vendorId })
    .from(schema.bids)
    .where(and(eq(schema.bids.needId, needId), ne(schema.bids.status, "withdrawn")))
    .all();
  const askers = onlyBidders
    ? []
    : db
        .select({ id: schema.needQuestions.vendorId })
        .from(schema.needQuestions)
        .where(eq(schema.needQuestions.needId, needId))
        .all();
  return [...new Set([...bidders, ...askers].map((r) => r.id))];
}

export function needStatusNow(
  need: Pick<NeedRow, "id" | "status" | "deadline">,
  now = Date.now(),
  db: DbOrTx = getDb(),
): NeedStatus {
  // Only an open need past its deadline depends on its bids: no query for any other.
  const bids = need.status === "open" && now >= need.deadline ? bidCount(need.id, db) : 0;
  return effectiveNeedStatus({ status: need.status, deadline: need.deadline, bidCount: bids, now });
}

/**
 * For lists: whether each need has a live bid, in the list's own query, evaluated only for the
 * rows whose state now depends on it (open, deadline passed). Gives `statusNowOf` what it needs.
 * The columns are named in full: drizzle leaves a one-table query's columns bare, and a bare `id`
 * inside the subquery would be the bid's.
 */
export const liveBidsNeeded = (now: number | Placeholder) =>
  sql<number>`CASE WHEN "needs"."status" = 'open' AND "needs"."deadline" <= ${now}
    THEN EXISTS (SELECT 1 FROM bids b WHERE b.need_id = "needs"."id" AND b.status <> 'withdrawn') ELSE 0 END`;

/** A listed need's state now, from its row and its `liveBidsNeeded` column. */
export function statusNowOf(
  need: Pick<NeedRow, "status" | "deadline"> & { liveBids: number },
  now: number,
): NeedStatus {
  return effectiveNeedStatus({ status: need.status, deadline: need.deadline, bidCount: need.liveBids, now });
}

function writeSearchText(tx: DbOrTx, needId: string, input: Pick<NeedInput, "title" | "description" | "requirements">) {
  const body = searchText(`${input.title} ${input.description} ${input.requirements}`);
  tx.run(sql`DELETE FROM needs_fts WHERE need_id = ${needId}`);
  tx.run(sql`INSERT INTO needs_fts (need_id, body) VALUES (${needId}, ${body})`);
}

function recordEvent(
  tx: DbOrTx,
  needId: string,
  actorId: string,
  event: NeedEvent,
  at: number,
  extra: { changes?: Record<string, [unknown, unknown]>; note?: string } = {},
) {
  tx.insert(schema.needEvents)
    .values({
      needId,
      actorId,
      event,
      at,
      changes: extra.changes ? JSON.stringify(extra.changes) : null,
      note: extra.note ?? null,
    })
    .run();
}

function publishRefusal(deadline: number, now: number): NeedRefusal | null {
  return deadlineFarEnough(deadline, now) ? null : { ok: false, error: "errors.deadlineTooSoon", field: "deadline" };
}

/**
 * A new need, saved as a draft, or published at once when `publish` and the deadline allows. A
 * published need is re-evaluated by the flag engine (a short bidding window) once it is written.
 */
export async function createNeed(
  user: NeedViewer,
  input: NeedInput,
  opts: { publish: boolean; now?: number },
): Promise<NeedResult<{ needId: string }>> {
  const now = opts.now ?? Date.now();
  if (user.role !== "sme") return { ok: false, error: "errors.needNotAllowed" };
  if (opts.publish) {
    const refusal = publishRefusal(input.deadline, now);
    if (refusal) return refusal;
  }
  const needId = crypto.randomUUID();
  const result = transition((tx) => {
    tx.insert(schema.needs)
      .values({
        id: needId,
        organisationId: user.organisationId,
        createdBy: user.id,
        ...input,
        status: opts.publish ? "open" : "draft",
        publishedAt: opts.publish ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    writeSearchText(tx, needId, input);
    recordEvent(tx, needId, user.id, "created", now);
    if (opts.publish) recordEvent(tx, needId, user.id, "published", now);
    return { ok: true as const, needId };
  });
  if (result.ok && opts.publish) await reevaluate({ needId }, now);
  return result;
}

/** The need if `user`'s organisation owns it; a 404 otherwise (others may not know it exists). */
export function getNeedForOwner(needId: string, user: NeedViewer, db: DbOrTx = getDb()): NeedRow {
  const row = db.select().from(schema.needs).where(eq(schema.needs.id, needId)).get();
  if (!row || user.role !== "sme" || row.organisationId !== user.organisationId) {
    throw new Response("Not found", { status: 404 });
  }
  return row;
}

/**
 * Whether the owner may take the action on the need as it is now. When the stored state no longer
 * allows it, someone (another person, another tab) changed the need after the page was shown:
 * `stale`. When only the clock does (the deadline passed), the need's state says why.
 */
function refuseUnless(action: NeedAction, need: NeedRow, statusNow: NeedStatus): NeedRefusal | null {
  if (needActionAllowed(action, statusNow)) return null;
  return needActionAllowed(action, need.status)
    ? { ok: false, error: "errors.needNotAllowed" }
    : { ok: false, error: "stale" };
}

/** The compare-and-set write on a need: only while its stored status is still the one read. */
function writeNeed(tx: DbOrTx, need: NeedRow, set: Partial<NeedRow>, extra?: SQL) {
  expectOneChange(
    tx
      .update(schema.needs)
      .set(set)
      .where(and(eq(schema.needs.id, need.id), eq(schema.needs.status, need.status), extra))
      .run(),
    "the need",
  );
}

/**
 * Edits a draft or an open need, keeping every changed field's before and after in the history
 * and telling the vendors who bid or asked about an open one, in the same transaction. An open
 * need's deadline can be moved later, never earlier: vendors keep the window promised. With
 * `publish`, a draft is published in the same step (refused when the deadline is too soon).
 */
export async function updateNeed(
  needId: string,
  user: NeedViewer,
  input: NeedInput,
  opts: { publish?: boolean; now?: number } = {},
): Promise<NeedResult> {
  const now = opts.now ?? Date.now();
  const result = transition((tx): NeedResult => {
    const need = getNeedForOwner(needId, user, tx);
    const status = needStatusNow(need, now, tx);
    const refusal = refuseUnless("edit", need, status) ?? (opts.publish ? refuseUnless("publish", need, status) : null);
    if (refusal) return refusal;
    if (status === "open" && input.deadline < need.deadline) {
      return { ok: false, error: "errors.deadlineEarlier", field: "deadline" };
    }
    if (opts.publish) {
      const tooSoon = publishRefusal(input.deadline, now);
      if (tooSoon) return tooSoon;
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of EDITABLE_FIELDS) {
      if (need[field] !== input[field]) changes[field] = [need[field], input[field]];
    }
    if (Object.keys(changes).length) {
      writeNeed(tx, need, { ...input, updatedAt: now });
      writeSearchText(tx, needId, input);
      recordEvent(tx, needId, user.id, "edited", now, { changes });
      if (status === "open") {
        notifyNeedWatchers(interestedVendorIds(needId, false, tx), needId, "need_edited", { need: input.title }, tx);
      }
    }
    if (opts.publish) markPublished(tx, need, user.id, now);
    return { ok: true };
  });
  if (result.ok) await reevaluate({ needId }, now);
  return result;
}

export async function publishNeed(needId: string, user: NeedViewer, now = Date.now()): Promise<NeedResult> {
  const result = transition((tx): NeedResult => {
    const need = getNeedForOwner(needId, user, tx);
    const refusal = refuseUnless("publish", need, needStatusNow(need, now, tx)) ?? publishRefusal(need.deadline, now);
    if (refusal) return refusal;
    markPublished(tx, need, user.id, now);
    // The sweep prunes drafts whose deadline passed from the search index; a published need is in it.
    writeSearchText(tx, needId, need);
    return { ok: true };
  });
  if (result.ok) await reevaluate({ needId }, now);
  return result;
}

function markPublished(tx: DbOrTx, need: NeedRow, actorId: string, now: number) {
  expectOneChange(
    tx
      .update(schema.needs)
      .set({ status: "open", publishedAt: now, updatedAt: now })
      .where(and(eq(schema.needs.id, need.id), eq(schema.needs.status, "draft")))
      .run(),
    "the need",
  );
  recordEvent(tx, need.id, actorId, "published", now);
}

/** Closes bidding before the deadline: the need moves on to evaluating, and every bidder is told. */
export async function closeNeed(needId: string, user: NeedViewer, now = Date.now()): Promise<NeedResult> {
  const result = transition((tx): NeedResult => {
    const need = getNeedForOwner(needId, user, tx);
    const refusal = refuseUnless("close", need, needStatusNow(need, now, tx));
    if (refusal) return refusal;
    writeNeed(tx, need, { status: "evaluating", closedAt: now, updatedAt: now }, gt(schema.needs.deadline, now));
    recordEvent(tx, needId, user.id, "closed", now);
    notifyNeedWatchers(interestedVendorIds(needId, true, tx), needId, "need_closed_early", { need: need.title }, tx);
    return { ok: true };
  });
  if (result.ok) await reevaluate({ needId }, now);
  return result;
}

/**
 * Cancels a need that has not been awarded; the reason is required and kept, and every bidder is
 * told why. Nothing a flag rule reads changes, so the flag engine is not asked.
 */
export async function cancelNeed(
  needId: string,
  user: NeedViewer,
  reason: string,
  now = Date.now(),
): Promise<NeedResult> {
  return transition((tx): NeedResult => {
    const need = getNeedForOwner(needId, user, tx);
    const refusal = refuseUnless("cancel", need, needStatusNow(need, now, tx));
    if (refusal) return refusal;
    const why = reason.trim();
    if (!why) return { ok: false, error: "errors.required", field: "cancelReason" };
    writeNeed(tx, need, { status: "cancelled", cancelledAt: now, cancelReason: why, updatedAt: now });
    recordEvent(tx, needId, user.id, "cancelled", now, { note: why });
    notifyNeedWatchers(
      interestedVendorIds(needId, true, tx),
      needId,
      "need_cancelled",
      { need: need.title, reason: why },
      tx,
    );
    return { ok: true };
  });
}

export type NeedDetail = NeedRow & {
  statusNow: NeedStatus;
  organisationName: string;
  isOwner: boolean;
  /** Owner and staff read the history of changes. */
  canReadHistory: boolean;
};

/**
 * A need as `viewer` may see it: the owning SME sees all of its needs; staff every need but
 * drafts; vendors open, evaluating and awarded ones. Anything else is a 404.
 */
export function getNeedForViewer(
  needId: string,
  viewer: NeedViewer,
  now = Date.now(),
  db: DbOrTx = getDb(),
): NeedDetail {
  const row = db
    .select({ need: schema.needs, organisationName: schema.organisations.legalName })
    .from(schema.needs)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.needs.organisationId))
    .where(eq(schema.needs.id, needId))
    .get();
  if (!row) throw new Response("Not found", { status: 404 });
  const statusNow = needStatusNow(row.need, now, db);
  const isOwner = viewer.role === "sme" && row.need.organisationId === viewer.organisationId;
  const isStaff = hasRole(viewer, "staff");
  const visible =
    isOwner ||
    (isStaff && statusNow !== "draft") ||
    (viewer.role === "vendor" && NEED_STATUSES_VENDORS_SEE.includes(statusNow));
  if (!visible) throw new Response("Not found", { status: 404 });
  return {
    ...row.need,
    statusNow,
    organisationName: row.organisationName,
    isOwner,
    canReadHistory: isOwner || isStaff,
  };
}

export type NeedHistoryEntry = {
  id: number;
  event: NeedEvent;
  at: number;
  actorName: string;
  changes: Record<string, [unknown, unknown]> | null;
  note: string | null;
};

export const HISTORY_PAGE_SIZE = 20;

/** The need's history, newest first, a page at a time. Callers check `canReadHistory` first. */
export function needHistory(needId: string, page = 1) {
  const db = getDb();
  const rows = db
    .select({
      id: schema.needEvents.id,
      event: schema.needEvents.event,
      at: schema.needEvents.at,
      actorName: schema.users.name,
      changes: schema.needEvents.changes,
      note: schema.needEvents.note,
    })
    .from(schema.needEvents)
    .innerJoin(schema.users, eq(schema.users.id, schema.needEvents.actorId))
    .where(eq(schema.needEvents.needId, needId))
    .orderBy(desc(schema.needEvents.at), desc(schema.needEvents.id))
    .limit(HISTORY_PAGE_SIZE)
    .offset((page - 1) * HISTORY_PAGE_SIZE)
    .all();
  const total =
    db.select({ n: count() }).from(schema.needEvents).where(eq(schema.needEvents.needId, needId)).get()?.n ?? 0;
  return {
    rows: rows.map((r): NeedHistoryEntry => ({
      ...r,
      changes: r.changes ? (JSON.parse(r.changes) as NeedHistoryEntry["changes"]) : null,
    })),
    total,
    pageCount: pageCount(total, HISTORY_PAGE_SIZE),
  };
}
