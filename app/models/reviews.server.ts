/**
 * Reviews once an engagement is completed: the SME reviews the vendor (four 1–5 marks, a 0–10
 * recommendation, a comment), the vendor replies once and rates the SME privately (staff see it).
 * Each is a transition (ADR 006) whose compare-and-set is the write itself: one review, one reply
 * and one SME rating per engagement, so a second one (a colleague's, or the same person's twice)
 * changes nothing and answers `already_reviewed` / `already_replied`. The vendor's public rating
 * is recomputed in the review's transaction.
 */
import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, schema, type Tx } from "../../db/client.server";
import { overallRating, ratingX100, type ReviewScore } from "~/lib/delivery-rules";
import { addEvent, engagementForActor, notifyParties, type Actor } from "./engagements.server";
import { reevaluate } from "./flags.server";
import { transition, type TransitionResult } from "./transition.server";
import { refreshVendorStats } from "./vendor-stats.server";

export type ReviewInput = Record<ReviewScore, number> & { recommend: number; comment: string };
export type ReviewRefusal = "wrong_side" | "not_completed" | "already_reviewed" | "already_replied";

/** Recomputes the vendor's rating from its reviews, in the transaction that changed them. */
function refreshVendorRating(tx: Tx, vendorId: string) {
  const ratings = tx
    .select({
      quality: schema.reviews.quality,
      schedule: schema.reviews.schedule,
      value: schema.reviews.value,
      communication: schema.reviews.communication,
    })
    .from(schema.reviews)
    .where(eq(schema.reviews.vendorId, vendorId))
    .all()
    .map(overallRating);
  tx.update(schema.vendorProfiles)
    .set({ ratingCount: ratings.length, ratingAvg: ratingX100(ratings) })
    .where(eq(schema.vendorProfiles.organisationId, vendorId))
    .run();
}

export async function submitReview(
  actor: Actor,
  engagementId: string,
  input: ReviewInput,
  now = Date.now(),
): Promise<TransitionResult<ReviewRefusal>> {
  const result = transition((tx): TransitionResult<ReviewRefusal> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    if (side !== "sme") return { ok: false, error: "wrong_side" };
    if (engagement.status !== "completed") return { ok: false, error: "not_completed" };
    const written = tx
      .insert(schema.reviews)
      .values({
        id: crypto.randomUUID(),
        engagementId,
        vendorId: engagement.vendorId,
        smeId: engagement.smeId,
        quality: input.quality,
        schedule: input.schedule,
        value: input.value,
        communication: input.communication,
        recommend: input.recommend,
        comment: input.comment,
        createdAt: now,
      })
      .onConflictDoNothing({ target: schema.reviews.engagementId })
      .run();
    if (written.changes !== 1) return { ok: false, error: "already_reviewed" };
    refreshVendorRating(tx, engagement.vendorId);
    refreshVendorStats(tx, engagement.vendorId, now);
    addEvent(tx, engagementId, "reviewed", actor.id, now, null, { rating: overallRating(input) });
    notifyParties(tx, engagement, side, "review_received");
    return { ok: true };
  });
  if (result.ok) await reevaluate({ engagementId });
  return result;
}

export async function replyToReview(
  actor: Actor,
  engagementId: string,
  reply: string,
  now = Date.now(),
): Promise<TransitionResult<ReviewRefusal>> {
  return transition((tx): TransitionResult<ReviewRefusal> => {
    const { side } = engagementForActor(tx, engagementId, actor);
    if (side !== "vendor") return { ok: false, error: "wrong_side" };
    const written = tx
      .update(schema.reviews)
      .set({ reply, repliedAt: now })
      .where(and(eq(schema.reviews.engagementId, engagementId), isNull(schema.reviews.reply)))
      .run();
    if (written.changes !== 1) return { ok: false, error: "already_replied" };
    addEvent(tx, engagementId, "review_replied", actor.id, now, reply);
    return { ok: true };
  });
}

/** The vendor's private rating of the SME, once; staff see it, the SME does not. */
export async function rateSme(
  actor: Actor,
  engagementId: string,
  rating: number,
  comment: string | null,
  now = Date.now(),
): Promise<TransitionResult<ReviewRefusal>> {
  return transition((tx): TransitionResult<ReviewRefusal> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    if (side !== "vendor") return { ok: false, error: "wrong_side" };
    if (engagement.status !== "completed") return { ok: false, error: "not_completed" };
    const written = tx
      .insert(schema.smeRatings)
      .values({ engagementId, smeId: engagement.smeId, vendorId: engagement.vendorId, rating, comment, createdAt: now })
      .onConflictDoNothing()
      .run();
    return written.changes === 1 ? { ok: true } : { ok: false, error: "already_reviewed" };
  });
}

/** A vendor's verified reviews, newest first, for its public profile. */
export function vendorReviews(vendorId: string, limit = 10) {
  return getDb()
    .select({
      id: schema.reviews.id,
      quality: schema.reviews.quality,
      schedule: schema.reviews.schedule,
      value: schema.reviews.value,
      communication: schema.reviews.communication,
      recommend: schema.reviews.recommend,
      comment: schema.reviews.comment,
      reply: schema.reviews.reply,
      createdAt: schema.reviews.createdAt,
      smeName: schema.organisations.legalName,
      needTitle: schema.needs.title,
    })
    .from(schema.reviews)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.reviews.smeId))
    .innerJoin(schema.engagements, eq(schema.engagements.id, schema.reviews.engagementId))
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .where(eq(schema.reviews.vendorId, vendorId))
    .orderBy(desc(schema.reviews.createdAt))
    .limit(limit)
    .all();
}
