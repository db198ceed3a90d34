/** Single-use links (password reset, email verification): only a hash is stored. */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import type { TokenPurpose } from "../../db/schema";
import { DAY_MS } from "~/lib/local-date";
import { expectOneChange } from "./transition.server";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  password_reset: 60 * 60_000,
  email_verification: 2 * DAY_MS,
};

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

/**
 * Issues a new token, cancelling any earlier unused one of the same purpose (in `db`, the caller's
 * transaction, when given).
 */
export function issueToken(userId: string, purpose: TokenPurpose, now = Date.now(), db: DbOrTx = getDb()): string {
  const token = crypto.randomBytes(32).toString("base64url");
  db.transaction((tx) => {
    tx.update(schema.userTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(schema.userTokens.userId, userId),
          eq(schema.userTokens.purpose, purpose),
          isNull(schema.userTokens.usedAt),
        ),
      )
      .run();
    tx.insert(schema.userTokens)
      .values({
        id: crypto.randomUUID(),
        userId,
        purpose,
        tokenHash: sha256(token),
        expiresAt: now + TOKEN_TTL_MS[purpose],
        createdAt: now,
      })
      .run();
  });
  return token;
}

/** A valid (known, unexpired, unused) token of that purpose: its id and its user, or null. */
export function usableToken(
  token: string,
  purpose: TokenPurpose,
  now = Date.now(),
  db: DbOrTx = getDb(),
): { id: string; userId: string } | null {
  const row = db
    .select()
    .from(schema.userTokens)
    .where(and(eq(schema.userTokens.tokenHash, sha256(token)), eq(schema.userTokens.purpose, purpose)))
    .get();
  if (!row || row.usedAt !== null || row.expiresAt <= now) return null;
  return { id: row.id, userId: row.userId };
}

/** The user a valid token belongs to, without using it up (a page may show its form). */
export function peekToken(token: string, purpose: TokenPurpose, now = Date.now()): string | null {
  return usableToken(token, purpose, now)?.userId ?? null;
}

/**
 * Uses a token up, inside the transition that acts on it: a compare-and-set on "still unused", so
 * that of two requests racing with one link, the second rolls back as `stale`.
 */
export function useToken(tx: DbOrTx, tokenId: string, now = Date.now()) {
  const used = tx
    .update(schema.userTokens)
    .set({ usedAt: now })
    .where(and(eq(schema.userTokens.id, tokenId), isNull(schema.userTokens.usedAt)))
    .run();
  expectOneChange(used, "token");
}
