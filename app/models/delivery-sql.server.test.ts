import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, getSqlite } from "../../db/client.server";
import { createEngagement } from "../../db/test/factories";
import {
  countsAsDue,
  isOnTime,
  isOverdue,
  MILESTONE_STATUSES,
  onTimeCounts,
  type MilestoneStatus,
} from "~/lib/delivery-rules";
import { DAY_MS } from "~/lib/local-date";
import { milestoneAlias, milestoneCountsAsDue, milestoneIsOnTime, milestoneIsOverdue } from "./delivery-sql.server";
import { trackRecords } from "./engagements.server";

const NOW = Date.now();

/** Every status, due in the past, today and later, never submitted, submitted early, on the day, late. */
function everyCase() {
  const rows: { status: MilestoneStatus; dueAt: number; firstSubmittedAt: number | null }[] = [];
  for (const status of MILESTONE_STATUSES) {
    for (const dueAt of [NOW - 10 * DAY_MS, NOW, NOW + 10 * DAY_MS]) {
      for (const firstSubmittedAt of [null, dueAt - DAY_MS, dueAt, dueAt + 1]) {
        rows.push({ status, dueAt, firstSubmittedAt });
      }
    }
  }
  return rows;
}

describe("the delivery rules in SQL and in JavaScript", () => {
  it("agree on every milestone: due, on time, overdue", () => {
    const { engagementId, vendor } = createEngagement();
    const sqlite = getSqlite();
    sqlite.prepare("DELETE FROM engagement_milestones WHERE engagement_id = ?").run(engagementId);
    const cases = everyCase();
    const insert = sqlite.prepare(
      `INSERT INTO engagement_milestones (id, engagement_id, position, title, due_at, amount, status, first_submitted_at)
       VALUES (?, ?, ?, 'm', ?, 1000, ?, ?)`,
    );
    cases.forEach((c, i) =>
      insert.run(`case-${engagementId}-${i}`, engagementId, i, c.dueAt, c.status, c.firstSubmittedAt),
    );
    const m = milestoneAlias("m");
    const fromSql = getDb().all<{ position: number; due: number; onTime: number; overdue: number }>(sql`
      SELECT m.position AS position, ${milestoneCountsAsDue(m, NOW)} AS due, ${milestoneIsOnTime(m)} AS onTime,
        ${milestoneIsOverdue(m, NOW)} AS overdue
      FROM engagement_milestones m WHERE m.engagement_id = ${engagementId} ORDER BY m.position`);
    expect(fromSql).toHaveLength(cases.length);
    for (const row of fromSql) {
      const c = cases[row.position]!;
      expect({ case: c, due: !!row.due, onTime: !!row.onTime, overdue: !!row.overdue }).toEqual({
        case: c,
        due: countsAsDue(c, NOW),
        onTime: isOnTime(c),
        overdue: isOverdue(c, NOW),
      });
    }
    // The vendor's track record (JavaScript over the rows) counts what the SQL counts.
    const sums = fromSql.reduce(
      (acc, r) => ({ due: acc.due + r.due, onTime: acc.onTime + (r.due && r.onTime ? 1 : 0) }),
      { due: 0, onTime: 0 },
    );
    expect(onTimeCounts(cases, NOW)).toEqual(sums);
    expect(trackRecords([vendor.organisationId], NOW).get(vendor.organisationId)).toMatchObject(sums);
  });
});
