/**
 * Email (DESIGN §13): sent through nodemailer when SMTP_URL is set; otherwise kept in the outbox
 * table and logged, so that nothing is lost on a machine without a mail server. Every mail is
 * recorded in the outbox either way, with what became of it.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, schema } from "../../db/client.server";
import { env } from "./env.server";
import { log } from "./log.server";
import { siteUrl } from "./url.server";

export type Mail = { to: string; subject: string; text: string };

let transport: Transporter | null = null;
let transportUrl: string | undefined;

function smtp(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

export async function sendEmail(mail: Mail): Promise<"sent" | "kept" | "failed"> {
  const transporter = smtp();
  let status: "sent" | "kept" | "failed" = "kept";
  let error: string | null = null;
  if (transporter) {
    try {
      await transporter.sendMail({ from: env().MAIL_FROM, ...mail });
      status = "sent";
    } catch (e) {
      status = "failed";
      error = e instanceof Error ? e.message : String(e);
    }
  }
  getDb()
    .insert(schema.outbox)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, status, error, createdAt: Date.now() })
    .run();
  log[status === "failed" ? "error" : "info"]("email", { to: mail.to, subject: mail.subject, status, error });
  return status;
}

// Links come from BASE_URL only (app/utils/url.server.ts); these names stay for the callers.
export { siteUrl } from "./url.server";

/** An absolute link for a mail sent while answering a request; the request itself is ignored. */
export function absoluteUrl(_request: Request, pathAndQuery: string): string {
  return siteUrl(pathAndQuery);
}
