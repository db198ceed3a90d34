import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import { consumeToken, issueToken, peekToken } from "./tokens.server";

describe("single-use tokens", () => {
  it("work once", () => {
    const user = createUser();
    const token = issueToken(user.id, "password_reset");
    expect(peekToken(token, "password_reset")).toBe(user.id);
    expect(consumeToken(token, "password_reset", () => {})).toBe(user.id);
    expect(consumeToken(token, "password_reset", () => {})).toBeNull();
    expect(peekToken(token, "password_reset")).toBeNull();
  });

  it("expire after an hour for a password reset", () => {
    const user = createUser();
    const issued = Date.now();
    const token = issueToken(user.id, "password_reset", issued);
    expect(peekToken(token, "password_reset", issued + 59 * 60_000)).toBe(user.id);
    expect(consumeToken(token, "password_reset", () => {}, issued + 60 * 60_000)).toBeNull();
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
    expect(() =>
      consumeToken(token, "password_reset", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(peekToken(token, "password_reset")).toBe(user.id);
  });
});
