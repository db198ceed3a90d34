import { describe, expect, it } from "vitest";
import { formatCursor, isUserId, parseAuditFilters, parseCursor, subjectHref } from "./audit-filters";
import { endOfLocalDay, startOfLocalDay } from "./local-date";

describe("audit filters", () => {
  it("read the actor, the action and Ho Chi Minh City days", () => {
    const { filters, page } = parseAuditFilters(
      new URLSearchParams("actor= lan@x.vn &action=sign_in&from=2026-03-01&to=2026-03-02"),
    );
    expect(filters).toEqual({
      actor: "lan@x.vn",
      action: "sign_in",
      from: "2026-03-01",
      to: "2026-03-02",
      fromBoxes: { day: "1", month: "3", year: "2026" },
      toBoxes: { day: "2", month: "3", year: "2026" },
      fromAt: startOfLocalDay("2026-03-01"),
      toAt: endOfLocalDay("2026-03-02"),
    });
    expect(new Date(filters.fromAt!).toISOString()).toBe("2026-02-28T17:00:00.000Z");
    expect(page).toEqual({ after: undefined });
  });

  it("ignore malformed dates, swap a reversed range and keep actions to their alphabet", () => {
    const { filters } = parseAuditFilters(new URLSearchParams("from=2026-02-30&to=x&action=sign_in';--"));
    expect(filters.from).toBe("");
    expect(filters.fromAt).toBeUndefined();
    expect(filters.toAt).toBeUndefined();
    expect(filters.action).toBe("sign_in");
    const swapped = parseAuditFilters(new URLSearchParams("from=2026-03-05&to=2026-03-01")).filters;
    expect([swapped.from, swapped.to]).toEqual(["2026-03-01", "2026-03-05"]);
  });

  it("read dates typed as three boxes, keeping them as typed", () => {
    const { filters } = parseAuditFilters(
      new URLSearchParams("from.day=05&from.month=3&from.year=2026&to.day=&to.month=&to.year="),
    );
    expect(filters.from).toBe("2026-03-05");
    expect(filters.fromAt).toBe(startOfLocalDay("2026-03-05"));
    expect(filters.fromBoxes).toEqual({ day: "05", month: "3", year: "2026" });
    expect(filters.to).toBe("");
    expect(filters.toAt).toBeUndefined();
    expect(filters.fromError).toBeUndefined();
    expect(filters.toError).toBeUndefined();
  });

  it("say why a typed date is not applied, and apply the other", () => {
    const { filters } = parseAuditFilters(
      new URLSearchParams("from.day=31&from.month=4&from.year=2026&to.day=2&to.month=5&to.year=2026"),
    );
    expect(filters.fromError).toBe("errors.dateInput.notReal");
    expect(filters.fromAt).toBeUndefined();
    expect(filters.fromBoxes).toEqual({ day: "31", month: "4", year: "2026" });
    expect(filters.toAt).toBe(endOfLocalDay("2026-05-02"));
    const missing = parseAuditFilters(new URLSearchParams("to.day=2&to.year=2026")).filters;
    expect(missing.toError).toBe("errors.dateInput.missingMonth");
    expect(missing.toAt).toBeUndefined();
  });

  it("read a cursor, preferring `before`", () => {
    expect(parseAuditFilters(new URLSearchParams("before=1700000000000-42")).page).toEqual({
      before: { at: 1_700_000_000_000, id: 42 },
    });
    expect(parseAuditFilters(new URLSearchParams("after=5-6")).page).toEqual({ after: { at: 5, id: 6 } });
    expect(parseCursor("x-1")).toBeUndefined();
    expect(formatCursor({ at: 5, id: 6 })).toBe("5-6");
  });

  it("tell a user id from text", () => {
    expect(isUserId("3f2a1c9e-1111-4222-8333-944455556666")).toBe(true);
    expect(isUserId("lan@x.vn")).toBe(false);
  });
});

describe("audit subjects", () => {
  it("link to their pages when they have one", () => {
    expect(subjectHref("incident", "i1")).toBe("/staff/incidents/i1");
    expect(subjectHref("user", "u1")).toBe("/admin/users/u1");
    expect(subjectHref("setting", "support_rates")).toBeNull();
    expect(subjectHref(null, null)).toBeNull();
  });
});
