/**
 * The need lifecycle of docs/product.md §5: `draft` → `open` → `evaluating` (deadline passed or closed
 * early) → `awarded` | `cancelled`; an open need past its deadline with no bids → `expired`.
 * The stored status only changes on a person's action; what a need *is* at a given moment is
 * computed here, so it is right when read whether or not any background job has run.
 */
import { DAY_MS } from "./local-date";

export const NEED_STATUSES = ["draft", "open", "evaluating", "awarded", "cancelled", "expired"] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_ACTIONS = ["edit", "publish", "close", "cancel"] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];

/** What the history of a need records. */
export const NEED_EVENTS = ["created", "edited", "published", "closed", "cancelled", "awarded"] as const;
export type NeedEvent = (typeof NEED_EVENTS)[number];

/** A bid deadline must be at least this long after publication (docs/product.md §7, issue 4). */
export const MIN_BIDDING_WINDOW_MS = DAY_MS;

export function effectiveNeedStatus(need: {
  status: NeedStatus;
  deadline: number;
  bidCount: number;
  now: number;
}): NeedStatus {
  if (need.status === "open" && need.now >= need.deadline) return need.bidCount > 0 ? "evaluating" : "expired";
  return need.status;
}

const ALLOWED: Record<NeedAction, readonly NeedStatus[]> = {
  edit: ["draft", "open"],
  publish: ["draft"],
  close: ["open"],
  cancel: ["draft", "open", "evaluating"],
};

/** Whether the owner may take the action on a need in this (effective) status. */
export function needActionAllowed(action: NeedAction, status: NeedStatus): boolean {
  return ALLOWED[action].includes(status);
}

export function allowedNeedActions(status: NeedStatus): NeedAction[] {
  return NEED_ACTIONS.filter((a) => needActionAllowed(a, status));
}

/** A deadline a need can be published with: at least a day from now. */
export function deadlineFarEnough(deadline: number, now: number): boolean {
  return deadline >= now + MIN_BIDDING_WINDOW_MS;
}

/** Open needs can be seen on the board; these statuses by vendors on the need's own page too. */
export const NEED_STATUSES_VENDORS_SEE: readonly NeedStatus[] = ["open", "evaluating", "awarded"];
