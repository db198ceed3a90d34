/**
 * The append-only audit log (docs/product.md §11). This module can only add rows and read them; the
 * database's triggers refuse UPDATE and DELETE whatever the caller. Nothing here changes or
 * removes a row, and nothing should.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, like, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import { formatCursor, isUserId, type AuditCursor, type AuditFilters, type AuditPage } from "~/lib/audit-filters";
import { searchText } from "~/lib/search-text";

export type AuditEntry = {
  actorId?: string | null;
  actorEmail?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one entry. A state change passes its transaction (`db`), so that the entry is written
 * exactly when the change commits, and not at all when it rolls back.
 */
export function recordAudit(entry: AuditEntry, db: DbOrTx = getDb()) {
  db.insert(schema.auditLog)
    .values({
      at: Date.now(),
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .run();
}

// ---------------------------------------------------------------------------------------------
// Reading (admin only; docs/product.md §11)

export const AUDIT_PAGE_SIZE = 25;
/** How many users a text actor filter may name; a wider match asks for a more precise filter. */
export const AUDIT_ACTOR_MATCH_LIMIT = 200;

/** The ids of users whose name, email or organisation contains the text (folded, as searched). */
function actorIdsMatching(text: string): string[] {
  const folded = searchText(text).replace(/[%_\\]/g, "");
  if (!folded) return [];
  return getDb()
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(like(schema.users.searchText, `%${folded}%`))
    .limit(AUDIT_ACTOR_MATCH_LIMIT)
    .all()
    .map((r) => r.id);
}

function filterConditions(filters: AuditFilters): SQL[] {
  const log = schema.auditLog;
  const conditions: (SQL | undefined)[] = [
    filters.action ? eq(log.action, filters.action) : undefined,
    filters.fromAt !== undefined ? gte(log.at, filters.fromAt) : undefined,
    filters.toAt !== undefined ? lte(log.at, filters.toAt) : undefined,
  ];
  if (filters.actor) {
    if (isUserId(filters.actor)) {
      conditions.push(eq(log.actorId, filters.actor));
    } else {
      const ids = actorIdsMatching(filters.actor);
      const tried = filters.actor.toLowerCase().replace(/[%_\\]/g, "");
      // Either a matching user, or (failed sign-ins with an unknown address) the email tried.
      // Both terms are indexed (audit_log_actor_at_idx), so SQLite reads only those rows.
      conditions.push(
        or(
          ids.length ? inArray(log.actorId, ids) : undefined,
          and(isNull(log.actorId), like(log.actorEmail, `%${tried}%`)),
        ),
      );
    }
  }
  return conditions.filter((c): c is SQL => c !== undefined);
}

function cursorCondition(page: AuditPage): SQL | undefined {
  const log = schema.auditLog;
  if (page.before) {
    const c = page.before;
    return or(lt(log.at, c.at), and(eq(log.at, c.at), lt(log.id, c.id)));
  }
  if (page.after) {
    const c = page.after;
    return or(gt(log.at, c.at), and(eq(log.at, c.at), gt(log.id, c.id)));
  }
  return undefined;
}

/**
 * One page of the log, newest first, by keyset (`before` / `after` a row's time and id) so that a
 * page deep in a long log costs the same as the first. Each common filter has its index:
 * `audit_log_at_idx` (dates, or none), `audit_log_actor_at_idx` (actor), `audit_log_action_at_idx`
 * (action).
 */
export function auditPageQuery(filters: AuditFilters, page: AuditPage = {}) {
  const log = schema.auditLog;
  const newerFirst = !page.after;
  return getDb()
    .select({
      id: log.id,
      at: log.at,
      actorId: log.actorId,
      actorEmail: log.actorEmail,
      action: log.action,
      subjectType: log.subjectType,
      subjectId: log.subjectId,
      ip: log.ip,
      details: log.details,
      actorName: schema.users.name,
      actorUserEmail: schema.users.email,
      actorRole: schema.users.role,
    })
    .from(log)
    .leftJoin(schema.users, eq(schema.users.id, log.actorId))
    .where(and(...filterConditions(filters), cursorCondition(page)))
    .orderBy(...(newerFirst ? [desc(log.at), desc(log.id)] : [asc(log.at), asc(log.id)]))
    .limit(AUDIT_PAGE_SIZE + 1);
}

function anyBeyond(filters: AuditFilters, page: AuditPage): boolean {
  return !!getDb()
    .select({ id: schema.auditLog.id })
    .from(schema.auditLog)
    .where(and(...filterConditions(filters), cursorCondition(page)))
    .limit(1)
    .get();
}

export function listAudit(filters: AuditFilters, page: AuditPage = {}) {
  const fetched = auditPageQuery(filters, page).all();
  const more = fetched.length > AUDIT_PAGE_SIZE;
  const rows = fetched.slice(0, AUDIT_PAGE_SIZE);
  if (page.after) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const key = (r: { at: number; id: number }): AuditCursor => ({ at: r.at, id: r.id });
  const older = page.after ? last && anyBeyond(filters, { before: key(last) }) : more;
  const newer = page.after ? more : !!page.before && !!first && anyBeyond(filters, { after: key(first) });
  return {
    rows,
    older: older && last ? formatCursor(key(last)) : null,
    newer: newer && first ? formatCursor(key(first)) : null,
  };
}

/**
 * The actions the log holds, for the filter's select: a skip-scan over `audit_log_action_at_idx`
 * (one index seek per distinct action), not a read of the log.
 */
export function auditActions(): string[] {
  return getDb()
    .all<{ action: string }>(
      sql`WITH RECURSIVE a(action) AS (
            SELECT min(action) FROM audit_log
            UNION ALL
            SELECT (SELECT min(action) FROM audit_log WHERE action > a.action) FROM a WHERE a.action IS NOT NULL
          )
          SELECT action FROM a WHERE action IS NOT NULL`,
    )
    .map((r) => r.action);
}
