/**
 * Milestones: the vendor submits (a note, a link, files), the SME accepts or requests changes;
 * accepting the last one completes the engagement. Each is one transition (ADR 006): the milestone
 * is written with compare-and-set on the status the user acted on (`seen`, from the page; the
 * current one when not given), so a milestone that moved on meanwhile answers `stale`; the
 * timeline and the other party's notification are written in the same transaction, the flag
 * engine re-evaluates after the commit.
 */
import crypto from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { getDb, schema, type DbOrTx, type Tx } from "../../db/client.server";
import { allAccepted, milestoneTransition, type MilestoneAction, type MilestoneStatus } from "~/lib/delivery-rules";
import {
  checkUploads,
  discardUploads,
  recordAttachments,
  storeUploads,
  type Upload,
  type UploadRefusal,
} from "./attachments.server";
import {
  addEvent,
  completeEngagement,
  engagementForActor,
  notFound,
  notifyParties,
  type Actor,
} from "./engagements.server";
import { reevaluate } from "./flags.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { refreshVendorStats } from "./vendor-stats.server";

export type MilestoneRefusal = "wrong_side" | "illegal_transition" | "engagement_closed";

function milestoneOf(tx: DbOrTx, engagementId: string, milestoneId: string) {
  const m = tx
    .select()
    .from(schema.engagementMilestones)
    .where(
      and(eq(schema.engagementMilestones.id, milestoneId), eq(schema.engagementMilestones.engagementId, engagementId)),
    )
    .get();
  if (!m) notFound();
  return m;
}

type Ids = { engagementId: string; milestoneId: string };

/** Reads the engagement and milestone (a stranger gets a 404) and checks the action against the status the user saw. */
function check(db: DbOrTx, actor: Actor, ids: Ids, action: MilestoneAction, seen: MilestoneStatus | undefined) {
  const { engagement, side } = engagementForActor(db, ids.engagementId, actor);
  const milestone = milestoneOf(db, ids.engagementId, ids.milestoneId);
  const from = seen ?? milestone.status;
  const rule = milestoneTransition(action, side, from, engagement.status === "active");
  if (!rule.ok) return { ok: false as const, error: rule.error };
  return { ok: true as const, engagement, side, milestone, from, to: rule.to };
}

/** `check`, then moves the milestone to its next status with compare-and-set on the status the user saw. */
function move(
  tx: Tx,
  actor: Actor,
  ids: Ids,
  action: MilestoneAction,
  seen: MilestoneStatus | undefined,
  set: SQLiteUpdateSetSource<typeof schema.engagementMilestones>,
) {
  const checked = check(tx, actor, ids, action, seen);
  if (!checked.ok) return checked;
  expectOneChange(
    tx
      .update(schema.engagementMilestones)
      .set({ ...set, status: checked.to })
      .where(
        and(eq(schema.engagementMilestones.id, ids.milestoneId), eq(schema.engagementMilestones.status, checked.from)),
      )
      .run(),
    "the milestone",
  );
  return checked;
}

export async function submitMilestone(
  actor: Actor,
  engagementId: string,
  milestoneId: string,
  input: { note: string; link?: string | null; files: Upload[]; seen?: MilestoneStatus },
  now = Date.now(),
): Promise<TransitionResult<MilestoneRefusal | UploadRefusal>> {
  // Refusals in the order a person can act on them: not yours (404), not now, then the files.
  const pre = check(getDb(), actor, { engagementId, milestoneId }, "submit", input.seen);
  if (!pre.ok) return pre;
  const refusal = checkUploads(input.files);
  if (refusal) return { ok: false, error: refusal };
  const stored = storeUploads(engagementId, input.files);
  let result: TransitionResult<MilestoneRefusal | UploadRefusal>;
  try {
    result = transition((tx): TransitionResult<MilestoneRefusal> => {
      const moved = move(tx, actor, { engagementId, milestoneId }, "submit", input.seen, { submittedAt: now });
      if (!moved.ok) return moved;
      const { engagement, side, milestone } = moved;
      if (milestone.firstSubmittedAt === null) {
        tx.update(schema.engagementMilestones)
          .set({ firstSubmittedAt: now })
          .where(eq(schema.engagementMilestones.id, milestoneId))
          .run();
      }
      const submissionId = crypto.randomUUID();
      tx.insert(schema.milestoneSubmissions)
        .values({
          id: submissionId,
          milestoneId,
          engagementId,
          note: input.note,
          link: input.link ?? null,
          submittedBy: actor.id,
          submittedAt: now,
        })
        .run();
      recordAttachments(tx, { engagementId, submissionId, uploadedBy: actor.id }, stored, now);
      refreshVendorStats(tx, engagement.vendorId, now);
      addEvent(tx, engagementId, "milestone_submitted", actor.id, now, input.note, { milestone: milestone.title });
      notifyParties(tx, engagement, side, "milestone_submitted", { milestone: milestone.title });
      return { ok: true };
    });
  } catch (error) {
    discardUploads(stored);
    throw error;
  }
  if (!result.ok) {
    discardUploads(stored);
    return result;
  }
  await reevaluate({ engagementId });
  return result;
}

/** The SME's decision on the latest submission; accepting the last open milestone completes the engagement. */
export async function decideMilestone(
  actor: Actor,
  engagementId: string,
  milestoneId: string,
  decision: "accept" | "request_changes",
  reason: string | null,
  now = Date.now(),
  seen?: MilestoneStatus,
): Promise<TransitionResult<MilestoneRefusal, { completed: boolean }>> {
  const result = transition((tx): TransitionResult<MilestoneRefusal, { completed: boolean }> => {
    const moved = move(
      tx,
      actor,
      { engagementId, milestoneId },
      decision,
      seen,
      decision === "accept" ? { acceptedAt: now } : { rejections: sql`${schema.engagementMilestones.rejections} + 1` },
    );
    if (!moved.ok) return moved;
    const { engagement, side, milestone } = moved;
    const latest = tx
      .select({ id: schema.milestoneSubmissions.id })
      .from(schema.milestoneSubmissions)
      .where(eq(schema.milestoneSubmissions.milestoneId, milestoneId))
      .orderBy(desc(schema.milestoneSubmissions.submittedAt))
      .get();
    if (latest) {
      tx.update(schema.milestoneSubmissions)
        .set({
          decision: decision === "accept" ? "accepted" : "changes_requested",
          decisionReason: reason,
          decidedBy: actor.id,
          decidedAt: now,
        })
        .where(eq(schema.milestoneSubmissions.id, latest.id))
        .run();
    }
    const accepted = decision === "accept";
    addEvent(tx, engagementId, accepted ? "milestone_accepted" : "milestone_changes_requested", actor.id, now, reason, {
      milestone: milestone.title,
    });
    notifyParties(tx, engagement, side, accepted ? "milestone_accepted" : "milestone_changes_requested", {
      milestone: milestone.title,
      reason: reason ?? "",
    });
    const statuses = tx
      .select({ status: schema.engagementMilestones.status })
      .from(schema.engagementMilestones)
      .where(eq(schema.engagementMilestones.engagementId, engagementId))
      .all()
      .map((r) => r.status);
    const completed = accepted && allAccepted(statuses);
    if (completed) completeEngagement(tx, engagement, now);
    refreshVendorStats(tx, engagement.vendorId, now);
    return { ok: true, completed };
  });
  if (result.ok) await reevaluate({ engagementId });
  return result;
}
