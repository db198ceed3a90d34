/** Option lists for the monitoring pages (shared by the browser and the server). */
import type { EngagementStatus } from "./delivery-rules";
import { ENGAGEMENT_STATUSES } from "./delivery-rules";
import { pickOne } from "./query-params";
import { SECTORS, type Sector } from "./reference";
import { FLAG_STATUSES as STATUSES, RULE_CODES as CODES, SEVERITIES as LEVELS } from "./risk-codes";
import type { FlagStatus, RuleCode, Severity } from "./risk-codes";
export { FLAG_STATUSES, RULE_CODES, SEVERITIES } from "./risk-codes";
export const HEALTH_FILTERS = ["red", "amber", "green"] as const;
export { ENGAGEMENT_STATUSES as ENGAGEMENT_STATUS_FILTERS } from "./delivery-rules";

export const FLAG_STATUS_FILTERS = ["active", ...STATUSES] as const;

export type FlagFilters = {
  severity?: Severity;
  code?: RuleCode;
  status: "active" | FlagStatus;
  assignee?: "me" | "unassigned" | string;
  sector?: Sector;
  vendorId?: string;
};

/** The flags list's filters from its query string (`/staff/flags?severity=high`). */
export function parseFlagFilters(p: URLSearchParams): FlagFilters {
  return {
    status: pickOne(FLAG_STATUS_FILTERS, p.get("status")) ?? "active",
    severity: pickOne(LEVELS, p.get("severity")),
    code: pickOne(CODES, p.get("code")),
    sector: pickOne(SECTORS, p.get("sector")),
    assignee: p.get("assignee") || undefined,
    vendorId: p.get("vendor") || undefined,
  };
}

export type StaffEngagementFilters = {
  health?: (typeof HEALTH_FILTERS)[number];
  status?: EngagementStatus;
  sector?: Sector;
  vendorId?: string;
};

/** The staff engagements list's filters from its query string (`/staff/engagements?health=red`). */
export function parseStaffEngagementFilters(p: URLSearchParams): StaffEngagementFilters {
  return {
    health: pickOne(HEALTH_FILTERS, p.get("health")),
    status: pickOne(ENGAGEMENT_STATUSES, p.get("status")),
    sector: pickOne(SECTORS, p.get("sector")),
    vendorId: p.get("vendor") || undefined,
  };
}
