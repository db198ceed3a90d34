/**
 * Email (DESIGN §13): sent through nodemailer when SMTP_URL is set; otherwise kept in the outbox
 * table and logged, so that nothing is lost on a machine without a mail server. Every mail is
 * recorded in the outbox either way, with what became of it.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, schema } from "../../db/client.server";
import { env } from "./env.server";
import { log } from "./log.server";

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

/** Absolute links in emails use BASE_URL when set, else the address the request came to. */
export function absoluteUrl(request: Request, pathAndQuery: string): string {
  const base = env().BASE_URL ?? new URL(request.url).origin;
  return new URL(pathAndQuery, base).toString();
}

/** An absolute link for mail sent outside a request (notifications). */
export function siteUrl(pathAndQuery: string): string {
  const base = env().BASE_URL ?? `http://localhost:${env().PORT}`;
  return new URL(pathAndQuery, base).toString();
}
