/**
 * The journeys of one's own account: signing in and out, confirming the email address, changing
 * and resetting the password. Each change is one model call on the transition pattern
 * (app/models/transition.server.ts): its writes and its audit entries in one immediate transaction,
 * with a compare-and-set on what it was decided on (the password hash that was verified, the token
 * still unused), so that a change racing another rolls back whole as `stale`. Routes only parse,
 * call, set the cookie and redirect; sessions (lucia) stay behind app/utils/auth.server.ts.
 */
import { and, eq, isNull } from "drizzle-orm";
import { type DbOrTx, schema } from "../../db/client.server";
import type { Lang } from "~/lib/reference";
import { dummyPasswordHash, hashPassword, invalidateUserSessions, verifyPassword } from "~/utils/auth.server";
import { sendVerificationEmail } from "./account-emails.server";
import { recordAudit } from "./audit.server";
import { usableToken, useToken } from "./tokens.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { findUserByEmail, getUserById, type RequestContext } from "./users.server";

function markEmailVerified(tx: DbOrTx, userId: string, now: number) {
  tx.update(schema.users)
    .set({ emailVerifiedAt: now })
    .where(and(eq(schema.users.id, userId), isNull(schema.users.emailVerifiedAt)))
    .run();
}

// ---------------------------------------------------------------------------------------------
// Signing in and out

export type SignInResult = TransitionResult<
  "failed" | "inactive" | "unverified",
  { userId: string; mustChangePassword: boolean }
>;

/**
 * Checks the password (a miss costs the same time as a hit), and audits the attempt. An account
 * whose address is not confirmed yet gets a new confirmation mail instead of a session. The
 * success is written with a compare-and-set on the password hash that was verified and on the
 * account still being active: a password changed or an account deactivated meanwhile is `stale`.
 */
export async function signIn(
  input: { email: string; password: string; lang: Lang },
  ctx: RequestContext,
  now = Date.now(),
): Promise<SignInResult> {
  const user = findUserByEmail(input.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    recordAudit({ actorId: user?.id, actorEmail: input.email, action: "sign_in_failed", ip: ctx.ip });
    return { ok: false, error: "failed" };
  }
  if (!user.active) {
    recordAudit({ actorId: user.id, action: "sign_in_refused_inactive", ip: ctx.ip });
    return { ok: false, error: "inactive" };
  }
  if (!user.emailVerifiedAt) {
    sendVerificationEmail(ctx.request, user);
    return { ok: false, error: "unverified" };
  }
  return transition((tx) => {
    const changed = tx
      .update(schema.users)
      .set({ lastSignInAt: now, lang: input.lang })
      .where(
        and(
          eq(schema.users.id, user.id),
          eq(schema.users.active, true),
          eq(schema.users.passwordHash, user.passwordHash),
        ),
      )
      .run();
    expectOneChange(changed, "user");
    recordAudit({ actorId: user.id, action: "sign_in", ip: ctx.ip }, tx);
    return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword } as const;
  });
}

/** The audit entry of a sign-out (the route ends the session itself). */
export function recordSignOut(userId: string, ip: string | null) {
  recordAudit({ actorId: userId, action: "sign_out", ip });
}

// ---------------------------------------------------------------------------------------------
// Email verification

/**
 * Confirms the address a verification link was sent to and signs the user in: the token used up
 * (compare-and-set), the address marked confirmed, the sign-in recorded, both audit entries, in one
 * transaction. An unknown, used or expired link is `invalid_token`; one used by a concurrent
 * request, `stale`.
 */
export function verifyEmail(
  token: string,
  lang: Lang,
  ip: string | null,
  now = Date.now(),
): TransitionResult<"invalid_token", { userId: string }> {
  const found = usableToken(token, "email_verification", now);
  if (!found) return { ok: false, error: "invalid_token" };
  return transition((tx) => {
    useToken(tx, found.id, now);
    markEmailVerified(tx, found.userId, now);
    tx.update(schema.users).set({ lastSignInAt: now, lang }).where(eq(schema.users.id, found.userId)).run();
    recordAudit({ actorId: found.userId, action: "email_verified", ip }, tx);
    recordAudit({ actorId: found.userId, action: "sign_in", ip }, tx);
    return { ok: true, userId: found.userId } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Passwords

/**
 * The signed-in user changes their password. The new hash is written only over the hash the
 * current password was checked against (another change meanwhile is `stale`); then every session
 * of the user ends, since whoever knew the old password must be locked out. The caller starts a
 * new session for this browser.
 */
export async function changePassword(
  userId: string,
  input: { currentPassword: string; password: string },
  ip: string | null,
): Promise<TransitionResult<"wrong_password">> {
  const user = getUserById(userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, error: "wrong_password" };
  }
  const passwordHash = await hashPassword(input.password);
  const result = transition((tx) => {
    const changed = tx
      .update(schema.users)
      .set({ passwordHash, mustChangePassword: false })
      .where(and(eq(schema.users.id, userId), eq(schema.users.passwordHash, user.passwordHash)))
      .run();
    expectOneChange(changed, "password");
    recordAudit({ actorId: userId, action: "password_changed", ip }, tx);
    return { ok: true } as const;
  });
  if (result.ok) await invalidateUserSessions(userId);
  return result;
}

/**
 * Sets a new password through a reset link: the token used up (compare-and-set), the password
 * set, the address confirmed (the mail reached its owner) and the audit entry, in one transaction;
 * then every session of the user ends.
 */
export async function resetPassword(
  token: string,
  password: string,
  ip: string | null,
  now = Date.now(),
): Promise<TransitionResult<"invalid_token">> {
  const found = usableToken(token, "password_reset", now);
  if (!found) return { ok: false, error: "invalid_token" };
  const passwordHash = await hashPassword(password);
  const result = transition((tx) => {
    useToken(tx, found.id, now);
    tx.update(schema.users)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(schema.users.id, found.userId))
      .run();
    markEmailVerified(tx, found.userId, now);
    recordAudit({ actorId: found.userId, action: "password_reset", ip }, tx);
    return { ok: true } as const;
  });
  if (result.ok) await invalidateUserSessions(found.userId);
  return result;
}
