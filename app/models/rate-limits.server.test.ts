import { describe, expect, it } from "vitest";
import {
  passwordResetAllowed,
  recordPasswordResetRequest,
  recordSignInFailure,
  signInLockedUntil,
} from "./rate-limits.server";

describe("sign-in rate limit (stored)", () => {
  it("locks one email from one address after five failures, and no other pair", () => {
    const now = Date.now();
    for (let i = 0; i < 4; i++) recordSignInFailure("lan@test.vn", "10.0.0.1", now - (5 - i) * 1000);
    expect(signInLockedUntil("lan@test.vn", "10.0.0.1", now)).toBeNull();
    recordSignInFailure("lan@test.vn", "10.0.0.1", now);
    expect(signInLockedUntil("LAN@test.vn", "10.0.0.1", now)).toBe(now + 15 * 60_000);
    expect(signInLockedUntil("lan@test.vn", "10.0.0.2", now)).toBeNull();
    expect(signInLockedUntil("other@test.vn", "10.0.0.1", now)).toBeNull();
    expect(signInLockedUntil("lan@test.vn", "10.0.0.1", now + 15 * 60_000 + 1)).toBeNull();
  });
});

describe("password-reset requests (stored)", () => {
  it("allows three requests for one email per hour, from any address, whether or not it has an account", () => {
    const now = Date.now();
    for (let i = 0; i < 3; i++) {
      expect(passwordResetAllowed("Nobody@test.vn", `10.1.0.${i}`, now)).toBe(true);
      recordPasswordResetRequest("nobody@test.vn", `10.1.0.${i}`, now - (3 - i) * 1000);
    }
    expect(passwordResetAllowed("nobody@test.vn", "10.1.0.9", now)).toBe(false);
    expect(passwordResetAllowed("other@test.vn", "10.1.0.9", now)).toBe(true);
    expect(passwordResetAllowed("nobody@test.vn", "10.1.0.9", now + 60 * 60_000)).toBe(true);
  });

  it("allows twenty requests from one address per hour, whatever the emails", () => {
    const now = Date.now();
    for (let i = 0; i < 20; i++) recordPasswordResetRequest(`u${i}@test.vn`, "10.2.0.1", now - 1000);
    expect(passwordResetAllowed("fresh@test.vn", "10.2.0.1", now)).toBe(false);
    expect(passwordResetAllowed("fresh@test.vn", "10.2.0.2", now)).toBe(true);
  });
});
