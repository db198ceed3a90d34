/** Single-use links (password reset, email verification): only a hash is stored. */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, schema } from "../../db/client.server";
import type { TokenPurpose } from "../../db/schema";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  password_reset: 60 * 60_000,
  email_verification: 48 * 60 * 60_000,
};

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

/** Issues a new token, cancelling any earlier unused one of the same purpose. */
export function issueToken(userId: string, purpose: TokenPurpose, now = Date.now()): string {
  const token = crypto.randomBytes(32).toString("base64url");
  const db = getDb();
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

/** The user a valid, unexpired, unused token belongs to, without using it up. */
export function peekToken(token: string, purpose: TokenPurpose, now = Date.now()): string | null {
  const row = getDb()
    .select()
    .from(schema.userTokens)
    .where(and(eq(schema.userTokens.tokenHash, sha256(token)), eq(schema.userTokens.purpose, purpose)))
    .get();
  if (!row || row.usedAt !== null || row.expiresAt <= now) return null;
  return row.userId;
}

/**
 * Uses a token up and runs `then` in the same transaction; returns the user id, or null when the
 * token is unknown, used or expired. Two concurrent uses cannot both succeed.
 */
export function consumeToken(
  token: string,
  purpose: TokenPurpose,
  then: (userId: string, tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0]) => void,
  now = Date.now(),
): string | null {
  return getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(schema.userTokens)
      .where(and(eq(schema.userTokens.tokenHash, sha256(token)), eq(schema.userTokens.purpose, purpose)))
      .get();
    if (!row || row.usedAt !== null || row.expiresAt <= now) return null;
    tx.update(schema.userTokens).set({ usedAt: now }).where(eq(schema.userTokens.id, row.id)).run();
    then(row.userId, tx);
    return row.userId;
  });
}
