/**
 * Incidents (docs/product.md §5): `open` → `in_progress` (assigned to a staff member) → `resolved` (with a
 * resolution note); once resolved, the person who raised it rates the handling 1–5, once.
 * The pure rules and the option lists the pages' selects use; app/models/incidents.server.ts
 * applies them to the database.
 */
import { DAY_MS } from "./local-date";

export const INCIDENT_CATEGORIES = ["quality", "delay", "payment", "communication", "contract", "other"] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_STATUSES = ["open", "in_progress", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export type IncidentAction = "assign" | "resolve";

export type IncidentTransition =
  { ok: true; to: IncidentStatus; assignFirst: boolean } | { ok: false; error: "illegal_transition" };

/**
 * What an action does from a status. Assigning (or re-assigning) works while the incident is open
 * or in progress. Resolving works from `in_progress`; from `open` (nobody assigned yet) the
 * resolver is assigned first, in the same step, so the history still reads open → in progress →
 * resolved. A resolved incident is closed: neither action applies.
 */
export function incidentTransition(action: IncidentAction, status: IncidentStatus): IncidentTransition {
  if (status === "resolved") return { ok: false, error: "illegal_transition" };
  if (action === "assign") return { ok: true, to: "in_progress", assignFirst: false };
  return { ok: true, to: "resolved", assignFirst: status === "open" };
}

export type RatingRefusal = "not_raiser" | "not_resolved" | "already_rated" | "bad_rating";

/** Only the raiser, only once the incident is resolved, only once, a whole number 1–5. */
export function ratingRefusal(
  incident: { raisedBy: string; status: IncidentStatus; handlingRating: number | null },
  userId: string,
  rating: number,
): RatingRefusal | null {
  if (incident.raisedBy !== userId) return "not_raiser";
  if (incident.status !== "resolved") return "not_resolved";
  if (incident.handlingRating !== null) return "already_rated";
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return "bad_rating";
  return null;
}

// ---------------------------------------------------------------------------------------------
// The triage list's filters, read from the URL (a shared link keeps working)

/** `active` (the default) is open and in progress together. */
export const INCIDENT_STATUS_FILTERS = ["active", "open", "in_progress", "resolved", "all"] as const;
export type IncidentStatusFilter = (typeof INCIDENT_STATUS_FILTERS)[number];

/** Whose: the viewer's, nobody's yet, or anyone's (the default). */
export const INCIDENT_ASSIGNEE_FILTERS = ["anyone", "mine", "unassigned"] as const;
export type IncidentAssigneeFilter = (typeof INCIDENT_ASSIGNEE_FILTERS)[number];

export type IncidentFilters = {
  status: IncidentStatusFilter;
  category?: IncidentCategory;
  assignee: IncidentAssigneeFilter;
};

const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** Unknown values fall back to the defaults, never an error. */
export function parseIncidentFilters(params: URLSearchParams): IncidentFilters {
  return {
    status: pick(INCIDENT_STATUS_FILTERS, params.get("status")) ?? "active",
    category: pick(INCIDENT_CATEGORIES, params.get("category")),
    assignee: pick(INCIDENT_ASSIGNEE_FILTERS, params.get("assignee")) ?? "anyone",
  };
}

/** The statuses a status filter admits. */
export function statusesOf(filter: IncidentStatusFilter): IncidentStatus[] {
  if (filter === "active") return ["open", "in_progress"];
  if (filter === "all") return [...INCIDENT_STATUSES];
  return [filter];
}

/**
 * Open work is listed oldest first (what has waited longest on top); lists that include resolved
 * incidents are history, newest first.
 */
export function oldestFirst(filter: IncidentStatusFilter): boolean {
  return filter === "active" || filter === "open" || filter === "in_progress";
}

/** Whole days since the incident was raised (0 on the day itself). */
export function daysOpen(createdAt: number, now: number): number {
  return Math.max(0, Math.floor((now - createdAt) / DAY_MS));
}
