/**
 * The one way to change state (ADR 006). A transition runs in one immediate transaction: it re-reads
 * what it depends on, writes with compare-and-set (`UPDATE … WHERE id = ? AND status = <expected>`)
 * and checks `changes === 1` with `expectOneChange`, writes its audit entry and its notifications
 * (with the outbox mail) through the same `tx`, and asks the flag engine to re-evaluate after the
 * commit. When another request or process changed the row first, the whole transaction rolls back
 * and the caller gets `{ ok: false, error: "stale" }`, which a route shows as "someone else changed
 * this first" (`errors.stale`) over the page as it now stands.
 */
import { getDb, type DB, type Tx } from "../../db/client.server";

export type Refused<E extends string> = { ok: false; error: E };
export type TransitionResult<E extends string, T extends object = object> = ({ ok: true } & T) | Refused<E | "stale">;

/** Thrown inside a transition when its compare-and-set write matched no row. */
export class StaleState extends Error {
  constructor(what = "the record") {
    super(`${what} changed before this transition could be written`);
    this.name = "StaleState";
  }
}

/** The compare-and-set check: exactly one row must have been written, else the state moved on. */
export function expectOneChange(result: { changes: number }, what?: string): void {
  if (result.changes !== 1) throw new StaleState(what);
}

/**
 * Runs `change` in an immediate transaction. A `StaleState` thrown inside rolls everything back
 * (audit rows and notifications included) and becomes `{ ok: false, error: "stale" }`.
 */
export function transition<R extends { ok: boolean }>(change: (tx: Tx) => R, db: DB = getDb()): R | Refused<"stale"> {
  try {
    return db.transaction(change, { behavior: "immediate" });
  } catch (error) {
    if (error instanceof StaleState) return { ok: false, error: "stale" };
    throw error;
  }
}
