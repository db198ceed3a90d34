/**
 * The mail queue's worker and the admin's view of it (ADR 007). A change writes its mail to the
 * outbox in its own transaction (`enqueueEmail`); here the worker sends what is due, outside any
 * transaction:
 *
 * 1. read a bounded batch of due `pending` rows, oldest first (`outbox_status_next_idx`);
 * 2. claim each one with a compare-and-set that moves its `next_attempt_at` a lease ahead and
 *    counts the attempt, so that another worker (or process) reading the same row cannot claim it,
 *    and a worker that dies mid-send leaves the mail due again once the lease runs out;
 * 3. send it through SMTP with explicit timeouts;
 * 4. write the outcome under the same claim: `sent`, or pending again after its backoff, or
 *    `failed` after its last attempt, with the error.
 *
 * Mail bodies (they hold reset tokens) and SMTP credentials never reach the log.
 */
import { and, asc, count, desc, eq, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
// The file itself: the built server is an ES module, which cannot import a directory.
import SMTPTransport from "nodemailer/lib/smtp-transport/index.js";
import { getDb, schema } from "../../db/client.server";
import { afterFailedAttempt, mailErrorText, type OutboxStatus } from "~/lib/mail-queue";
import type { MailAttachment } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/log.server";
import { recordAudit } from "./audit.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { pageCount } from "~/lib/paging";

/** nodemailer's own defaults wait minutes; a slow or silent server must not hold the worker. */
export type MailTimeouts = { connectionTimeout: number; greetingTimeout: number; socketTimeout: number };
export const MAIL_TIMEOUTS: MailTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
};

/** How long a claimed mail belongs to its worker: far beyond one send's timeouts. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** The most mails one run of the worker sends. */
export const DELIVERY_BATCH = 20;
export const OUTBOX_PAGE_SIZE = 25;

type Outbox = typeof schema.outbox;

export type DeliveryReport = { sent: number; retrying: number; failed: number; skipped: number };

/**
 * Sends the pending mail that is due at `now`, one mail at a time, at most `limit` of them.
 * A row another worker claimed first is skipped (`skipped`). Stops claiming when `signal` aborts.
 * Does nothing without SMTP_URL.
 */
export async function deliverPendingMail({
  now = Date.now(),
  limit = DELIVERY_BATCH,
  timeouts = MAIL_TIMEOUTS,
  signal,
}: { now?: number; limit?: number; timeouts?: MailTimeouts; signal?: AbortSignal } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const { SMTP_URL: smtpUrl, MAIL_FROM: from } = env();
  if (!smtpUrl) return report;
  // `now` may be given (tests, a catch-up run); later times in the batch move on from it.
  const startedAt = Date.now();
  const clock = () => now + (Date.now() - startedAt);

  const due = dueMail(now, limit);
  if (due.length === 0) return report;
  const transport = smtpTransport(smtpUrl, timeouts);
  try {
    for (const mail of due) {
      if (signal?.aborted) break;
      const claim = claimMail(mail, clock());
      if (!claim) {
        report.skipped++;
        continue;
      }
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          attachments: mail.attachments ? (JSON.parse(mail.attachments) as MailAttachment[]) : undefined,
        });
      } catch (error) {
        const outcome = recordFailure(mail, claim, mailErrorText(error, smtpUrl), clock());
        if (outcome) report[outcome === "failed" ? "failed" : "retrying"]++;
        continue;
      }
      if (recordSent(mail, claim, clock())) report.sent++;
    }
  } finally {
    transport.close();
  }
  return report;
}

/**
 * An SMTP transport with the timeouts (a query parameter of SMTP_URL may still override them).
 * Built from SMTPTransport itself: `nodemailer.createTransport({ url, … })` keeps only the URL's
 * options and would silently drop the timeouts.
 */
function smtpTransport(smtpUrl: string, timeouts: MailTimeouts) {
  return nodemailer.createTransport(
    new SMTPTransport({ url: smtpUrl, ...timeouts, dnsTimeout: timeouts.connectionTimeout, logger: false }),
  );
}

type DueMail = {
  id: number;
  to: string;
  subject: string;
  text: string;
  attachments: string | null;
  nextAttemptAt: number | null;
};
type Claim = { attempts: number; lease: number };

/** The due pending mail, oldest due first: a range of `outbox_status_next_idx`, in its order. */
export function dueMailQuery(now: number, limit: number) {
  const o = schema.outbox;
  return getDb()
    .select({
      id: o.id,
      to: o.to,
      subject: o.subject,
      text: o.text,
      attachments: o.attachments,
      nextAttemptAt: o.nextAttemptAt,
    })
    .from(o)
    .where(and(eq(o.status, "pending"), lte(o.nextAttemptAt, now)))
    .orderBy(asc(o.nextAttemptAt), asc(o.id))
    .limit(limit);
}

function dueMail(now: number, limit: number): DueMail[] {
  return dueMailQuery(now, limit).all();
}

/** The compare-and-set that makes the mail this worker's, or null when another worker was first. */
function claimMail(mail: DueMail, at: number): Claim | null {
  const o = schema.outbox;
  const lease = at + CLAIM_LEASE_MS;
  const claimed = getDb()
    .update(o)
    .set({ nextAttemptAt: lease, attempts: sql`${o.attempts} + 1`, updatedAt: at })
    .where(and(eq(o.id, mail.id), eq(o.status, "pending"), eq(o.nextAttemptAt, mail.nextAttemptAt ?? -1)))
    .returning({ attempts: o.attempts })
    .get();
  return claimed ? { attempts: claimed.attempts, lease } : null;
}

/** Rows still under this worker's claim (a claim that lapsed belongs to whoever took the row next). */
function underClaim(o: Outbox, mail: DueMail, claim: Claim) {
  return and(
    eq(o.id, mail.id),
    eq(o.status, "pending"),
    eq(o.nextAttemptAt, claim.lease),
    eq(o.attempts, claim.attempts),
  );
}

function recordSent(mail: DueMail, claim: Claim, at: number): boolean {
  const o = schema.outbox;
  const written = getDb()
    .update(o)
    .set({ status: "sent", sentAt: at, nextAttemptAt: null, error: null, updatedAt: at })
    .where(underClaim(o, mail, claim))
    .run();
  if (written.changes === 1) {
    log.info("mail sent", { id: mail.id, to: mail.to, attempts: claim.attempts });
    return true;
  }
  log.warn("mail sent after its claim lapsed; the row was left as another worker wrote it", { id: mail.id });
  return false;
}

function recordFailure(mail: DueMail, claim: Claim, error: string, at: number): "retrying" | "failed" | null {
  const o = schema.outbox;
  const next = afterFailedAttempt(claim.attempts, at);
  const written = getDb()
    .update(o)
    .set({ status: next.status, nextAttemptAt: next.nextAttemptAt, error, updatedAt: at })
    .where(underClaim(o, mail, claim))
    .run();
  if (written.changes !== 1) {
    log.warn("mail attempt failed after its claim lapsed", { id: mail.id, error });
    return null;
  }
  if (next.status === "failed") {
    log.error("mail failed after its last attempt", { id: mail.id, to: mail.to, attempts: claim.attempts, error });
    return "failed";
  }
  log.warn("mail attempt failed; will retry", {
    id: mail.id,
    to: mail.to,
    attempts: claim.attempts,
    error,
    retryAt: new Date(next.nextAttemptAt).toISOString(),
  });
  return "retrying";
}

export type MailWorker = { stop(): Promise<void> };

/**
 * Runs `deliverPendingMail` now and every `intervalMs` (MAIL_WORKER_SECONDS, default 20 s), one run
 * at a time. Without SMTP_URL, or with an interval of 0, it does nothing. `stop()` stops the timer
 * and waits for the run in flight, which claims no further mail once stopped.
 */
export function startMailWorker({ intervalMs }: { intervalMs?: number } = {}): MailWorker {
  const config = env();
  const every = intervalMs ?? config.MAIL_WORKER_SECONDS * 1000;
  if (!config.SMTP_URL || every <= 0) {
    log.info("mail worker not started", { reason: config.SMTP_URL ? "MAIL_WORKER_SECONDS=0" : "SMTP_URL unset" });
    return { stop: async () => {} };
  }
  const controller = new AbortController();
  let inFlight: Promise<void> | null = null;
  const run = () => {
    if (inFlight || controller.signal.aborted) return;
    inFlight = deliverPendingMail({ signal: controller.signal })
      .then((report) => {
        if (report.sent + report.retrying + report.failed > 0) log.info("mail worker run", report);
      })
      .catch((error: unknown) => log.error("mail worker run failed", { error: String(error) }))
      .finally(() => {
        inFlight = null;
      });
  };
  const timer = setInterval(run, every);
  timer.unref();
  // Mail queued while the server was down goes out now, not one interval later.
  run();
  log.info("mail worker started", { everySeconds: every / 1000 });
  return {
    async stop() {
      clearInterval(timer);
      controller.abort();
      await inFlight;
    },
  };
}

/**
 * For the production start: the warning to print when mail is not being sent, or null. Without
 * SMTP_URL every mail (password resets included) is only kept in the outbox.
 */
export function mailStartupWarning(): string | null {
  const config = env();
  if (config.NODE_ENV !== "production" || config.SMTP_URL) return null;
  return (
    "SMTP_URL is not set: no mail is being sent. Password resets, email confirmations and " +
    "notifications are only kept in the outbox table (status 'kept'). Set SMTP_URL, e.g. " +
    "smtps://user:password@mail.example.vn:465, and restart."
  );
}

// ---------------------------------------------------------------------------------------------
// The admin's page (/admin/outbox)

/**
 * Puts a failed mail back in the queue, due now, for one more attempt; audited. Refused when the
 * mail does not exist or is not failed (someone retried it first, or it was sent).
 */
export function retryMail(
  id: number,
  admin: { id: string },
  ip: string | null = null,
): TransitionResult<"not_found" | "not_failed"> {
  return transition((tx): TransitionResult<"not_found" | "not_failed"> => {
    const o = schema.outbox;
    const mail = tx.select({ status: o.status, to: o.to, attempts: o.attempts }).from(o).where(eq(o.id, id)).get();
    if (!mail) return { ok: false, error: "not_found" };
    if (mail.status !== "failed") return { ok: false, error: "not_failed" };
    const now = Date.now();
    expectOneChange(
      tx
        .update(o)
        .set({ status: "pending", nextAttemptAt: now, updatedAt: now })
        .where(and(eq(o.id, id), eq(o.status, "failed")))
        .run(),
      "the mail",
    );
    recordAudit(
      {
        actorId: admin.id,
        action: "mail_retried",
        subjectType: "mail",
        subjectId: String(id),
        ip,
        details: { to: mail.to, attempts: mail.attempts },
      },
      tx,
    );
    return { ok: true };
  });
}

/**
 * One page of the outbox, newest first, never with the mail's text. Served by `outbox_created_idx`,
 * or `outbox_status_created_idx` when filtered by status.
 */
export function outboxPageQuery({ status, page }: { status?: OutboxStatus; page: number }) {
  const o = schema.outbox;
  return getDb()
    .select({
      id: o.id,
      to: o.to,
      subject: o.subject,
      status: o.status,
      attempts: o.attempts,
      error: o.error,
      nextAttemptAt: o.nextAttemptAt,
      sentAt: o.sentAt,
      createdAt: o.createdAt,
    })
    .from(o)
    .where(status ? eq(o.status, status) : undefined)
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
}

export function listOutbox({ status, page }: { status?: OutboxStatus; page: number }) {
  const o = schema.outbox;
  const rows = outboxPageQuery({ status, page }).all();
  const total =
    getDb()
      .select({ n: count() })
      .from(o)
      .where(status ? eq(o.status, status) : undefined)
      .get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, OUTBOX_PAGE_SIZE) };
}

/** How many mails have each status (one pass over `outbox_status_next_idx`). */
export function outboxCounts(): Record<OutboxStatus, number> {
  const o = schema.outbox;
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0, kept: 0 };
  for (const row of getDb().select({ status: o.status, n: count() }).from(o).groupBy(o.status).all()) {
    counts[row.status] = row.n;
  }
  return counts;
}
