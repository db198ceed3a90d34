import { describe, expect, it } from "vitest";
import { checkinPath, checkinToken, verifyCheckinToken } from "./checkin-token";

const secret = "a-test-secret-of-at-least-thirty-two-chars";

describe("the signed check-in link", () => {
  const token = checkinToken(secret, "event-1", "registration-1");

  it("names its registration when it is for this event", () => {
    expect(verifyCheckinToken(secret, "event-1", token)).toBe("registration-1");
    expect(checkinPath(secret, "event-1", "registration-1")).toBe(`/staff/events/event-1/check-in/${token}`);
  });

  it("is refused for another event", () => {
    expect(verifyCheckinToken(secret, "event-2", token)).toBeNull();
  });

  it("is refused when tampered with", () => {
    const [, sig] = token.split(".");
    expect(verifyCheckinToken(secret, "event-1", `registration-2.${sig}`)).toBeNull();
    const flipped = sig!.slice(0, -1) + (sig!.endsWith("A") ? "B" : "A");
    expect(verifyCheckinToken(secret, "event-1", `registration-1.${flipped}`)).toBeNull();
    expect(verifyCheckinToken(secret, "event-1", "registration-1")).toBeNull();
    expect(verifyCheckinToken(secret, "event-1", `registration-1.${sig}x`)).toBeNull();
  });

  it("is refused under another key", () => {
    expect(verifyCheckinToken("another-secret-of-at-least-thirty-two-c", "event-1", token)).toBeNull();
  });
});
