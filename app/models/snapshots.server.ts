/**
 * Figures over the whole market, kept with the time they were computed (ADR 012 §7): the public
 * statistics, the staff reports of a period and sector, and the dashboard's outcomes. Each reads
 * tens of thousands of rows at city scale (every need published in a year and its bids, every
 * engagement completed in it and its SME's assessments), seconds of work that no request should
 * repeat: a snapshot is computed at most once every 15 minutes per key, one aggregate at a time
 * with the event loop given back in between, and the page says when its figures were computed.
 *
 * - Under 12 minutes old, a snapshot is served as it is.
 * - From 12 minutes, the request that notices starts a new computation in the background and is
 *   answered with the current snapshot; past 15 minutes, a request waits for new figures.
 * - One computation per key at a time, whoever asks; at most `SNAPSHOT_KEYS` keys are kept (a
 *   report of an unusual period is computed for its reader and dropped first).
 */
import { log } from "~/utils/log.server";

export const SNAPSHOT_MAX_AGE_MS = 15 * 60 * 1000;
export const SNAPSHOT_REFRESH_AFTER_MS = 12 * 60 * 1000;
export const SNAPSHOT_KEYS = 32;

export type Snapshot<T> = { computedAt: number; value: T };

/** One aggregate of a snapshot, then the event loop's turn: other requests are served in between. */
export type Step = <T>(compute: () => T) => Promise<T>;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export const step: Step = async (compute) => {
  const value = compute();
  await yieldToEventLoop();
  return value;
};

type Entry = { snapshot?: Snapshot<unknown>; computing?: Promise<Snapshot<unknown>> };

const globalForSnapshots = globalThis as unknown as { __snapshots?: Map<string, Entry> };
const store = () => (globalForSnapshots.__snapshots ??= new Map());

/** Drops the oldest snapshots beyond SNAPSHOT_KEYS (never one being computed). */
function trim(entries: Map<string, Entry>) {
  if (entries.size <= SNAPSHOT_KEYS) return;
  const done = [...entries].filter(([, e]) => e.snapshot && !e.computing);
  done.sort(([, a], [, b]) => a.snapshot!.computedAt - b.snapshot!.computedAt);
  for (const [key] of done.slice(0, entries.size - SNAPSHOT_KEYS)) entries.delete(key);
}

function refresh<T>(key: string, now: number, compute: (now: number) => Promise<T>): Promise<Snapshot<T>> {
  const entries = store();
  const entry = entries.get(key) ?? {};
  entries.set(key, entry);
  entry.computing ??= compute(now)
    .then((value) => {
      entry.snapshot = { computedAt: now, value };
      trim(entries);
      return entry.snapshot;
    })
    .finally(() => {
      entry.computing = undefined;
    });
  return entry.computing as Promise<Snapshot<T>>;
}

/** The snapshot of `key`, never more than 15 minutes old (see above). `compute` is given the time it computes as of. */
export async function snapshot<T>(
  key: string,
  compute: (now: number) => Promise<T>,
  now = Date.now(),
): Promise<Snapshot<T>> {
  const cached = store().get(key)?.snapshot as Snapshot<T> | undefined;
  const age = cached ? now - cached.computedAt : Infinity;
  if (cached && age >= 0 && age < SNAPSHOT_REFRESH_AFTER_MS) return cached;
  if (cached && age >= 0 && age < SNAPSHOT_MAX_AGE_MS) {
    void refresh(key, now, compute).catch((error: unknown) =>
      log.error("snapshot not recomputed", { key, error: String(error) }),
    );
    return cached;
  }
  return refresh(key, now, compute);
}

/** Forgets every snapshot (tests), or those whose key starts with `prefix`. */
export function clearSnapshots(prefix = "") {
  for (const key of [...store().keys()]) if (key.startsWith(prefix)) store().delete(key);
}
