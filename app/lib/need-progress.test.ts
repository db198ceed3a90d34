import { describe, expect, it } from "vitest";
import { DAY_MS } from "./local-date";
import { daysUntil, needBanner, needStep } from "./need-progress";

const now = Date.UTC(2026, 10, 29, 3);

describe("needStep", () => {
  it("follows the need, then its engagement", () => {
    expect(needStep("draft", null)).toEqual({ step: "draft", stopped: false });
    expect(needStep("open", null)).toEqual({ step: "open", stopped: false });
    expect(needStep("evaluating", null)).toEqual({ step: "evaluating", stopped: false });
    expect(needStep("awarded", "active")).toEqual({ step: "delivery", stopped: false });
    expect(needStep("awarded", "completed")).toEqual({ step: "completed", stopped: false });
    expect(needStep("awarded", null)).toEqual({ step: "awarded", stopped: false });
  });

  it("stops where a need ended without an award", () => {
    expect(needStep("expired", null)).toEqual({ step: "open", stopped: true });
    expect(needStep("cancelled", null, { publishedAt: null, hadBids: false })).toEqual({
      step: "draft",
      stopped: true,
    });
    expect(needStep("cancelled", null, { publishedAt: now, hadBids: false })).toEqual({ step: "open", stopped: true });
    expect(needStep("cancelled", null, { publishedAt: now, hadBids: true })).toEqual({
      step: "evaluating",
      stopped: true,
    });
    expect(needStep("awarded", "terminated")).toEqual({ step: "delivery", stopped: true });
  });
});

describe("needBanner", () => {
  const base = { deadline: now + 5 * DAY_MS, bidCount: 2, engagement: null, now };
  it("says how many days are left while bidding is open, counting a part of a day", () => {
    expect(needBanner({ ...base, status: "open" })).toEqual({ kind: "open", daysLeft: 5, bidCount: 2 });
    expect(daysUntil(now + DAY_MS / 2, now)).toBe(1);
    expect(daysUntil(now - DAY_MS, now)).toBe(0);
  });

  it("asks the owner to compare the bids once bidding has closed", () => {
    expect(needBanner({ ...base, status: "evaluating", bidCount: 5 })).toEqual({ kind: "compare", bidCount: 5 });
  });

  it("points to the engagement after the award", () => {
    expect(needBanner({ ...base, status: "awarded", engagement: { id: "e1", status: "active" } })).toEqual({
      kind: "delivery",
      engagementId: "e1",
    });
    expect(needBanner({ ...base, status: "awarded", engagement: { id: "e1", status: "completed" } })).toEqual({
      kind: "completed",
      engagementId: "e1",
    });
  });

  it("asks to publish a draft, and says when a need ended", () => {
    expect(needBanner({ ...base, status: "draft" })).toEqual({ kind: "publish" });
    expect(needBanner({ ...base, status: "expired" })).toEqual({ kind: "expired" });
    expect(needBanner({ ...base, status: "cancelled" })).toEqual({ kind: "cancelled" });
  });
});
