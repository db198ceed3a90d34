import { and, eq, gt, lt } from "drizzle-orm";
import { getDb, schema } from "../../db/client.server";
import { lockedUntil, lookbackMs, overLimit, SIGN_IN_POLICY } from "~/lib/rate-limit";

const SIGN_UP_MAX = 10;
const SIGN_UP_WINDOW_MS = 60 * 60_000;

/** Password-reset requests: a person asks once or twice; a script asking for others is cut short. */
export const PASSWORD_RESET_LIMITS = {
  perEmail: 3,
  perAddress: 20,
  windowMs: 60 * 60_000,
} as const;

const signInKey = (email: string, ip: string) => `${email.toLowerCase()}|${ip}`;

function times(kind: (typeof schema.RATE_EVENT_KINDS)[number], key: string, since: number) {
  return getDb()
    .select({ at: schema.rateEvents.at })
    .from(schema.rateEvents)
    .where(and(eq(schema.rateEvents.kind, kind), eq(schema.rateEvents.key, key), gt(schema.rateEvents.at, since)))
    .all()
    .map((r) => r.at);
}

/** When sign-in for this email from this address is locked, until when; else null. */
export function signInLockedUntil(email: string, ip: string, now = Date.now()): number | null {
  const failures = times("sign_in_failure", signInKey(email, ip), now - lookbackMs(SIGN_IN_POLICY));
  return lockedUntil(failures, now);
}

export function recordSignInFailure(email: string, ip: string, now = Date.now()) {
  const db = getDb();
  db.insert(schema.rateEvents)
    .values({ kind: "sign_in_failure", key: signInKey(email, ip), at: now })
    .run();
  // Events older than a day can no longer matter to any limit.
  db.delete(schema.rateEvents)
    .where(lt(schema.rateEvents.at, now - 24 * 60 * 60_000))
    .run();
}

export function signUpAllowed(ip: string, now = Date.now()): boolean {
  return !overLimit(times("sign_up", ip, now - SIGN_UP_WINDOW_MS), now, SIGN_UP_MAX, SIGN_UP_WINDOW_MS);
}

export function recordSignUp(ip: string, now = Date.now()) {
  getDb().insert(schema.rateEvents).values({ kind: "sign_up", key: ip, at: now }).run();
}

/**
 * Whether another password-reset request for this email from this address may go ahead. Counted
 * for every request, whether or not the email has an account, so the answer tells nothing.
 */
export function passwordResetAllowed(email: string, ip: string, now = Date.now()): boolean {
  const { perEmail, perAddress, windowMs } = PASSWORD_RESET_LIMITS;
  const since = now - windowMs;
  return (
    !overLimit(times("password_reset_email", email.toLowerCase(), since), now, perEmail, windowMs) &&
    !overLimit(times("password_reset_ip", ip, since), now, perAddress, windowMs)
  );
}

export function recordPasswordResetRequest(email: string, ip: string, now = Date.now()) {
  getDb()
    .insert(schema.rateEvents)
    .values([
      { kind: "password_reset_email", key: email.toLowerCase(), at: now },
      { kind: "password_reset_ip", key: ip, at: now },
    ])
    .run();
}
