import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { getSqlite, openSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { MAX_ATTEMPTS } from "~/lib/mail-queue";
import { enqueueEmail } from "~/utils/email.server";
import {
  deliverPendingMail,
  dueMailQuery,
  listOutbox,
  mailStartupWarning,
  outboxCounts,
  outboxPageQuery,
  retryMail,
  startMailWorker,
} from "./outbox.server";

type Row = {
  id: number;
  to: string;
  status: string;
  attempts: number;
  error: string | null;
  next_attempt_at: number | null;
  sent_at: number | null;
};

function row(id: number): Row {
  return getSqlite().prepare("SELECT * FROM outbox WHERE id = ?").get(id) as Row;
}

function queue(to: string, text = "Open this link: http://localhost:3000/reset-password?token=secret"): number {
  expect(enqueueEmail({ to, subject: "Đặt lại mật khẩu", text })).toBe("pending");
  return (getSqlite().prepare('SELECT id FROM outbox WHERE "to" = ? ORDER BY id DESC').get(to) as { id: number }).id;
}

type Received = { to: string; data: string };

/** A local SMTP server; `reject` (changeable) refuses every recipient with a 550. */
async function smtpServer(extra: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const state = { reject: false, connections: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (state.reject) {
        const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
        callback();
      });
    },
    ...extra,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, state };
}

const closers: (() => Promise<void>)[] = [];

beforeEach(() => {
  getSqlite().prepare("DELETE FROM outbox").run();
});

afterEach(async () => {
  delete process.env.SMTP_URL;
  while (closers.length) await closers.pop()!();
});

describe("deliverPendingMail", () => {
  it("sends a due mail through the SMTP server and marks it sent", async () => {
    const { received } = await smtpServer();
    const id = queue("an@test.vn");
    const report = await deliverPendingMail();
    expect(report).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe("an@test.vn");
    expect(received[0]!.data).toContain("reset-password?token=secret");
    expect(received[0]!.data).toMatch(/^Subject: /m);
    const r = row(id);
    expect(r).toMatchObject({ status: "sent", attempts: 1, error: null, next_attempt_at: null });
    expect(r.sent_at).toBeGreaterThan(0);
    // Sent once: a later run finds nothing to do.
    expect(await deliverPendingMail({ now: Date.now() + 86_400_000 })).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(1);
  });

  it("leaves a mail the server refused pending with its error, and a later due retry sends it", async () => {
    const { received, state } = await smtpServer();
    state.reject = true;
    const id = queue("binh@test.vn");
    const now = Date.now();
    expect(await deliverPendingMail({ now })).toMatchObject({ sent: 0, retrying: 1 });
    const failed = row(id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1 });
    expect(failed.error).toMatch(/550/);
    expect(failed.error).toMatch(/Mailbox unavailable/);
    // The first retry waits a minute.
    expect(failed.next_attempt_at! - now).toBeGreaterThanOrEqual(60_000);
    expect(failed.next_attempt_at! - now).toBeLessThan(70_000);

    state.reject = false;
    expect(await deliverPendingMail({ now: now + 30_000 })).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
    expect(await deliverPendingMail({ now: failed.next_attempt_at! })).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2, error: null });
  });

  it("marks a mail failed after its last attempt, and an admin's retry sends it", async () => {
    const { received, state } = await smtpServer();
    state.reject = true;
    const admin = createUser({ role: "admin" });
    const id = queue("chau@test.vn");
    let now = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverPendingMail({ now });
      const r = row(id);
      expect(r.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(r.status).toBe("pending");
        now = r.next_attempt_at!;
      }
    }
    const failed = row(id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, next_attempt_at: null });
    expect(failed.error).toMatch(/550/);
    // Nobody sends a failed mail on their own, however late.
    expect(await deliverPendingMail({ now: now + 30 * 86_400_000 })).toMatchObject({ sent: 0, failed: 0 });
    expect(listOutbox({ status: "failed", page: 1 }).rows.map((r) => r.id)).toEqual([id]);

    state.reject = false;
    expect(retryMail(id, admin, "203.0.113.9")).toEqual({ ok: true });
    expect(row(id)).toMatchObject({ status: "pending", error: failed.error });
    const audit = getSqlite()
      .prepare("SELECT action, subject_type, subject_id, ip, details FROM audit_log WHERE actor_id = ?")
      .all(admin.id);
    expect(audit).toEqual([
      {
        action: "mail_retried",
        subject_type: "mail",
        subject_id: String(id),
        ip: "203.0.113.9",
        details: JSON.stringify({ to: "chau@test.vn", attempts: MAX_ATTEMPTS }),
      },
    ]);
    // A second click (or another admin) finds it no longer failed.
    expect(retryMail(id, admin)).toEqual({ ok: false, error: "not_failed" });
    expect(retryMail(999_999, admin)).toEqual({ ok: false, error: "not_found" });

    expect(await deliverPendingMail()).toMatchObject({ sent: 1 });
    expect(received.map((r) => r.to)).toEqual(["chau@test.vn"]);
    expect(row(id)).toMatchObject({ status: "sent", error: null, attempts: MAX_ATTEMPTS + 1 });
    expect(retryMail(id, admin)).toEqual({ ok: false, error: "not_failed" });
  });

  it("gives up on a server that never greets within the configured timeout, holding no lock meanwhile", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          silent.close(() => resolve());
        }),
    );
    process.env.SMTP_URL = `smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}?ignoreTLS=true`;
    const id = queue("dung@test.vn");

    const started = Date.now();
    const delivery = deliverPendingMail({
      timeouts: { connectionTimeout: 500, greetingTimeout: 500, socketTimeout: 1_000 },
    });
    // While the worker waits on the server, the database is free for everyone else: another
    // connection takes the write lock at once, and this one can run its own transactions.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sockets).toHaveLength(1);
    const other = openSqlite(process.env.DATABASE_PATH!);
    other.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE; UPDATE outbox SET updated_at = updated_at WHERE id = -1; COMMIT");
    other.close();
    const during = queue("giang@test.vn");
    expect(row(during).status).toBe("pending");

    expect(await delivery).toMatchObject({ sent: 0, retrying: 1 });
    expect(Date.now() - started).toBeLessThan(3_000);
    const r = row(id);
    expect(r).toMatchObject({ status: "pending", attempts: 1 });
    expect(r.error).toMatch(/greeting|timeout/i);
  });

  it("sends each mail once when two workers run at the same time", async () => {
    const { received } = await smtpServer({
      // A slow server, so that both workers are busy at once.
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
          setTimeout(() => callback(), 40);
        });
      },
    });
    const ids = Array.from({ length: 8 }, (_, i) => queue(`dong-thoi-${i}@test.vn`));
    const [a, b] = await Promise.all([deliverPendingMail(), deliverPendingMail()]);
    expect(a.sent + b.sent).toBe(8);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(received.map((r) => r.to).sort()).toEqual(ids.map((_, i) => `dong-thoi-${i}@test.vn`).sort());
    expect(ids.map((id) => row(id).attempts)).toEqual(ids.map(() => 1));
  });

  it("sends nothing and keeps nothing pending without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    expect(enqueueEmail({ to: "kept@test.vn", subject: "S", text: "T" })).toBe("kept");
    expect(await deliverPendingMail()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
  });

  it("takes a bounded batch, oldest due first, through the worker's index", async () => {
    const { received } = await smtpServer();
    const ids = Array.from({ length: 3 }, (_, i) => queue(`lo-${i}@test.vn`));
    getSqlite().prepare("UPDATE outbox SET next_attempt_at = next_attempt_at - id * 1000").run();
    expect(await deliverPendingMail({ limit: 2 })).toMatchObject({ sent: 2 });
    expect(received.map((r) => r.to)).toEqual(["lo-2@test.vn", "lo-1@test.vn"]);
    expect(row(ids[0]!).status).toBe("pending");
    const q = dueMailQuery(Date.now(), 20).toSQL();
    const plan = (
      getSqlite()
        .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
        .all(...q.params) as { detail: string }[]
    )
      .map((p) => p.detail)
      .join("\n");
    expect(plan).toMatch(/USING INDEX outbox_status_next_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

describe("startMailWorker", () => {
  it("sends queued mail on its own, and stop() waits for the mail in flight", async () => {
    let entered = () => {};
    const inData = new Promise<void>((resolve) => (entered = resolve));
    const { received } = await smtpServer({
      onData(stream, session, callback) {
        entered();
        stream.resume();
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data: "" });
          setTimeout(() => callback(), 200);
        });
      },
    });
    const id = queue("worker@test.vn");
    const worker = startMailWorker({ intervalMs: 60_000 });
    await inData;
    await worker.stop();
    expect(row(id).status).toBe("sent");
    // Stopped: a mail queued now stays pending.
    const later = queue("after-stop@test.vn");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(row(later).status).toBe("pending");
  });

  it("does nothing without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    const worker = startMailWorker({ intervalMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.stop();
  });
});

describe("mailStartupWarning", () => {
  afterEach(() => {
    process.env.NODE_ENV = "test";
  });

  it("warns in production when mail is not being sent", () => {
    process.env.NODE_ENV = "production";
    delete process.env.SMTP_URL;
    expect(mailStartupWarning()).toMatch(/SMTP_URL is not set/);
    process.env.SMTP_URL = "smtps://user:password@mail.example.vn:465";
    expect(mailStartupWarning()).toBeNull();
    process.env.NODE_ENV = "development";
    delete process.env.SMTP_URL;
    expect(mailStartupWarning()).toBeNull();
  });
});

describe("listOutbox", () => {
  it("lists newest first, filters by status, pages, and never returns the mail's text", () => {
    const insert = getSqlite().prepare(
      `INSERT INTO outbox ("to", subject, text, status, attempts, created_at) VALUES (?, 'S', 'secret body', ?, 0, ?)`,
    );
    const base = Date.now();
    for (let i = 0; i < 30; i++) insert.run(`list-${i}@test.vn`, i % 3 === 0 ? "failed" : "sent", base + i);
    const first = listOutbox({ page: 1 });
    expect(first.total).toBe(30);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]!.to).toBe("list-29@test.vn");
    expect(first.rows[0]).not.toHaveProperty("text");
    expect(listOutbox({ page: 2 }).rows.map((r) => r.to)).toEqual([4, 3, 2, 1, 0].map((i) => `list-${i}@test.vn`));
    const failed = listOutbox({ status: "failed", page: 1 });
    expect(failed.total).toBe(10);
    expect(failed.rows.every((r) => r.status === "failed")).toBe(true);
    expect(failed.rows[0]!.to).toBe("list-27@test.vn");
    expect(outboxCounts()).toEqual({ pending: 0, sent: 20, failed: 10, kept: 0 });
  });

  it("is served by an index, filtered or not", () => {
    const plan = (status?: "failed") => {
      const q = outboxPageQuery({ status, page: 3 }).toSQL();
      return (
        getSqlite()
          .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
          .all(...q.params) as { detail: string }[]
      )
        .map((p) => p.detail)
        .join("\n");
    };
    expect(plan()).toMatch(/USING INDEX outbox_created_idx/);
    expect(plan("failed")).toMatch(/USING INDEX outbox_status_created_idx/);
    expect(plan()).not.toMatch(/TEMP B-TREE/);
    expect(plan("failed")).not.toMatch(/TEMP B-TREE/);
  });
});
