import { describe, expect, it } from "vitest";
import type { VendorStatus } from "./reference";
import { VENDOR_STATUSES } from "./reference";
import {
  addMonths,
  canEditDossier,
  effectiveStatus,
  isVettedNow,
  transition,
  VENDOR_ACTIONS,
  type VendorAction,
} from "./vendor-lifecycle";

const now = Date.UTC(2026, 10, 23, 3, 0);
const DAY = 86_400_000;
const state = (status: VendorStatus, vettingExpiresAt: number | null = null) => ({ status, vettingExpiresAt });

describe("vendor transitions", () => {
  const legal: [VendorStatus, VendorAction, VendorStatus][] = [
    ["draft", "submit", "submitted"],
    ["changes_requested", "submit", "submitted"],
    ["submitted", "approve", "vetted"],
    ["submitted", "request_changes", "changes_requested"],
    ["submitted", "reject", "rejected"],
    ["suspended", "reinstate", "vetted"],
  ];

  it.each(legal)("%s —%s→ %s", (from, action, to) => {
    const result = transition(state(from, from === "suspended" ? now + 100 * DAY : null), action, now);
    expect(result).toMatchObject({ ok: true, next: { status: to } });
  });

  it("vetted —suspend→ suspended while the vetting is valid", () => {
    expect(transition(state("vetted", now + DAY), "suspend", now)).toMatchObject({
      ok: true,
      next: { status: "suspended" },
    });
  });

  it("refuses every other transition", () => {
    const allowed = new Set([...legal.map(([f, a]) => `${f}:${a}`), "vetted:suspend"]);
    for (const from of VENDOR_STATUSES) {
      for (const action of VENDOR_ACTIONS) {
        if (allowed.has(`${from}:${action}`)) continue;
        const expires = from === "vetted" ? now + DAY : null;
        expect(transition(state(from, expires), action, now), `${from} ${action}`).toMatchObject({ ok: false });
      }
    }
  });

  it("approval makes the vetting valid for 12 months", () => {
    const result = transition(state("submitted"), "approve", now);
    expect(result.ok && result.next.vettingExpiresAt).toBe(Date.UTC(2027, 10, 23, 3, 0));
  });

  it("reinstatement keeps the original expiry", () => {
    const result = transition(state("suspended", now + 30 * DAY), "reinstate", now);
    expect(result.ok && result.next.vettingExpiresAt).toBe(now + 30 * DAY);
  });
});

describe("expiry", () => {
  it("a vetted vendor is vetted until the expiry moment, then expired", () => {
    const s = state("vetted", now + DAY);
    expect(isVettedNow(s, now)).toBe(true);
    expect(effectiveStatus(s, now + DAY - 1)).toBe("vetted");
    expect(effectiveStatus(s, now + DAY)).toBe("expired");
    expect(isVettedNow(s, now + DAY)).toBe(false);
  });

  it("an expired vendor may edit and submit again, and may not be suspended", () => {
    const s = state("vetted", now - DAY);
    expect(canEditDossier(s, now)).toBe(true);
    const again = transition(s, "submit", now);
    expect(again).toMatchObject({ ok: true, next: { status: "submitted", vettingExpiresAt: null } });
    expect(transition(s, "suspend", now)).toMatchObject({ ok: false, from: "expired" });
  });

  it("a suspended vendor is not vetted, even with time left", () => {
    expect(isVettedNow(state("suspended", now + 100 * DAY), now)).toBe(false);
  });

  it("only draft, changes requested and expired dossiers can be edited", () => {
    expect(canEditDossier(state("draft"), now)).toBe(true);
    expect(canEditDossier(state("changes_requested"), now)).toBe(true);
    expect(canEditDossier(state("submitted"), now)).toBe(false);
    expect(canEditDossier(state("vetted", now + DAY), now)).toBe(false);
    expect(canEditDossier(state("rejected"), now)).toBe(false);
    expect(canEditDossier(state("suspended", now + DAY), now)).toBe(false);
  });

  it("adds calendar months", () => {
    expect(addMonths(Date.UTC(2028, 1, 29), 12)).toBe(Date.UTC(2029, 2, 1));
  });
});
