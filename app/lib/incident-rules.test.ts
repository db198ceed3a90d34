import { describe, expect, it } from "vitest";
import {
  daysOpen,
  incidentTransition,
  oldestFirst,
  parseIncidentFilters,
  ratingRefusal,
  statusesOf,
} from "./incident-rules";

describe("incident transitions", () => {
  it("assigning moves an open or in-progress incident to in progress", () => {
    expect(incidentTransition("assign", "open")).toEqual({ ok: true, to: "in_progress", assignFirst: false });
    expect(incidentTransition("assign", "in_progress")).toEqual({ ok: true, to: "in_progress", assignFirst: false });
  });

  it("resolving an open incident assigns the resolver first", () => {
    expect(incidentTransition("resolve", "open")).toEqual({ ok: true, to: "resolved", assignFirst: true });
    expect(incidentTransition("resolve", "in_progress")).toEqual({ ok: true, to: "resolved", assignFirst: false });
  });

  it("a resolved incident takes no further action", () => {
    expect(incidentTransition("assign", "resolved")).toEqual({ ok: false, error: "illegal_transition" });
    expect(incidentTransition("resolve", "resolved")).toEqual({ ok: false, error: "illegal_transition" });
  });
});

describe("rating the handling", () => {
  const resolved = { raisedBy: "u1", status: "resolved" as const, handlingRating: null };
  it("is for the raiser, once the incident is resolved, once, 1 to 5", () => {
    expect(ratingRefusal(resolved, "u1", 1)).toBeNull();
    expect(ratingRefusal(resolved, "u1", 5)).toBeNull();
    expect(ratingRefusal(resolved, "u2", 4)).toBe("not_raiser");
    expect(ratingRefusal({ ...resolved, status: "in_progress" }, "u1", 4)).toBe("not_resolved");
    expect(ratingRefusal({ ...resolved, handlingRating: 3 }, "u1", 4)).toBe("already_rated");
    expect(ratingRefusal(resolved, "u1", 0)).toBe("bad_rating");
    expect(ratingRefusal(resolved, "u1", 6)).toBe("bad_rating");
    expect(ratingRefusal(resolved, "u1", 2.5)).toBe("bad_rating");
  });
});

describe("triage filters", () => {
  it("default to open and in progress, any category, anyone's", () => {
    expect(parseIncidentFilters(new URLSearchParams())).toEqual({
      status: "active",
      category: undefined,
      assignee: "anyone",
    });
    expect(statusesOf("active")).toEqual(["open", "in_progress"]);
  });

  it("read known values and ignore the rest", () => {
    expect(parseIncidentFilters(new URLSearchParams("status=resolved&category=payment&assignee=mine"))).toEqual({
      status: "resolved",
      category: "payment",
      assignee: "mine",
    });
    expect(parseIncidentFilters(new URLSearchParams("status=x&category=y&assignee=z"))).toEqual({
      status: "active",
      category: undefined,
      assignee: "anyone",
    });
    expect(statusesOf("all")).toEqual(["open", "in_progress", "resolved"]);
  });

  it("list open work oldest first and history newest first", () => {
    expect(oldestFirst("active")).toBe(true);
    expect(oldestFirst("open")).toBe(true);
    expect(oldestFirst("resolved")).toBe(false);
    expect(oldestFirst("all")).toBe(false);
  });

  it("count whole days open", () => {
    expect(daysOpen(0, 86_400_000 - 1)).toBe(0);
    expect(daysOpen(0, 86_400_000 * 3)).toBe(3);
    expect(daysOpen(10, 0)).toBe(0);
  });
});
