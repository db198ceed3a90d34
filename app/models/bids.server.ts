/**
 * Bids and the award (docs/product.md §7); the questions on a need are questions.server.ts. Bids
 * are sealed: a vendor reads only its own; the owning SME and staff read all of a need's bids. The
 * server's clock decides the deadline. Every change is a transition (ADR 006): one immediate
 * transaction that re-reads, writes with compare-and-set, and tells the people concerned, then
 * asks the flag engine. One module (a little over 400 lines) because it is one lifecycle, from
 * submission to award, whose transitions share the same reads and the compare-and-set `moveBid`.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { getDb, schema, type DB, type DbOrTx } from "../../db/client.server";
import {
  biddingOpen,
  canShortlist,
  planProblems,
  type BidStatus,
  type MilestonePlan,
  type PlanProblem,
} from "~/lib/bid-rules";
import { DAY_MS } from "~/lib/local-date";
import { reevaluate } from "./flags.server";
import { notify, organisationUserIds } from "./notifications.server";
import { getNeedForViewer, needStatusNow, type NeedViewer } from "./needs.server";
import { refreshVendorStats } from "./vendor-stats.server";
import { expectOneChange, transition } from "./transition.server";
import { vendorStanding } from "./dossier.server";

export type BidInput = {
  total: number;
  durationDays: number;
  approach: string;
  validityDays: number;
  milestones: MilestonePlan[];
};

export type BidRefusal =
  | { ok: false; error: "not_vetted"; standing: string }
  | {
      ok: false;
      error: "closed" | "already_bid" | "not_live" | "not_found" | "already_awarded" | "not_evaluating" | "stale";
    }
  | { ok: false; error: "plan"; problems: PlanProblem[] };
export type BidResult<T = object> = ({ ok: true } & T) | BidRefusal;

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

function needRow(db: DbOrTx, needId: string) {
  return db.select().from(schema.needs).where(eq(schema.needs.id, needId)).get();
}

function liveBidOf(db: DbOrTx, needId: string, vendorId: string) {
  return db
    .select()
    .from(schema.bids)
    .where(and(eq(schema.bids.needId, needId), eq(schema.bids.vendorId, vendorId), ne(schema.bids.status, "withdrawn")))
    .get();
}

function milestonesOf(db: DbOrTx, bidId: string) {
  return db
    .select()
    .from(schema.bidMilestones)
    .where(eq(schema.bidMilestones.bidId, bidId))
    .orderBy(asc(schema.bidMilestones.position))
    .all();
}

function writeMilestones(tx: DbOrTx, bidId: string, milestones: MilestonePlan[]) {
  tx.delete(schema.bidMilestones).where(eq(schema.bidMilestones.bidId, bidId)).run();
  milestones.forEach((m, position) =>
    tx
      .insert(schema.bidMilestones)
      .values({ id: crypto.randomUUID(), bidId, position, ...m })
      .run(),
  );
}

/** The compare-and-set write on a bid: only while its status is still `from`. */
function moveBid(tx: DbOrTx, bidId: string, from: BidStatus, set: Partial<typeof schema.bids.$inferInsert>) {
  expectOneChange(
    tx
      .update(schema.bids)
      .set(set)
      .where(and(eq(schema.bids.id, bidId), eq(schema.bids.status, from)))
      .run(),
    "the bid",
  );
}

/** The vendor's own live bid on a need, with its milestones, or null. */
export function getOwnBid(needId: string, vendorId: string) {
  const db = getDb();
  const bid = liveBidOf(db, needId, vendorId);
  return bid ? { ...bid, milestones: milestonesOf(db, bid.id) } : null;
}

type NeedRow = NonNullable<ReturnType<typeof needRow>>;

/** Whether the vendor may bid this plan on the need now; the need as read when it may. */
function checkSubmission(
  tx: DbOrTx,
  user: NeedViewer,
  needId: string,
  input: BidInput,
  now: number,
): BidRefusal | { ok: true; need: NeedRow } {
  const standing = vendorStanding(user.organisationId, now);
  if (standing !== "vetted") return { ok: false, error: "not_vetted", standing };
  const need = needRow(tx, needId);
  if (!need) return { ok: false, error: "not_found" };
  if (!biddingOpen(needStatusNow(need, now, tx))) return { ok: false, error: "closed" };
  const problems = planProblems(input.total, input.durationDays, input.milestones);
  if (problems.length) return { ok: false, error: "plan", problems };
  return { ok: true, need };
}

/** Tells the need's owner about a vendor's bid, in the bid's transaction. */
function tellOwner(
  tx: DbOrTx,
  need: NeedRow,
  kind: "bid_submitted" | "bid_edited" | "bid_withdrawn",
  vendorId: string,
) {
  const vendor =
    tx
      .select({ name: schema.organisations.legalName })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, vendorId))
      .get()?.name ?? "";
  notify(organisationUserIds(need.organisationId, tx), kind, { need: need.title, vendor }, `/needs/${need.id}`, tx);
}

/** A vetted vendor's bid on an open need; the owner is told, and the flag engine looks at the need. */
export async function submitBid(
  user: NeedViewer,
  needId: string,
  input: BidInput,
  now = Date.now(),
): Promise<BidResult<{ bidId: string }>> {
  const bidId = crypto.randomUUID();
  let result: BidResult<{ bidId: string }>;
  try {
    result = transition((tx): BidResult<{ bidId: string }> => {
      const checked = checkSubmission(tx, user, needId, input, now);
      if (!checked.ok) return checked;
      tx.insert(schema.bids)
        .values({
          id: bidId,
          needId,
          vendorId: user.organisationId,
          submittedBy: user.id,
          status: "submitted",
          total: input.total,
          durationDays: input.durationDays,
          approach: input.approach,
          validityDays: input.validityDays,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      writeMilestones(tx, bidId, input.milestones);
      tellOwner(tx, checked.need, "bid_submitted", user.organisationId);
      return { ok: true, bidId };
    });
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: bids.need_id, bids.vendor_id")) {
      return { ok: false, error: "already_bid" };
    }
    throw error;
  }
  if (result.ok) await reevaluate({ needId }, now);
  return result;
}

/** The vendor's own live bid, or a 404: another vendor's bid is none of its business. */
function ownLiveBid(tx: DbOrTx, user: NeedViewer, needId: string) {
  const bid = liveBidOf(tx, needId, user.organisationId);
  if (!bid) notFound();
  return bid;
}

/** Edits the vendor's bid while bidding is open; `stale` when it is no longer the submitted bid read. */
export async function updateBid(
  user: NeedViewer,
  needId: string,
  input: BidInput,
  now = Date.now(),
): Promise<BidResult> {
  const result = transition((tx): BidResult => {
    const bid = ownLiveBid(tx, user, needId);
    const checked = checkSubmission(tx, user, needId, input, now);
    if (!checked.ok) return checked;
    if (bid.status !== "submitted") return { ok: false, error: "stale" };
    moveBid(tx, bid.id, "submitted", {
      total: input.total,
      durationDays: input.durationDays,
      approach: input.approach,
      validityDays: input.validityDays,
      updatedAt: now,
    });
    writeMilestones(tx, bid.id, input.milestones);
    tellOwner(tx, checked.need, "bid_edited", user.organisationId);
    return { ok: true };
  });
  if (result.ok) await reevaluate({ needId }, now);
  return result;
}

/** Withdraws the vendor's bid while bidding is open. */
export async function withdrawBid(user: NeedViewer, needId: string, now = Date.now()): Promise<BidResult> {
  const result = transition((tx): BidResult => {
    const bid = ownLiveBid(tx, user, needId);
    const need = needRow(tx, needId)!;
    if (!biddingOpen(needStatusNow(need, now, tx))) return { ok: false, error: "closed" };
    if (bid.status !== "submitted") return { ok: false, error: "stale" };
    moveBid(tx, bid.id, "submitted", { status: "withdrawn", withdrawnAt: now, updatedAt: now });
    tellOwner(tx, need, "bid_withdrawn", user.organisationId);
    return { ok: true };
  });
  if (result.ok) await reevaluate({ needId }, now);
  return result;
}

// ---------------------------------------------------------------------------------------------
// The owner's view and the award

export type ComparedBid = {
  id: string;
  status: BidStatus;
  total: number;
  durationDays: number;
  approach: string;
  validityDays: number;
  updatedAt: number;
  vendorId: string;
  vendorName: string;
  vettedAt: number | null;
  ratingAvg: number | null;
  ratingCount: number;
  milestones: { title: string; dueOffsetDays: number; amount: number }[];
};

/** Every live bid of a need, for its owner or staff only (the caller has checked who). */
export function bidsOfNeed(needId: string): ComparedBid[] {
  const db = getDb();
  const rows = db
    .select({
      bid: schema.bids,
      vendorName: schema.organisations.legalName,
      vettedAt: schema.vendorProfiles.vettedAt,
      ratingAvg: schema.vendorProfiles.ratingAvg,
      ratingCount: schema.vendorProfiles.ratingCount,
    })
    .from(schema.bids)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.bids.vendorId))
    .leftJoin(schema.vendorProfiles, eq(schema.vendorProfiles.organisationId, schema.bids.vendorId))
    .where(and(eq(schema.bids.needId, needId), ne(schema.bids.status, "withdrawn")))
    .orderBy(asc(schema.bids.createdAt))
    .all();
  const ids = rows.map((r) => r.bid.id);
  const milestones = ids.length
    ? db
        .select()
        .from(schema.bidMilestones)
        .where(inArray(schema.bidMilestones.bidId, ids))
        .orderBy(asc(schema.bidMilestones.position))
        .all()
    : [];
  return rows.map((r) => ({
    id: r.bid.id,
    status: r.bid.status,
    total: r.bid.total,
    durationDays: r.bid.durationDays,
    approach: r.bid.approach,
    validityDays: r.bid.validityDays,
    updatedAt: r.bid.updatedAt,
    vendorId: r.bid.vendorId,
    vendorName: r.vendorName,
    vettedAt: r.vettedAt,
    ratingAvg: r.ratingAvg,
    ratingCount: r.ratingCount ?? 0,
    milestones: milestones
      .filter((m) => m.bidId === r.bid.id)
      .map((m) => ({ title: m.title, dueOffsetDays: m.dueOffsetDays, amount: m.amount })),
  }));
}

/** The owner's need as it is now, read in the transaction: awarded, still evaluating, or neither. */
function ownerNeedState(tx: DbOrTx, user: NeedViewer, needId: string, now: number) {
  const need = getNeedForViewer(needId, user, now, tx);
  if (!need.isOwner) notFound();
  if (need.status === "awarded") return { need, refusal: { ok: false, error: "already_awarded" } as const };
  if (need.statusNow !== "evaluating") return { need, refusal: { ok: false, error: "not_evaluating" } as const };
  return { need, refusal: null };
}

/**
 * The owner shortlists (or un-shortlists) a bid once bidding has closed. The bid must still be as
 * the page showed it (submitted to shortlist, shortlisted to take it off); else `stale`.
 */
export function setShortlisted(
  user: NeedViewer,
  needId: string,
  bidId: string,
  on: boolean,
  now = Date.now(),
): BidResult {
  return transition((tx): BidResult => {
    const { refusal } = ownerNeedState(tx, user, needId, now);
    if (refusal) return refusal;
    const bid = tx
      .select()
      .from(schema.bids)
      .where(and(eq(schema.bids.id, bidId), eq(schema.bids.needId, needId)))
      .get();
    if (!bid || !canShortlist(bid.status)) return { ok: false, error: "not_live" };
    const from: BidStatus = on ? "submitted" : "shortlisted";
    if (bid.status !== from) return { ok: false, error: "stale" };
    moveBid(tx, bidId, from, { status: on ? "shortlisted" : "submitted", updatedAt: now });
    return { ok: true };
  });
}

/**
 * The award, in one immediate transaction: the need becomes `awarded`, the bid `awarded`, every
 * other live bid `not_selected`, the engagement is created with its milestones due from the award
 * date, and every bidder is told. The conditional update of the need and the unique index on
 * engagements.need_id make a second, simultaneous award fail whatever process it comes from. The
 * model every other transition follows (ADR 006).
 */
export async function awardBid(
  user: NeedViewer,
  needId: string,
  bidId: string,
  now = Date.now(),
  db: DB = getDb(),
): Promise<BidResult<{ engagementId: string }>> {
  let outcome: BidResult<{ engagementId: string }>;
  try {
    outcome = transition((tx): BidResult<{ engagementId: string }> => {
      const { need, refusal } = ownerNeedState(tx, user, needId, now);
      if (refusal) return refusal;
      const bid = tx
        .select()
        .from(schema.bids)
        .where(and(eq(schema.bids.id, bidId), eq(schema.bids.needId, needId)))
        .get();
      if (!bid || !canShortlist(bid.status)) return { ok: false, error: "not_live" };
      const claimed = tx
        .update(schema.needs)
        .set({ status: "awarded", updatedAt: now })
        .where(and(eq(schema.needs.id, needId), inArray(schema.needs.status, ["open", "evaluating"])))
        .run();
      if (claimed.changes !== 1) return { ok: false, error: "already_awarded" };
      expectOneChange(
        tx
          .update(schema.bids)
          .set({ status: "awarded", updatedAt: now })
          .where(and(eq(schema.bids.id, bidId), inArray(schema.bids.status, ["submitted", "shortlisted"])))
          .run(),
        "the bid",
      );
      tx.update(schema.bids)
        .set({ status: "not_selected", updatedAt: now })
        .where(and(eq(schema.bids.needId, needId), ne(schema.bids.id, bidId), ne(schema.bids.status, "withdrawn")))
        .run();
      const engagementId = crypto.randomUUID();
      tx.insert(schema.engagements)
        .values({
          id: engagementId,
          needId,
          bidId,
          smeId: need.organisationId,
          vendorId: bid.vendorId,
          status: "active",
          total: bid.total,
          awardedAt: now,
          awardedBy: user.id,
          lastActivityAt: now,
          createdAt: now,
        })
        .run();
      milestonesOf(tx, bidId).forEach((m) =>
        tx
          .insert(schema.engagementMilestones)
          .values({
            id: crypto.randomUUID(),
            engagementId,
            position: m.position,
            title: m.title,
            dueAt: now + m.dueOffsetDays * DAY_MS,
            amount: m.amount,
            status: "pending",
          })
          .run(),
      );
      refreshVendorStats(tx, bid.vendorId, now);
      tx.insert(schema.needEvents).values({ needId, actorId: user.id, event: "awarded", at: now }).run();
      tx.insert(schema.engagementEvents).values({ engagementId, kind: "awarded", actorId: user.id, at: now }).run();
      tellBidders(tx, needId, need.title, engagementId);
      return { ok: true, engagementId };
    }, db);
  } catch (error) {
    if (String(error).includes("engagements.need_id")) return { ok: false, error: "already_awarded" };
    throw error;
  }
  if (outcome.ok) await reevaluate({ needId, engagementId: outcome.engagementId }, now);
  return outcome;
}

/** The winner is sent to its engagement; every other bidder is told it was not selected. */
function tellBidders(tx: DbOrTx, needId: string, needTitle: string, engagementId: string) {
  const bids = tx
    .select({ vendorId: schema.bids.vendorId, status: schema.bids.status })
    .from(schema.bids)
    .where(and(eq(schema.bids.needId, needId), inArray(schema.bids.status, ["awarded", "not_selected"])))
    .all();
  for (const b of bids) {
    const users = organisationUserIds(b.vendorId, tx);
    if (b.status === "awarded") {
      notify(users, "bid_awarded", { need: needTitle }, `/engagements/${engagementId}`, tx);
    } else {
      notify(users, "bid_not_selected", { need: needTitle }, `/needs/${needId}`, tx);
    }
  }
}
