import { afterEach, describe, expect, it, vi } from "vitest";
import { log, redact, redactText } from "./log.server";

afterEach(() => {
  vi.restoreAllMocks();
  process.env.LOG_LEVEL = "silent";
});

describe("logs never carry secrets", () => {
  it("replaces fields named like secrets", () => {
    expect(
      redact({ password: "Demo@12345", currentPassword: "x", token: "abc", cookie: "kns_session=1", SMTP_URL: "s" }),
    ).toEqual({
      password: "[redacted]",
      currentPassword: "[redacted]",
      token: "[redacted]",
      cookie: "[redacted]",
      SMTP_URL: "[redacted]",
    });
    expect(redact({ nested: { authorization: "Bearer x" }, to: "lan@test.vn" })).toEqual({
      nested: { authorization: "[redacted]" },
      to: "lan@test.vn",
    });
  });

  it("takes credentials out of URLs and tokens out of query strings in any text", () => {
    expect(redactText("connect smtps://mailer:s3cret@mail.example.vn:465 failed")).toBe(
      "connect smtps://mailer:[redacted]@mail.example.vn:465 failed",
    );
    expect(redactText("GET /reset-password?token=abcdef&x=1")).toBe("GET /reset-password?token=[redacted]&x=1");
    expect(redact(new Error("bad smtp://u:p@h"))).toMatch(/^Error: bad smtp:\/\/u:\[redacted\]@h/);
  });

  it("writes one JSON line per event at or above LOG_LEVEL", () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    process.env.LOG_LEVEL = "warn";
    log.info("hidden");
    log.warn("shown", { id: "r1", password: "p" });
    log.error("failed", { id: "r2" });
    expect(out).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(out.mock.calls[0]![0]));
    expect(line).toMatchObject({ level: "warn", msg: "shown", id: "r1", password: "[redacted]" });
    expect(JSON.parse(String(err.mock.calls[0]![0]))).toMatchObject({ level: "error", id: "r2" });
  });
});
