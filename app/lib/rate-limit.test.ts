import { describe, expect, it } from "vitest";
import { createWindowLimiter, lockedUntil, overLimit, SIGN_IN_POLICY } from "./rate-limit";

const MIN = 60_000;
const now = Date.UTC(2026, 10, 23, 8, 0);

describe("sign-in lockout", () => {
  it("allows four failures", () => {
    const failures = [1, 2, 3, 4].map((i) => now - i * MIN);
    expect(lockedUntil(failures, now)).toBeNull();
  });

  it("locks for 15 minutes after the fifth failure within 15 minutes", () => {
    const failures = [10, 8, 6, 4, 2].map((i) => now - i * MIN);
    expect(lockedUntil(failures, now)).toBe(now - 2 * MIN + 15 * MIN);
  });

  it("unlocks once 15 minutes have passed since the fifth failure", () => {
    const failures = [20, 19, 18, 17, 16].map((i) => now - i * MIN);
    expect(lockedUntil(failures, now)).toBeNull();
    expect(lockedUntil(failures, now - 2 * MIN)).not.toBeNull();
  });

  it("does not count five failures spread over more than 15 minutes", () => {
    const failures = [28, 21, 14, 7, 0].map((i) => now - i * MIN);
    expect(lockedUntil(failures, now)).toBeNull();
  });

  it("ignores failures in the future (clock skew) and orders its input itself", () => {
    const failures = [now + MIN, now - MIN, now - 3 * MIN, now - 2 * MIN, now - 4 * MIN];
    expect(lockedUntil(failures, now)).toBeNull();
    expect(lockedUntil([...failures, now - 5 * MIN], now)).toBe(now - MIN + SIGN_IN_POLICY.lockMs);
  });
});

describe("count limit", () => {
  it("counts only events inside the window", () => {
    const events = [now - 61 * MIN, now - 30 * MIN, now - 10 * MIN];
    expect(overLimit(events, now, 2, 60 * MIN)).toBe(true);
    expect(overLimit(events, now, 3, 60 * MIN)).toBe(false);
  });
});

describe("the general per-address limit", () => {
  it("lets 60 requests a minute through from one address and refuses the 61st", () => {
    const limiter = createWindowLimiter(60, MIN);
    for (let i = 0; i < 60; i++) expect(limiter.hit("10.0.0.1", now + i * 100)).toBe(true);
    expect(limiter.hit("10.0.0.1", now + 6_100)).toBe(false);
    expect(limiter.hit("10.0.0.2", now + 6_100)).toBe(true);
  });

  it("lets requests through again once the window has moved on", () => {
    const limiter = createWindowLimiter(2, MIN);
    expect(limiter.hit("a", now)).toBe(true);
    expect(limiter.hit("a", now + 1)).toBe(true);
    expect(limiter.hit("a", now + 2)).toBe(false);
    expect(limiter.hit("a", now + MIN)).toBe(true);
    expect(limiter.hit("a", now + MIN)).toBe(false);
  });

  it("forgets idle addresses, so memory stays bounded", () => {
    const limiter = createWindowLimiter(5, MIN);
    for (let i = 0; i < 1000; i++) limiter.hit(`10.0.${i >> 8}.${i & 255}`, now);
    expect(limiter.size).toBe(1000);
    limiter.hit("late", now + 2 * MIN);
    expect(limiter.size).toBe(1);
  });
});
