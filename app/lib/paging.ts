/** How many pages a list of `total` rows fills at `pageSize` a page: at least one (an empty list is one empty page). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
