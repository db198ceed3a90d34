/**
 * For the engagement models' tests: a second connection on the test database file (another request
 * or process changing a row first) and counts of what a transition leaves behind.
 */
import Database from "better-sqlite3";
import { afterAll } from "vitest";
import { getSqlite } from "../../db/client.server";

export { getSqlite };

let other: Database.Database | null = null;

/**
 * A second connection on the same database file, as another process would open it. Test files
 * share one module graph (vitest.config.ts), each with its own database: one connection per file.
 */
export function otherConnection(): Database.Database {
  if (!other || other.name !== process.env.DATABASE_PATH) {
    const opened = new Database(process.env.DATABASE_PATH!);
    opened.pragma("busy_timeout = 5000");
    other = opened;
    afterAll(() => {
      opened.close();
      if (other === opened) other = null;
    });
  }
  return other;
}

export type Actor = { id: string; organisationId: string; role: "sme" | "vendor" | "staff" | "admin" };
export const as = (u: { id: string; organisationId: string }, role: Actor["role"]): Actor => ({
  id: u.id,
  organisationId: u.organisationId,
  role,
});

/** Rows a transition writes beside its own: timeline events, notifications, outbox mail, audit entries. */
export function sideEffects(engagementId: string) {
  const count = (query: string, ...args: unknown[]) =>
    (
      getSqlite()
        .prepare(query)
        .get(...args) as { n: number }
    ).n;
  return {
    events: count("SELECT count(*) AS n FROM engagement_events WHERE engagement_id = ?", engagementId),
    notifications: count("SELECT count(*) AS n FROM notifications WHERE link LIKE ?", `%${engagementId}%`),
    mail: count("SELECT count(*) AS n FROM outbox WHERE text LIKE ?", `%${engagementId}%`),
    audit: count("SELECT count(*) AS n FROM audit_log WHERE subject_id = ?", engagementId),
  };
}
