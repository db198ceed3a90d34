/**
 * The delivery rules of app/lib/delivery-rules.ts in SQL, for the aggregates that count them in
 * the database (matchmaking over many vendors, the staff dashboard). Each fragment is built from
 * the same constants as its JavaScript twin; delivery-sql.server.test.ts runs both on the same
 * rows and holds them equal.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { schema } from "../../db/client.server";
import { MILESTONE_DELIVERED, MILESTONE_STATUSES_WITH_VENDOR } from "~/lib/delivery-rules";

type Ref = SQL | SQLiteColumn;
/** Where a query reads a milestone's status, due date and first submission. */
export type MilestoneRefs = { status: Ref; dueAt: Ref; firstSubmittedAt: Ref };

/** The milestone columns of `engagement_milestones` under a table alias in raw SQL (`m.status` …). */
export function milestoneAlias(alias: string): MilestoneRefs {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not an alias: ${alias}`);
  return {
    status: sql.raw(`${alias}.status`),
    dueAt: sql.raw(`${alias}.due_at`),
    firstSubmittedAt: sql.raw(`${alias}.first_submitted_at`),
  };
}

/** The milestone columns as drizzle reads them (queries built with the query builder). */
export const MILESTONE_COLUMNS: MilestoneRefs = {
  status: schema.engagementMilestones.status,
  dueAt: schema.engagementMilestones.dueAt,
  firstSubmittedAt: schema.engagementMilestones.firstSubmittedAt,
};

/** `countsAsDue`: accepted, or past its due date and never submitted. */
export function milestoneCountsAsDue(m: MilestoneRefs, now: number): SQL {
  return sql`(${m.status} = ${MILESTONE_DELIVERED} OR (${m.firstSubmittedAt} IS NULL AND ${m.dueAt} < ${now}))`;
}

/** `isOnTime`: accepted, and first submitted by its due date. */
export function milestoneIsOnTime(m: MilestoneRefs): SQL {
  return sql`(${m.status} = ${MILESTONE_DELIVERED} AND ${m.firstSubmittedAt} IS NOT NULL AND ${m.firstSubmittedAt} <= ${m.dueAt})`;
}

/** `isOverdue`: still with the vendor after its due date. */
export function milestoneIsOverdue(m: MilestoneRefs, now: number): SQL {
  const withVendor = sql.join(
    MILESTONE_STATUSES_WITH_VENDOR.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`(${m.status} IN (${withVendor}) AND ${m.dueAt} < ${now})`;
}
