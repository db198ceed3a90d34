import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-date";
import { allowedNeedActions, deadlineFarEnough, effectiveNeedStatus, needActionAllowed } from "./need-status";

const now = Date.UTC(2026, 10, 23, 3, 0);

describe("need status when read", () => {
  it("keeps an open need open until its deadline", () => {
    expect(effectiveNeedStatus({ status: "open", deadline: now + 1, bidCount: 0, now })).toBe("open");
  });

  it("reads an open need past its deadline as evaluating with bids, expired without", () => {
    expect(effectiveNeedStatus({ status: "open", deadline: now, bidCount: 2, now })).toBe("evaluating");
    expect(effectiveNeedStatus({ status: "open", deadline: now - DAY_MS, bidCount: 0, now })).toBe("expired");
  });

  it("leaves every other stored status as it is", () => {
    for (const status of ["draft", "evaluating", "awarded", "cancelled", "expired"] as const) {
      expect(effectiveNeedStatus({ status, deadline: now - DAY_MS, bidCount: 3, now })).toBe(status);
    }
  });
});

describe("need actions", () => {
  it("allow publishing only drafts, editing drafts and open needs, closing open ones", () => {
    expect(allowedNeedActions("draft")).toEqual(["edit", "publish", "cancel"]);
    expect(allowedNeedActions("open")).toEqual(["edit", "close", "cancel"]);
    expect(allowedNeedActions("evaluating")).toEqual(["cancel"]);
    for (const status of ["awarded", "cancelled", "expired"] as const) expect(allowedNeedActions(status)).toEqual([]);
    expect(needActionAllowed("publish", "cancelled")).toBe(false);
  });

  it("want a deadline at least a day away", () => {
    expect(deadlineFarEnough(now + DAY_MS, now)).toBe(true);
    expect(deadlineFarEnough(now + DAY_MS - 1, now)).toBe(false);
  });
});
