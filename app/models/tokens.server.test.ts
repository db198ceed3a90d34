import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import { issueToken, peekToken, usableToken, useToken } from "./tokens.server";
import { transition } from "./transition.server";

describe("single-use tokens", () => {
  it("work once", () => {
    const user = createUser();
    const token = issueToken(user.id, "password_reset");
    expect(peekToken(token, "password_reset")).toBe(user.id);
    const found = usableToken(token, "password_reset")!;
    expect(found.userId).toBe(user.id);
    expect(transition((tx) => (useToken(tx, found.id), { ok: true as const }))).toEqual({ ok: true });
    expect(peekToken(token, "password_reset")).toBeNull();
    // A second use of the same row (a request that read it before the first used it) is stale.
    expect(transition((tx) => (useToken(tx, found.id), { ok: true as const }))).toEqual({ ok: false, error: "stale" });
  });

  it("expire after an hour for a password reset", () => {
    const user = createUser();
    const issued = Date.now();
    const token = issueToken(user.id, "password_reset", issued);
    expect(peekToken(token, "password_reset", issued + 59 * 60_000)).toBe(user.id);
    expect(usableToken(token, "password_reset", issued + 60 * 60_000)).toBeNull();
  });

  it("serve only their own purpose, and a newer one cancels the older", () => {
    const user = createUser();
    const first = issueToken(user.id, "password_reset");
    expect(peekToken(first, "email_verification")).toBeNull();
    const second = issueToken(user.id, "password_reset");
    expect(peekToken(first, "password_reset")).toBeNull();
    expect(peekToken(second, "password_reset")).toBe(user.id);
  });

  it("roll back the token's use when the work that follows fails", () => {
    const user = createUser();
    const token = issueToken(user.id, "password_reset");
    const found = usableToken(token, "password_reset")!;
    expect(() =>
      transition((tx) => {
        useToken(tx, found.id);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(peekToken(token, "password_reset")).toBe(user.id);
  });
});
