/**
 * The rules of the mail queue (ADR 007), with no I/O: the statuses of an outbox row, and what
 * becomes of a pending mail after a failed attempt. The worker lives in app/models/outbox.server.ts.
 */

/**
 * `pending`: waiting for the worker (at `next_attempt_at`); `sent`; `failed`: every attempt failed,
 * an admin may retry it; `kept`: written where no SMTP server is configured, never sent.
 */
export const OUTBOX_STATUSES = ["pending", "sent", "failed", "kept"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export function isOutboxStatus(value: unknown): value is OutboxStatus {
  return (OUTBOX_STATUSES as readonly unknown[]).includes(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wait before each retry: after the first failed attempt 1 minute, then 5, 30, 2 h and 6 h. */
export const RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;

/** Attempts before a mail is `failed`: the first one and one per retry delay (about 8.5 hours in all). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * What a pending mail becomes after its `attempts`-th attempt failed at `now`: pending again after
 * its backoff delay, or failed once it has had its last attempt. A mail an admin retried after it
 * failed (so `attempts` is already at the maximum) gets that one attempt and is failed again if it
 * fails.
 */
export function afterFailedAttempt(
  attempts: number,
  now: number,
): { status: "pending"; nextAttemptAt: number } | { status: "failed"; nextAttemptAt: null } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed", nextAttemptAt: null };
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)]!;
  return { status: "pending", nextAttemptAt: now + delay };
}

/**
 * An SMTP error as it may be stored and shown: one line, at most 500 characters, with the
 * credentials of the SMTP URL (if a library echoed them) blanked out.
 */
export function mailErrorText(error: unknown, smtpUrl?: string): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of credentialsOf(smtpUrl)) text = text.split(secret).join("***");
  text = text.replace(/\s+/g, " ").trim() || "Unknown error";
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/** The user name and password of an SMTP URL, as written and decoded (short ones are left: too common). */
function credentialsOf(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return [];
  }
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  const raw = [url.password, url.username];
  return [...raw, ...raw.map(decode)].filter((secret) => secret.length >= 3);
}
