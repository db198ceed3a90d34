/** Option lists for the monitoring pages (shared by the browser and the server). */
export { FLAG_STATUSES, RULE_CODES, SEVERITIES } from "./risk-rules";
export const HEALTH_FILTERS = ["red", "amber", "green"] as const;
export { ENGAGEMENT_STATUSES as ENGAGEMENT_STATUS_FILTERS } from "./delivery-rules";
