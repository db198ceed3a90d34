/**
 * Sign-in lockout as a pure rule over the times of earlier failures (ms since epoch):
 * `maxFailures` failures within `windowMs` lock further tries for `lockMs` from the last of them.
 */

export type LockoutPolicy = { maxFailures: number; windowMs: number; lockMs: number };

export const SIGN_IN_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** Failures older than this cannot matter to the rule; queries need read no further back. */
export function lookbackMs(policy: LockoutPolicy): number {
  return policy.windowMs + policy.lockMs;
}

/** Returns the moment the lock ends, or null when a try is allowed now. */
export function lockedUntil(
  failures: readonly number[],
  now: number,
  policy: LockoutPolicy = SIGN_IN_POLICY,
): number | null {
  const times = failures.filter((t) => t <= now && now - t < lookbackMs(policy)).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = policy.maxFailures - 1; i < times.length; i++) {
    const first = times[i - policy.maxFailures + 1]!;
    const last = times[i]!;
    if (last - first <= policy.windowMs) {
      const end = last + policy.lockMs;
      if (end > now && (until === null || end > until)) until = end;
    }
  }
  return until;
}

/** A plain count limit (sign-ups from one address): at most `max` events within `windowMs`. */
export function overLimit(events: readonly number[], now: number, max: number, windowMs: number) {
  return events.filter((t) => t <= now && now - t < windowMs).length >= max;
}

/**
 * The general per-address limit on state-changing requests, counted in memory by the server: at
 * most `max` hits per key within `windowMs`. Memory stays bounded: a key keeps at most `max`
 * times, and keys idle for a whole window are dropped as the map is swept.
 */
export function createWindowLimiter(max: number, windowMs: number) {
  const hits = new Map<string, number[]>();
  let lastSweep = 0;

  function sweep(now: number) {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, times] of hits) {
      if (!times.length || now - times[times.length - 1]! >= windowMs) hits.delete(key);
    }
  }

  return {
    /** Counts a hit and answers whether it is within the limit (a refused hit is not counted). */
    hit(key: string, now = Date.now()): boolean {
      sweep(now);
      const recent = (hits.get(key) ?? []).filter((t) => t <= now && now - t < windowMs);
      if (overLimit(recent, now, max, windowMs)) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.set(key, recent);
      return true;
    },
    /** How many keys are remembered (for tests). */
    get size() {
      return hits.size;
    },
  };
}
