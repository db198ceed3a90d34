import { describe, expect, it } from "vitest";
import { afterFailedAttempt, isOutboxStatus, mailErrorText, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./mail-queue";

const MINUTE = 60_000;

describe("afterFailedAttempt", () => {
  it("retries after 1 minute, then 5, 30, 2 hours and 6 hours", () => {
    const waits = [1, 2, 3, 4, 5].map((attempts) => {
      const next = afterFailedAttempt(attempts, 1_000);
      expect(next.status).toBe("pending");
      return (next.nextAttemptAt ?? 0) - 1_000;
    });
    expect(waits).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE]);
  });

  it("gives up after the last attempt", () => {
    expect(MAX_ATTEMPTS).toBe(RETRY_DELAYS_MS.length + 1);
    expect(afterFailedAttempt(MAX_ATTEMPTS, 1_000)).toEqual({ status: "failed", nextAttemptAt: null });
    // A mail an admin retried after it failed gets one attempt, then fails again.
    expect(afterFailedAttempt(MAX_ATTEMPTS + 1, 1_000)).toEqual({ status: "failed", nextAttemptAt: null });
  });
});

describe("mailErrorText", () => {
  it("keeps the server's message on one line", () => {
    expect(mailErrorText(new Error("Message failed:\n550 5.1.1 mailbox unavailable"))).toBe(
      "Message failed: 550 5.1.1 mailbox unavailable",
    );
  });

  it("blanks the SMTP credentials out of a message that echoes them", () => {
    const text = mailErrorText(
      new Error("Invalid login for mailer@example.vn with s3cr3t-pass"),
      "smtps://mailer%40example.vn:s3cr3t-pass@mail.example.vn:465",
    );
    expect(text).not.toContain("s3cr3t-pass");
    expect(text).not.toContain("mailer@example.vn");
  });

  it("bounds what is stored", () => {
    expect(mailErrorText("x".repeat(2_000))).toHaveLength(500);
    expect(mailErrorText("")).toBe("Unknown error");
  });
});

describe("isOutboxStatus", () => {
  it("accepts the four statuses only", () => {
    expect(["pending", "sent", "failed", "kept"].every(isOutboxStatus)).toBe(true);
    expect(isOutboxStatus("queued")).toBe(false);
    expect(isOutboxStatus(null)).toBe(false);
  });
});
