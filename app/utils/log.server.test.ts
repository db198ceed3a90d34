import { afterEach, describe, expect, it, vi } from "vitest";
import { flushLog, log, redact, redactText } from "./log.server";

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
    // The warning was written before the error, which goes out at once.
    expect(out).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(out.mock.calls[0]![0]));
    expect(line).toMatchObject({ level: "warn", msg: "shown", id: "r1", password: "[redacted]" });
    expect(JSON.parse(String(err.mock.calls[0]![0]))).toMatchObject({ level: "error", id: "r2" });
  });

  it("writes the lines of one event-loop turn together, each whole, in order, without waiting for more", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    process.env.LOG_LEVEL = "info";
    log.info("request", { id: "a" });
    log.info("request", { id: "b" });
    expect(out).not.toHaveBeenCalled();
    await new Promise((r) => setImmediate(r));
    expect(out).toHaveBeenCalledTimes(1);
    const lines = String(out.mock.calls[0]![0]).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(["a", "b"]);
    log.info("request", { id: "c" });
    flushLog();
    expect(JSON.parse(String(out.mock.calls[1]![0])).id).toBe("c");
  });
});
