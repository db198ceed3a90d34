import { describe, expect, it } from "vitest";
import { recordSignInFailure, signInLockedUntil } from "./rate-limits.server";

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
