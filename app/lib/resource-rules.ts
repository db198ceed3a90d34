/**
 * Knowledge resources (guides and articles) with no I/O: statuses and the slug of a title.
 */
import { searchText } from "./search-text";

/** `draft`: only staff see it; `published`: listed at /resources. */
export const RESOURCE_STATUSES = ["draft", "published"] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const RESOURCE_KINDS = ["guide", "article"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A URL slug from a title: folded (no diacritics, đ → d), words joined by hyphens, at most 80 characters. */
export function slugify(title: string): string {
  return searchText(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 80;
}
