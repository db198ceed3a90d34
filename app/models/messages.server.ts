/**
 * Messages between the parties, on the engagement's timeline. Posting one is a transition
 * (ADR 006) with no state to compare: only the two parties post (a stranger gets a 404, staff are
 * refused), the timeline and the other party's notification are written together.
 */
import { addEvent, engagementForActor, notifyParties, type Actor } from "./engagements.server";
import { reevaluate } from "./flags.server";
import { transition, type TransitionResult } from "./transition.server";

export async function postMessage(
  actor: Actor,
  engagementId: string,
  body: string,
  now = Date.now(),
): Promise<TransitionResult<"wrong_side">> {
  const result = transition((tx): TransitionResult<"wrong_side"> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    if (side === "staff") return { ok: false, error: "wrong_side" };
    addEvent(tx, engagementId, "message", actor.id, now, body);
    notifyParties(tx, engagement, side, "engagement_message");
    return { ok: true };
  });
  if (result.ok) await reevaluate({ engagementId });
  return result;
}
