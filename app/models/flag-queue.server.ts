/**
 * The staff's side of risk flags (docs/product.md, monitoring): the list with its filters, one
 * flag with its history, the dashboard's counts, and the staff actions on a flag (acknowledge, then
 * resolve or dismiss) on the transition pattern. The engine that raises flags is flags.server.ts.
 */
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, preparedOnce, schema, ShapedWhere } from "../../db/client.server";
import type { FlagFilters } from "~/lib/flag-options";
import { FLAG_STATUSES_OPEN } from "~/lib/risk-rules";
import { assertRole, type SessionUser } from "~/utils/auth.server";
import { recordAudit } from "./audit.server";
import { refreshHealth } from "./flags.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { isActiveStaff } from "./users.server";
import { pageCount } from "~/lib/paging";

export type { FlagFilters };

export const FLAGS_PAGE_SIZE = 20;

/**
 * Open or acknowledged, written out rather than bound: `status IN ('open', 'acknowledged')` is the
 * condition of the partial indexes flags_queue_idx and flags_one_open_per_rule_subject, and SQLite
 * uses a partial index only for a query whose terms say so in the same words.
 */
const openStatuses = sql`${schema.flags.status} IN (${sql.raw(FLAG_STATUSES_OPEN.map((s) => `'${s}'`).join(", "))})`;

/** The list's conditions, for statements prepared once per combination of filters set. */
function flagsWhere(filters: FlagFilters, viewerId: string) {
  const p = sql.placeholder;
  const q = new ShapedWhere();
  if (filters.status === "active") q.fixed("active", openStatuses);
  else q.bind("status", filters.status, eq(schema.flags.status, p("status")));
  q.bind("severity", filters.severity, eq(schema.flags.severity, p("severity")));
  q.bind("code", filters.code, eq(schema.flags.code, p("code")));
  q.bind("sector", filters.sector, eq(schema.flags.sector, p("sector")));
  q.bind("vendorId", filters.vendorId, eq(schema.flags.vendorId, p("vendorId")));
  if (filters.assignee === "unassigned") q.fixed("unassigned", sql`${schema.flags.assignedTo} IS NULL`);
  else
    q.bind(
      "assignee",
      filters.assignee === "me" ? viewerId : filters.assignee,
      eq(schema.flags.assignedTo, p("assignee")),
    );
  return q;
}

/**
 * How many flags the list shows for these filters: the list's own total, and every dashboard
 * figure that links to the list.
 */
export function countFlags(filters: FlagFilters, viewerId: string): number {
  const db = getDb();
  const q = flagsWhere(filters, viewerId);
  const statement = preparedOnce(db, `flags.count:${q.key}`, () =>
    db.select({ n: count() }).from(schema.flags).where(q.where).prepare(),
  );
  return statement.get(q.values)?.n ?? 0;
}

/** The list's order: high first, then the oldest; the id breaks ties (a sweep raises many at once). */
const flagOrder = () => [
  sql`CASE ${schema.flags.severity} WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`,
  asc(schema.flags.raisedAt),
  asc(schema.flags.id),
];

export function listFlags(filters: FlagFilters, viewerId: string, page: number) {
  const db = getDb();
  const q = flagsWhere(filters, viewerId);
  const statement = preparedOnce(db, `flags.page:${q.key}`, () => {
    // The page's flags are chosen from the flags alone, then only those are joined to their
    // names: joining every matching flag before sorting read three rows per open flag (thousands).
    const pageIds = db
      .select({ id: schema.flags.id })
      .from(schema.flags)
      .where(q.where)
      .orderBy(...flagOrder())
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"));
    return db
      .select({
        flag: schema.flags,
        assigneeName: schema.users.name,
        vendorName: schema.organisations.legalName,
        needTitle: schema.needs.title,
      })
      .from(schema.flags)
      .leftJoin(schema.users, eq(schema.users.id, schema.flags.assignedTo))
      .leftJoin(schema.organisations, eq(schema.organisations.id, schema.flags.vendorId))
      .leftJoin(schema.needs, eq(schema.needs.id, schema.flags.needId))
      .where(inArray(schema.flags.id, pageIds))
      .orderBy(...flagOrder())
      .prepare();
  });
  const rows = statement
    .all({ ...q.values, limit: FLAGS_PAGE_SIZE, offset: (page - 1) * FLAGS_PAGE_SIZE })
    .map((r) => ({
      ...r.flag,
      evidence: JSON.parse(r.flag.evidence) as Record<string, unknown>,
      assigneeName: r.assigneeName,
      vendorName: r.vendorName,
      needTitle: r.needTitle,
    }));
  const total = countFlags(filters, viewerId);
  return { rows, total, pageCount: pageCount(total, FLAGS_PAGE_SIZE) };
}

export function flagHistory(flagId: string) {
  return getDb()
    .select({ event: schema.flagEvents, actorName: schema.users.name })
    .from(schema.flagEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.flagEvents.actorId))
    .where(eq(schema.flagEvents.flagId, flagId))
    .orderBy(asc(schema.flagEvents.at), asc(schema.flagEvents.id))
    .all()
    .map((r) => ({ ...r.event, actorName: r.actorName }));
}

export function getFlag(flagId: string) {
  const flag = getDb().select().from(schema.flags).where(eq(schema.flags.id, flagId)).get();
  if (!flag) throw new Response("Not found", { status: 404 });
  return { ...flag, evidence: JSON.parse(flag.evidence) as Record<string, unknown> };
}

export type FlagActionResult = TransitionResult<"illegal_transition" | "note_required" | "not_staff">;

/**
 * Staff acknowledge (assign to themselves or a colleague), then resolve or dismiss with a note.
 * The write is a compare-and-set from the status (and assignee) this decision was made on: when a
 * colleague acted first, nothing is written and the answer is `stale`.
 */
export function actOnFlag(
  actor: Pick<SessionUser, "id" | "role">,
  flagId: string,
  action: "acknowledge" | "resolve" | "dismiss",
  input: { assigneeId?: string; note?: string | null },
  ip: string | null,
  now = Date.now(),
): FlagActionResult {
  assertRole(actor, "staff");
  const flags = schema.flags;
  const flag = getFlag(flagId);
  if (action === "acknowledge") {
    if (flag.status !== "open" && flag.status !== "acknowledged") return { ok: false, error: "illegal_transition" };
    const assignee = input.assigneeId || actor.id;
    return transition((tx) => {
      if (!isActiveStaff(assignee, tx)) return { ok: false, error: "not_staff" } as const;
      const changed = tx
        .update(flags)
        .set({ status: "acknowledged", assignedTo: assignee, updatedAt: now })
        .where(
          and(
            eq(flags.id, flagId),
            eq(flags.status, flag.status),
            flag.assignedTo ? eq(flags.assignedTo, flag.assignedTo) : isNull(flags.assignedTo),
          ),
        )
        .run();
      expectOneChange(changed, "flag");
      tx.insert(schema.flagEvents)
        .values({ flagId, kind: "acknowledged", actorId: actor.id, note: input.note?.trim() || null, at: now })
        .run();
      if (flag.engagementId) refreshHealth(flag.engagementId);
      recordAudit(
        {
          actorId: actor.id,
          action: "flag_acknowledged",
          subjectType: "flag",
          subjectId: flagId,
          ip,
          details: { assignee },
        },
        tx,
      );
      return { ok: true } as const;
    });
  }
  if (flag.status !== "acknowledged") return { ok: false, error: "illegal_transition" };
  const note = input.note?.trim();
  if (!note) return { ok: false, error: "note_required" };
  const status = action === "resolve" ? "resolved" : "dismissed";
  return transition((tx) => {
    const changed = tx
      .update(flags)
      .set({ status, note, resolvedAt: now, updatedAt: now })
      .where(and(eq(flags.id, flagId), eq(flags.status, "acknowledged")))
      .run();
    expectOneChange(changed, "flag");
    tx.insert(schema.flagEvents).values({ flagId, kind: status, actorId: actor.id, note, at: now }).run();
    if (flag.engagementId) refreshHealth(flag.engagementId);
    recordAudit(
      { actorId: actor.id, action: `flag_${status}`, subjectType: "flag", subjectId: flagId, ip, details: { note } },
      tx,
    );
    return { ok: true } as const;
  });
}
