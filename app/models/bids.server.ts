/**
 * Bids, questions and the award (DESIGN §7). Bids are sealed: a vendor reads only its own; the
 * owning SME and staff read all of a need's bids. The server's clock decides the deadline.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { getDb, schema, type DB } from "../../db/client.server";
import {
  biddingOpen,
  canShortlist,
  planProblems,
  type BidStatus,
  type MilestonePlan,
  type PlanProblem,
} from "~/lib/bid-rules";
import { DAY_MS } from "~/lib/need-status";
import { reevaluate } from "./flags.server";
import { notify, organisationUserIds } from "./notifications.server";
import { getNeedForViewer, needStatusNow, type NeedViewer } from "./needs.server";
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
  | { ok: false; error: "closed" | "already_bid" | "not_live" | "not_found" | "already_awarded" | "not_evaluating" }
  | { ok: false; error: "plan"; problems: PlanProblem[] };
export type BidResult<T = object> = ({ ok: true } & T) | BidRefusal;

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

function needRow(db: DB, needId: string) {
  return db.select().from(schema.needs).where(eq(schema.needs.id, needId)).get();
}

function liveBidOf(db: DB, needId: string, vendorId: string) {
  return db
    .select()
    .from(schema.bids)
    .where(and(eq(schema.bids.needId, needId), eq(schema.bids.vendorId, vendorId), ne(schema.bids.status, "withdrawn")))
    .get();
}

function milestonesOf(db: DB, bidId: string) {
  return db
    .select()
    .from(schema.bidMilestones)
    .where(eq(schema.bidMilestones.bidId, bidId))
    .orderBy(asc(schema.bidMilestones.position))
    .all();
}

function writeMilestones(tx: DB, bidId: string, milestones: MilestonePlan[]) {
  tx.delete(schema.bidMilestones).where(eq(schema.bidMilestones.bidId, bidId)).run();
  milestones.forEach((m, position) =>
    tx
      .insert(schema.bidMilestones)
      .values({ id: crypto.randomUUID(), bidId, position, ...m })
      .run(),
  );
}

/** The vendor's own live bid on a need, with its milestones, or null. */
export function getOwnBid(needId: string, vendorId: string) {
  const db = getDb();
  const bid = liveBidOf(db, needId, vendorId);
  return bid ? { ...bid, milestones: milestonesOf(db, bid.id) } : null;
}

function checkSubmission(user: NeedViewer, needId: string, input: BidInput, now: number): BidRefusal | null {
  const standing = vendorStanding(user.organisationId, now);
  if (standing !== "vetted") return { ok: false, error: "not_vetted", standing };
  const need = needRow(getDb(), needId);
  if (!need) return { ok: false, error: "not_found" };
  if (!biddingOpen(needStatusNow(need, now))) return { ok: false, error: "closed" };
  const problems = planProblems(input.total, input.durationDays, input.milestones);
  if (problems.length) return { ok: false, error: "plan", problems };
  return null;
}

async function tellOwner(needId: string, kind: "bid_submitted" | "bid_edited" | "bid_withdrawn", vendorName: string) {
  const need = needRow(getDb(), needId);
  if (!need) return;
  notify(organisationUserIds(need.organisationId), kind, { need: need.title, vendor: vendorName }, `/needs/${needId}`);
}

function vendorName(vendorId: string) {
  return (
    getDb()
      .select({ name: schema.organisations.legalName })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, vendorId))
      .get()?.name ?? ""
  );
}

export async function submitBid(
  user: NeedViewer,
  needId: string,
  input: BidInput,
  now = Date.now(),
): Promise<BidResult<{ bidId: string }>> {
  const refusal = checkSubmission(user, needId, input, now);
  if (refusal) return refusal;
  const bidId = crypto.randomUUID();
  try {
    getDb().transaction((tx) => {
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
    });
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: bids.need_id, bids.vendor_id")) {
      return { ok: false, error: "already_bid" };
    }
    throw error;
  }
  await tellOwner(needId, "bid_submitted", vendorName(user.organisationId));
  await reevaluate({ needId });
  return { ok: true, bidId };
}

function ownLiveBid(user: NeedViewer, needId: string) {
  const bid = liveBidOf(getDb(), needId, user.organisationId);
  if (!bid) notFound();
  return bid;
}

export async function updateBid(
  user: NeedViewer,
  needId: string,
  input: BidInput,
  now = Date.now(),
): Promise<BidResult> {
  const bid = ownLiveBid(user, needId);
  const refusal = checkSubmission(user, needId, input, now);
  if (refusal) return refusal;
  if (bid.status !== "submitted") return { ok: false, error: "not_live" };
  getDb().transaction((tx) => {
    tx.update(schema.bids)
      .set({
        total: input.total,
        durationDays: input.durationDays,
        approach: input.approach,
        validityDays: input.validityDays,
        updatedAt: now,
      })
      .where(eq(schema.bids.id, bid.id))
      .run();
    writeMilestones(tx, bid.id, input.milestones);
  });
  await tellOwner(needId, "bid_edited", vendorName(user.organisationId));
  await reevaluate({ needId });
  return { ok: true };
}

export async function withdrawBid(user: NeedViewer, needId: string, now = Date.now()): Promise<BidResult> {
  const bid = ownLiveBid(user, needId);
  const need = needRow(getDb(), needId)!;
  if (!biddingOpen(needStatusNow(need, now))) return { ok: false, error: "closed" };
  if (bid.status !== "submitted") return { ok: false, error: "not_live" };
  getDb()
    .update(schema.bids)
    .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now })
    .where(eq(schema.bids.id, bid.id))
    .run();
  await tellOwner(needId, "bid_withdrawn", vendorName(user.organisationId));
  await reevaluate({ needId });
  return { ok: true };
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

/** The owner shortlists (or un-shortlists) a bid once bidding has closed. */
export function setShortlisted(
  user: NeedViewer,
  needId: string,
  bidId: string,
  on: boolean,
  now = Date.now(),
): BidResult {
  const need = getNeedForViewer(needId, user, now);
  if (!need.isOwner) notFound();
  if (need.statusNow !== "evaluating") return { ok: false, error: "not_evaluating" };
  const bid = getDb()
    .select()
    .from(schema.bids)
    .where(and(eq(schema.bids.id, bidId), eq(schema.bids.needId, needId)))
    .get();
  if (!bid || !canShortlist(bid.status)) return { ok: false, error: "not_live" };
  getDb()
    .update(schema.bids)
    .set({ status: on ? "shortlisted" : "submitted", updatedAt: now })
    .where(eq(schema.bids.id, bidId))
    .run();
  return { ok: true };
}

/**
 * The award, in one immediate transaction: the need becomes `awarded`, the bid `awarded`, every
 * other live bid `not_selected`, and the engagement is created with its milestones due from the
 * award date. The conditional update of the need and the unique index on engagements.need_id make
 * a second, simultaneous award fail whatever process it comes from.
 */
export async function awardBid(
  user: NeedViewer,
  needId: string,
  bidId: string,
  now = Date.now(),
  db: DB = getDb(),
): Promise<BidResult<{ engagementId: string }>> {
  const need = getNeedForViewer(needId, user, now);
  if (!need.isOwner) notFound();
  let outcome: BidResult<{ engagementId: string }>;
  try {
    outcome = db.transaction(
      (tx) => {
        const fresh = needRow(tx, needId)!;
        if (fresh.status === "awarded") return { ok: false, error: "already_awarded" } as const;
        if (needStatusNow(fresh, now) !== "evaluating") return { ok: false, error: "not_evaluating" } as const;
        const bid = tx
          .select()
          .from(schema.bids)
          .where(and(eq(schema.bids.id, bidId), eq(schema.bids.needId, needId)))
          .get();
        if (!bid || !canShortlist(bid.status)) return { ok: false, error: "not_live" } as const;
        const claimed = tx
          .update(schema.needs)
          .set({ status: "awarded", updatedAt: now })
          .where(and(eq(schema.needs.id, needId), inArray(schema.needs.status, ["open", "evaluating"])))
          .run();
        if (claimed.changes !== 1) return { ok: false, error: "already_awarded" } as const;
        tx.update(schema.bids).set({ status: "awarded", updatedAt: now }).where(eq(schema.bids.id, bidId)).run();
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
            smeId: fresh.organisationId,
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
        tx.insert(schema.needEvents).values({ needId, actorId: user.id, event: "awarded", at: now }).run();
        tx.insert(schema.engagementEvents).values({ engagementId, kind: "awarded", actorId: user.id, at: now }).run();
        return { ok: true, engagementId } as const;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (String(error).includes("engagements.need_id")) return { ok: false, error: "already_awarded" };
    throw error;
  }
  if (outcome.ok) {
    await reevaluate({ needId, engagementId: outcome.engagementId });
    const bids = db
      .select({ id: schema.bids.id, vendorId: schema.bids.vendorId, status: schema.bids.status })
      .from(schema.bids)
      .where(eq(schema.bids.needId, needId))
      .all();
    for (const b of bids) {
      if (b.status === "awarded") {
        notify(
          organisationUserIds(b.vendorId),
          "bid_awarded",
          { need: need.title },
          `/engagements/${outcome.engagementId}`,
        );
      } else if (b.status === "not_selected") {
        notify(organisationUserIds(b.vendorId), "bid_not_selected", { need: need.title }, `/needs/${needId}`);
      }
    }
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Questions

export type QuestionView = {
  id: string;
  question: string;
  answer: string | null;
  answeredAt: number | null;
  createdAt: number;
  mine: boolean;
};

/**
 * The questions a viewer may read: every answered one, without the asker; a vendor also sees its
 * own unanswered ones; the owner and staff see all.
 */
export function questionsFor(needId: string, viewer: NeedViewer, isOwnerOrStaff: boolean): QuestionView[] {
  return getDb()
    .select()
    .from(schema.needQuestions)
    .where(eq(schema.needQuestions.needId, needId))
    .orderBy(asc(schema.needQuestions.createdAt))
    .all()
    .filter((q) => isOwnerOrStaff || q.answer !== null || q.vendorId === viewer.organisationId)
    .map((q) => ({
      id: q.id,
      question: q.question,
      answer: q.answer,
      answeredAt: q.answeredAt,
      createdAt: q.createdAt,
      mine: q.vendorId === viewer.organisationId,
    }));
}

export async function askQuestion(
  user: NeedViewer,
  needId: string,
  question: string,
  now = Date.now(),
): Promise<BidResult> {
  const need = getNeedForViewer(needId, user, now);
  if (user.role !== "vendor") notFound();
  if (need.statusNow !== "open") return { ok: false, error: "closed" };
  getDb()
    .insert(schema.needQuestions)
    .values({
      id: crypto.randomUUID(),
      needId,
      askedBy: user.id,
      vendorId: user.organisationId,
      question,
      createdAt: now,
    })
    .run();
  notify(
    organisationUserIds(need.organisationId),
    "question_asked",
    { need: need.title },
    `/needs/${needId}#questions`,
  );
  return { ok: true };
}

export async function answerQuestion(
  user: NeedViewer,
  needId: string,
  questionId: string,
  answer: string,
  now = Date.now(),
): Promise<BidResult> {
  const need = getNeedForViewer(needId, user, now);
  if (!need.isOwner) notFound();
  const q = getDb()
    .select()
    .from(schema.needQuestions)
    .where(and(eq(schema.needQuestions.id, questionId), eq(schema.needQuestions.needId, needId)))
    .get();
  if (!q) notFound();
  getDb()
    .update(schema.needQuestions)
    .set({ answer, answeredBy: user.id, answeredAt: now })
    .where(eq(schema.needQuestions.id, questionId))
    .run();
  notify([q.askedBy], "question_answered", { need: need.title }, `/needs/${needId}#questions`);
  return { ok: true };
}
