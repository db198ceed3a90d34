/**
 * Email (docs/product.md §13) goes through the outbox, which is a queue (ADR 007): a change that causes a mail
 * writes it with `enqueueEmail` in its own transaction, so the mail exists exactly when the change
 * does, and no request waits on SMTP. With SMTP_URL set the row is `pending` until the mail worker
 * sends it; without, it is `kept` (recorded and logged, never sent), as on a developer's machine.
 */
import { getDb, schema, type DbOrTx } from "../../db/client.server";
import { env } from "./env.server";
import { log } from "./log.server";
import { siteUrl } from "./url.server";

/** A file sent with a mail (kept in the outbox row as JSON): an event's calendar file. */
export type MailAttachment = { filename: string; contentType: string; content: string };
export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };

/** Writes one mail to the outbox, in `db` (the caller's transaction) when given. */
export function enqueueEmail(mail: Mail, db: DbOrTx = getDb()): "pending" | "kept" {
  const now = Date.now();
  const status = env().SMTP_URL ? "pending" : "kept";
  db.insert(schema.outbox)
    .values({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      status,
      attempts: 0,
      nextAttemptAt: status === "pending" ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  log.info("email queued", { to: mail.to, subject: mail.subject, status });
  return status;
}

// Links come from BASE_URL only (app/utils/url.server.ts); these names stay for the callers.
export { siteUrl } from "./url.server";

/** An absolute link for a mail sent while answering a request; the request itself is ignored. */
export function absoluteUrl(_request: Request, pathAndQuery: string): string {
  return siteUrl(pathAndQuery);
}
