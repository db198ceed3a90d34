/**
 * The vendor lifecycle (docs/product.md §5, §6) as a pure rule:
 *   draft → submitted → vetted | changes_requested | rejected;  changes_requested → submitted;
 *   vetted → suspended → vetted;  vetting expires 12 months after approval, after which the vendor
 *   is no longer vetted wherever it is read and may submit again for re-vetting.
 * Rejection is final: a rejected company would register anew under review of its history.
 */
import type { VendorStatus } from "./reference";

export const VETTING_VALID_MONTHS = 12;

export type VendorState = {
  status: VendorStatus;
  /** ms since epoch; set while vetted or suspended after an approval */
  vettingExpiresAt: number | null;
};

/** What a vendor's status means now: a vetted vendor past its expiry reads as `expired`. */
export type EffectiveVendorStatus = VendorStatus | "expired";

export function effectiveStatus(state: VendorState, now: number): EffectiveVendorStatus {
  if (state.status === "vetted" && (state.vettingExpiresAt === null || state.vettingExpiresAt <= now)) return "expired";
  return state.status;
}

/** Vetted, unexpired and unsuspended: listed in the directory and allowed to bid. */
export function isVettedNow(state: VendorState, now: number): boolean {
  return effectiveStatus(state, now) === "vetted";
}

export function canEditDossier(state: VendorState, now: number): boolean {
  const s = effectiveStatus(state, now);
  return s === "draft" || s === "changes_requested" || s === "expired";
}

export const VENDOR_ACTIONS = ["submit", "approve", "request_changes", "reject", "suspend", "reinstate"] as const;
export type VendorAction = (typeof VENDOR_ACTIONS)[number];

const FROM: Record<VendorAction, readonly EffectiveVendorStatus[]> = {
  submit: ["draft", "changes_requested", "expired"],
  approve: ["submitted"],
  request_changes: ["submitted"],
  reject: ["submitted"],
  suspend: ["vetted"],
  reinstate: ["suspended"],
};

const TO: Record<VendorAction, VendorStatus> = {
  submit: "submitted",
  approve: "vetted",
  request_changes: "changes_requested",
  reject: "rejected",
  suspend: "suspended",
  reinstate: "vetted",
};

export type TransitionResult =
  { ok: true; next: VendorState } | { ok: false; error: "illegal_transition"; from: EffectiveVendorStatus };

/** Adds whole calendar months in UTC (12 months from 29 Feb lands on 1 Mar). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

export function transition(state: VendorState, action: VendorAction, now: number): TransitionResult {
  const from = effectiveStatus(state, now);
  if (!FROM[action].includes(from)) return { ok: false, error: "illegal_transition", from };
  const status = TO[action];
  let vettingExpiresAt = state.vettingExpiresAt;
  if (action === "approve") vettingExpiresAt = addMonths(now, VETTING_VALID_MONTHS);
  if (action === "submit") vettingExpiresAt = null;
  return { ok: true, next: { status, vettingExpiresAt } };
}

/** The actions open to staff or the vendor from a state, for the UI (the model re-checks). */
export function availableActions(state: VendorState, now: number): VendorAction[] {
  const from = effectiveStatus(state, now);
  return VENDOR_ACTIONS.filter((a) => FROM[a].includes(from));
}
