/** Option lists shared by the vendor pages (browser) and the vendors model (server). */

export const CHECKLIST_ITEMS = ["taxCode", "references", "security", "prices", "noConflict"] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export type Checklist = Record<ChecklistItem, { checked: boolean; note: string }>;

export const QUEUE_FILTERS = ["submitted", "changes_requested", "vetted", "suspended", "rejected", "draft"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const DIRECTORY_SORTS = ["relevance", "rating", "newest"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

/** The vetting queue's status from its query string; dossiers waiting (`submitted`) by default. */
export function parseQueueFilter(p: URLSearchParams): QueueFilter {
  const raw = p.get("status");
  return (QUEUE_FILTERS as readonly string[]).includes(raw ?? "") ? (raw as QueueFilter) : "submitted";
}
