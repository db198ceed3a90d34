/**
 * The audit log's filters and cursor, read from the URL: `actor` (a user id, or text found in a
 * user's name or email, or in the email tried by a failed sign-in), `action`, `from` and `to`
 * (days in Ho Chi Minh City, inclusive: typed as three boxes, `from.day`, `from.month`,
 * `from.year`, or a bookmarked `from=yyyy-mm-dd`), and `before` / `after` (keyset cursors).
 */
import { dateInputFromParams, dateInputValue, parseDateInput, type DatePart } from "./date-input";
import { endOfLocalDay, isLocalDate, startOfLocalDay } from "./local-date";

export type AuditFilters = {
  actor: string;
  action: string;
  /** yyyy-mm-dd of the days applied, or "" (none, or not a real date). */
  from: string;
  to: string;
  /** The date boxes as typed (kept for the form), and why a date was not applied. */
  fromBoxes: Record<DatePart, string>;
  toBoxes: Record<DatePart, string>;
  fromError?: string;
  toError?: string;
  /** ms, inclusive, derived from `from` / `to`. */
  fromAt?: number;
  toAt?: number;
};

/** The position of a row in the log's order (newest first): its time, then its id. */
export type AuditCursor = { at: number; id: number };

export type AuditPage = { before?: AuditCursor; after?: AuditCursor };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the actor filter names a user by id rather than by text. */
export function isUserId(value: string): boolean {
  return UUID.test(value);
}

export function formatCursor(c: AuditCursor): string {
  return `${c.at}-${c.id}`;
}

export function parseCursor(value: string | null): AuditCursor | undefined {
  const m = /^(\d{1,15})-(\d{1,15})$/.exec(value ?? "");
  return m ? { at: Number(m[1]), id: Number(m[2]) } : undefined;
}

/**
 * One date of the filter: the three boxes when any was sent (a refusal is a date-input message,
 * all empty is no filter), else a `yyyy-mm-dd` parameter (ignored when malformed).
 */
function readDate(
  params: URLSearchParams,
  name: string,
): { date: string; boxes: Record<DatePart, string>; error?: string } {
  const boxes = dateInputFromParams(params, name);
  if (Object.values(boxes).some((v) => v.trim() !== "")) {
    const parsed = parseDateInput(boxes);
    return parsed.ok ? { date: parsed.date, boxes } : { date: "", boxes, error: parsed.error };
  }
  const plain = (params.get(name) ?? "").trim();
  return isLocalDate(plain) ? { date: plain, boxes: dateInputValue(plain) } : { date: "", boxes };
}

/**
 * Malformed actions and cursors are ignored; a date that is not a real day is not applied and says
 * why; a `to` before `from` is swapped rather than refused.
 */
export function parseAuditFilters(params: URLSearchParams): { filters: AuditFilters; page: AuditPage } {
  const fromDate = readDate(params, "from");
  const toDate = readDate(params, "to");
  let [from, to] = [fromDate.date, toDate.date];
  let [fromBoxes, toBoxes] = [fromDate.boxes, toDate.boxes];
  if (from && to && from > to) {
    [from, to] = [to, from];
    [fromBoxes, toBoxes] = [toBoxes, fromBoxes];
  }
  const before = parseCursor(params.get("before"));
  return {
    filters: {
      actor: (params.get("actor") ?? "").trim().slice(0, 200),
      action: (params.get("action") ?? "")
        .trim()
        .slice(0, 100)
        .replace(/[^a-z0-9_]/gi, ""),
      from,
      to,
      fromBoxes,
      toBoxes,
      ...(fromDate.error ? { fromError: fromDate.error } : {}),
      ...(toDate.error ? { toError: toDate.error } : {}),
      fromAt: from ? startOfLocalDay(from) : undefined,
      toAt: to ? endOfLocalDay(to) : undefined,
    },
    page: before ? { before } : { after: parseCursor(params.get("after")) },
  };
}

/** The page an audit row's subject lives on, when it has one. */
export function subjectHref(type: string | null, id: string | null): string | null {
  if (!type || !id) return null;
  if (type === "user") return `/admin/users/${id}`;
  if (type === "vendor") return `/staff/vendors/${id}`;
  if (type === "incident") return `/staff/incidents/${id}`;
  if (type === "need") return `/needs/${id}`;
  if (type === "engagement") return `/engagements/${id}`;
  return null;
}
