import { afterEach, describe, expect, it } from "vitest";
import { getDb, getSqlite } from "../../db/client.server";
import { enqueueEmail } from "./email.server";

function outboxRow(to: string) {
  return getSqlite().prepare('SELECT * FROM outbox WHERE "to" = ? ORDER BY id DESC').get(to) as
    { status: string; subject: string; text: string; attempts: number; next_attempt_at: number | null } | undefined;
}

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("enqueueEmail", () => {
  it("keeps the mail in the outbox, never to be sent, when no SMTP server is configured", () => {
    delete process.env.SMTP_URL;
    expect(enqueueEmail({ to: "kept@test.vn", subject: "Xin chào", text: "Nội dung" })).toBe("kept");
    expect(outboxRow("kept@test.vn")).toMatchObject({
      status: "kept",
      subject: "Xin chào",
      text: "Nội dung",
      next_attempt_at: null,
    });
  });

  it("queues the mail for the worker when SMTP_URL is set, without contacting the server", () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1?ignoreTLS=true";
    const before = Date.now();
    expect(enqueueEmail({ to: "queued@test.vn", subject: "Reset", text: "Open this link" })).toBe("pending");
    const row = outboxRow("queued@test.vn");
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    expect(row?.next_attempt_at).toBeGreaterThanOrEqual(before);
  });

  it("writes nothing when the transaction of the change that caused it rolls back", () => {
    expect(() =>
      getDb().transaction((tx) => {
        enqueueEmail({ to: "rolled-back@test.vn", subject: "S", text: "T" }, tx);
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(outboxRow("rolled-back@test.vn")).toBeUndefined();
  });
});
