/**
 * The audit log's filters and cursor, read from the URL: `actor` (a user id, or text found in a
 * user's name or email, or in the email tried by a failed sign-in), `action`, `from` and `to`
 * (days in Ho Chi Minh City, inclusive), and `before` / `after` (keyset cursors).
 */
import { endOfLocalDay, isLocalDate, startOfLocalDay } from "./local-date";

export type AuditFilters = {
  actor: string;
  action: string;
  /** yyyy-mm-dd, as typed (kept for the form). */
  from: string;
  to: string;
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

/** Malformed values are ignored; a `to` before `from` is swapped rather than refused. */
export function parseAuditFilters(params: URLSearchParams): { filters: AuditFilters; page: AuditPage } {
  let from = (params.get("from") ?? "").trim();
  let to = (params.get("to") ?? "").trim();
  if (!isLocalDate(from)) from = "";
  if (!isLocalDate(to)) to = "";
  if (from && to && from > to) [from, to] = [to, from];
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
