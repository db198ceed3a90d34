/**
 * Another request or process (a second server, `npm run flags:sweep`) changing the database
 * between a transition's read and its write: `sql` runs on a second better-sqlite3 connection to
 * the same file, just before this process's connection opens its next transaction, that is after
 * the model read the state it decided on and before its compare-and-set write.
 */
import Database from "better-sqlite3";
import { getDb } from "../client.server";

export function changeBeforeNextTransaction(sql: string, ...params: unknown[]) {
  const db = getDb();
  const original = db.transaction;
  db.transaction = ((...args: Parameters<typeof original>) => {
    db.transaction = original;
    const other = new Database(process.env.DATABASE_PATH!);
    try {
      other.pragma("busy_timeout = 5000");
      other.prepare(sql).run(...params);
    } finally {
      other.close();
    }
    return original.apply(db, args);
  }) as typeof original;
  return () => {
    db.transaction = original;
  };
}

/** How many rows a table holds (audit_log, notifications, outbox): to show that nothing was written. */
export function rowCount(table: "audit_log" | "notifications" | "outbox" | "flag_events" | "vetting_events") {
  const other = new Database(process.env.DATABASE_PATH!, { readonly: true });
  try {
    return (other.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    other.close();
  }
}

/** What a synchronous call threw (a refusal is a thrown Response: 403, 404). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to be refused");
}
