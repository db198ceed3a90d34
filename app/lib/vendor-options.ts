/** Option lists shared by the vendor pages (browser) and the vendors model (server). */

export const CHECKLIST_ITEMS = ["taxCode", "references", "security", "prices", "noConflict"] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export type Checklist = Record<ChecklistItem, { checked: boolean; note: string }>;

export const QUEUE_FILTERS = ["submitted", "changes_requested", "vetted", "suspended", "rejected", "draft"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const DIRECTORY_SORTS = ["relevance", "rating", "newest"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
