/**
 * Amendments: either party proposes a change to the plan (a milestone's amount or due date, or a
 * new milestone); only the other party decides, and only an accepted amendment changes the plan
 * and the engagement's value. Both are transitions (ADR 006): a proposal needs its milestone still
 * open, a decision needs the amendment still proposed, each checked by compare-and-set in the
 * transaction that writes it, else `stale`.
 */
import crypto from "node:crypto";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/client.server";
import { MILESTONE_DELIVERED } from "~/lib/delivery-rules";
import { addEvent, engagementForActor, notFound, notifyParties, type Actor } from "./engagements.server";
import { reevaluate } from "./flags.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { refreshVendorStats } from "./vendor-stats.server";

export type AmendmentInput =
  | { kind: "amount"; milestoneId: string; newAmount: number; reason: string }
  | { kind: "due_date"; milestoneId: string; newDueAt: number; reason: string }
  | { kind: "new_milestone"; newTitle: string; newAmount: number; newDueAt: number; reason: string };

export type AmendmentRefusal = "wrong_side" | "engagement_closed" | "own_amendment";

export async function proposeAmendment(
  actor: Actor,
  engagementId: string,
  input: AmendmentInput,
  now = Date.now(),
): Promise<TransitionResult<AmendmentRefusal>> {
  const result = transition((tx): TransitionResult<AmendmentRefusal> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    if (side === "staff") return { ok: false, error: "wrong_side" };
    if (engagement.status !== "active") return { ok: false, error: "engagement_closed" };
    let valueDelta = input.kind === "new_milestone" ? input.newAmount : 0;
    let milestoneTitle = input.kind === "new_milestone" ? input.newTitle : "";
    if (input.kind !== "new_milestone") {
      const m = tx
        .select()
        .from(schema.engagementMilestones)
        .where(
          and(
            eq(schema.engagementMilestones.id, input.milestoneId),
            eq(schema.engagementMilestones.engagementId, engagementId),
          ),
        )
        .get();
      if (!m) notFound();
      // An accepted milestone is delivered and paid for: its plan no longer changes.
      expectOneChange(
        tx
          .update(schema.engagementMilestones)
          .set({ status: sql`${schema.engagementMilestones.status}` })
          .where(
            and(eq(schema.engagementMilestones.id, m.id), ne(schema.engagementMilestones.status, MILESTONE_DELIVERED)),
          )
          .run(),
        "the milestone",
      );
      milestoneTitle = m.title;
      valueDelta = input.kind === "amount" ? input.newAmount - m.amount : 0;
    }
    tx.insert(schema.amendments)
      .values({
        id: crypto.randomUUID(),
        engagementId,
        milestoneId: input.kind === "new_milestone" ? null : input.milestoneId,
        kind: input.kind,
        newTitle: input.kind === "new_milestone" ? input.newTitle : null,
        newAmount: input.kind === "due_date" ? null : input.newAmount,
        newDueAt: input.kind === "amount" ? null : input.newDueAt,
        valueDelta,
        reason: input.reason,
        status: "proposed",
        proposedBy: actor.id,
        proposedBySide: side,
        createdAt: now,
      })
      .run();
    addEvent(tx, engagementId, "amendment_proposed", actor.id, now, input.reason, {
      milestone: milestoneTitle,
      kind: input.kind,
    });
    notifyParties(tx, engagement, side, "amendment_proposed", { milestone: milestoneTitle });
    return { ok: true };
  });
  if (result.ok) await reevaluate({ engagementId });
  return result;
}

/** Only the other party decides, once: a proposal someone already decided answers `stale`. */
export async function decideAmendment(
  actor: Actor,
  engagementId: string,
  amendmentId: string,
  accept: boolean,
  now = Date.now(),
): Promise<TransitionResult<AmendmentRefusal>> {
  const result = transition((tx): TransitionResult<AmendmentRefusal> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    const a = tx
      .select()
      .from(schema.amendments)
      .where(and(eq(schema.amendments.id, amendmentId), eq(schema.amendments.engagementId, engagementId)))
      .get();
    if (!a) notFound();
    if (side === "staff") return { ok: false, error: "wrong_side" };
    if (a.proposedBySide === side) return { ok: false, error: "own_amendment" };
    if (engagement.status !== "active") return { ok: false, error: "engagement_closed" };
    expectOneChange(
      tx
        .update(schema.amendments)
        .set({ status: accept ? "accepted" : "declined", decidedBy: actor.id, decidedAt: now })
        .where(and(eq(schema.amendments.id, amendmentId), eq(schema.amendments.status, "proposed")))
        .run(),
      "the amendment",
    );
    if (accept) {
      applyAmendment(tx, a);
      refreshVendorStats(tx, engagement.vendorId, now);
    }
    addEvent(tx, engagementId, accept ? "amendment_accepted" : "amendment_declined", actor.id, now, a.reason);
    notifyParties(tx, engagement, side, accept ? "amendment_accepted" : "amendment_declined");
    return { ok: true };
  });
  if (result.ok) await reevaluate({ engagementId });
  return result;
}

/** Changes the plan as an accepted amendment says, in the decision's transaction. */
function applyAmendment(tx: Tx, a: typeof schema.amendments.$inferSelect) {
  if (a.kind === "amount" && a.milestoneId) {
    tx.update(schema.engagementMilestones)
      .set({ amount: a.newAmount! })
      .where(eq(schema.engagementMilestones.id, a.milestoneId))
      .run();
  } else if (a.kind === "due_date" && a.milestoneId) {
    tx.update(schema.engagementMilestones)
      .set({ dueAt: a.newDueAt! })
      .where(eq(schema.engagementMilestones.id, a.milestoneId))
      .run();
  } else if (a.kind === "new_milestone") {
    const position = tx
      .select({ n: count() })
      .from(schema.engagementMilestones)
      .where(eq(schema.engagementMilestones.engagementId, a.engagementId))
      .get()!.n;
    tx.insert(schema.engagementMilestones)
      .values({
        id: crypto.randomUUID(),
        engagementId: a.engagementId,
        position,
        title: a.newTitle!,
        dueAt: a.newDueAt!,
        amount: a.newAmount!,
        status: "pending",
      })
      .run();
  }
  if (a.valueDelta !== 0) {
    tx.update(schema.engagements)
      .set({ total: sql`${schema.engagements.total} + ${a.valueDelta}` })
      .where(eq(schema.engagements.id, a.engagementId))
      .run();
  }
}
