import { describe, expect, it } from "vitest";
import { getSqlite } from "../../db/client.server";
import { createUser } from "../../db/test/factories";
import { rowCount } from "../../db/test/transitions";
import { DAY_MS } from "~/lib/local-date";
import {
  attendanceByEvent,
  cancelEvent,
  cancelRegistration,
  checkinRegistration,
  createEvent,
  getEventForViewer,
  markAttendance,
  registerForEvent,
  sendDueReminders,
  updateEvent,
  type EventInput,
} from "./events.server";

const HOUR = 3_600_000;
const staff = () => {
  const u = createUser({ role: "staff" });
  return { id: u.id, role: "staff" as const };
};
const sme = () => {
  const u = createUser({ role: "sme" });
  return { id: u.id, role: "sme" as const };
};
const vendor = () => {
  const u = createUser({ role: "vendor" });
  return { id: u.id, role: "vendor" as const };
};

export function eventInput(overrides: Partial<EventInput> = {}, now = Date.now()): EventInput {
  return {
    type: "workshop",
    title: "Hội thảo hóa đơn điện tử",
    description: "Hướng dẫn Nghị định 123/2020/NĐ-CP",
    audience: "everyone",
    organiser: "HUBA",
    category: "e_invoice",
    startsAt: now + 3 * DAY_MS,
    endsAt: now + 3 * DAY_MS + 3 * HOUR,
    registrationDeadline: now + 2 * DAY_MS,
    street: "86 Lê Thánh Tôn",
    ward: "Phường Sài Gòn",
    city: "TP. Hồ Chí Minh",
    onlineUrl: null,
    capacity: 1,
    ...overrides,
  };
}

export function publishedEvent(overrides: Partial<EventInput> = {}) {
  const created = createEvent(staff(), eventInput(overrides), { publish: true });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.eventId;
}

const statusOf = (eventId: string, userId: string) =>
  getSqlite()
    .prepare("SELECT status FROM event_registrations WHERE event_id = ? AND user_id = ?")
    .pluck()
    .get(eventId, userId);
const kindsFor = (userId: string) =>
  getSqlite().prepare("SELECT kind FROM notifications WHERE user_id = ? ORDER BY created_at").pluck().all(userId);

describe("capacity and the waitlist", () => {
  it("seats people up to the capacity, then puts them on the waitlist in order", () => {
    const eventId = publishedEvent({ capacity: 2 });
    const [a, b, c, d] = [sme(), vendor(), sme(), vendor()];
    expect(registerForEvent(eventId, a)).toEqual({ ok: true, status: "registered" });
    expect(registerForEvent(eventId, b)).toEqual({ ok: true, status: "registered" });
    expect(registerForEvent(eventId, c)).toEqual({ ok: true, status: "waitlisted" });
    expect(registerForEvent(eventId, d)).toEqual({ ok: true, status: "waitlisted" });
    expect(getEventForViewer(eventId, d).registration?.waitlistPosition).toBe(2);
    expect(registerForEvent(eventId, a)).toEqual({ ok: false, error: "already_registered" });
    expect(kindsFor(a.id)).toEqual(["event_registered"]);
    expect(kindsFor(c.id)).toEqual(["event_waitlisted"]);
  });

  it("gives a freed seat to the first person waiting, who is told and mailed the .ics", () => {
    const eventId = publishedEvent({ capacity: 1 });
    const [a, b, c] = [sme(), vendor(), sme()];
    registerForEvent(eventId, a);
    registerForEvent(eventId, b);
    registerForEvent(eventId, c);
    expect(cancelRegistration(eventId, a)).toEqual({ ok: true, promoted: 1 });
    expect(statusOf(eventId, a.id)).toBe("cancelled");
    expect(statusOf(eventId, b.id)).toBe("registered");
    expect(statusOf(eventId, c.id)).toBe("waitlisted");
    expect(kindsFor(b.id)).toEqual(["event_waitlisted", "event_promoted"]);
    const mail = getSqlite()
      .prepare(
        'SELECT attachments FROM outbox WHERE "to" = (SELECT email FROM users WHERE id = ?) ORDER BY id DESC LIMIT 1',
      )
      .pluck()
      .get(b.id) as string;
    const [ics] = JSON.parse(mail) as { filename: string; contentType: string; content: string }[];
    expect(ics!.contentType).toMatch(/^text\/calendar/);
    expect(ics!.content).toContain("BEGIN:VEVENT");
    // Someone on the waitlist leaving frees no seat.
    expect(cancelRegistration(eventId, c)).toEqual({ ok: true, promoted: 0 });
  });

  it("lets a person come back after cancelling, at the end of the queue", () => {
    const eventId = publishedEvent({ capacity: 1 });
    const [a, b] = [sme(), vendor()];
    registerForEvent(eventId, a);
    registerForEvent(eventId, b);
    cancelRegistration(eventId, a);
    expect(registerForEvent(eventId, a)).toEqual({ ok: true, status: "waitlisted" });
    const rows = getSqlite()
      .prepare("SELECT count(*) FROM event_registrations WHERE event_id = ?")
      .pluck()
      .get(eventId);
    expect(rows).toBe(2);
  });

  it("promotes people waiting when staff raise the capacity, and refuses one below the seats taken", () => {
    const eventId = publishedEvent({ capacity: 1 });
    const [a, b, c] = [sme(), vendor(), sme()];
    for (const p of [a, b, c]) registerForEvent(eventId, p);
    const s = staff();
    expect(updateEvent(eventId, s, eventInput({ capacity: 0 }))).toMatchObject({ ok: false, field: "capacity" });
    expect(updateEvent(eventId, s, eventInput({ capacity: 3 }))).toEqual({ ok: true });
    expect([a, b, c].map((p) => statusOf(eventId, p.id))).toEqual(["registered", "registered", "registered"]);
  });

  it("keeps registrations to the event's audience and out of staff", () => {
    const eventId = publishedEvent({ audience: "sme" });
    expect(registerForEvent(eventId, vendor())).toEqual({ ok: false, error: "audience" });
    expect(registerForEvent(eventId, staff())).toEqual({ ok: false, error: "role" });
  });
});

describe("the registration deadline and the start", () => {
  it("refuses registrations after the deadline and cancellations after the start", () => {
    const now = Date.now();
    const deadline = now + 2 * DAY_MS;
    const eventId = publishedEvent({
      capacity: 5,
      registrationDeadline: deadline,
      startsAt: now + 3 * DAY_MS,
      endsAt: now + 3 * DAY_MS + HOUR,
    });
    const a = sme();
    registerForEvent(eventId, a, now);
    expect(registerForEvent(eventId, sme(), deadline + 1)).toEqual({ ok: false, error: "deadline_passed" });
    expect(registerForEvent(eventId, sme(), deadline)).toMatchObject({ ok: true });
    expect(cancelRegistration(eventId, a, now + 3 * DAY_MS)).toEqual({ ok: false, error: "started" });
    expect(cancelRegistration(eventId, a, now + 3 * DAY_MS - 1)).toMatchObject({ ok: true });
  });

  it("takes no registration for a draft", () => {
    const created = createEvent(staff(), eventInput());
    if (!created.ok) throw new Error("not created");
    expect(registerForEvent(created.eventId, sme())).toEqual({ ok: false, error: "not_published" });
  });

  it("refuses times out of order and an event with neither place nor link", () => {
    const s = staff();
    const now = Date.now();
    expect(createEvent(s, eventInput({ endsAt: now + 3 * DAY_MS }, now), { now })).toMatchObject({ field: "endTime" });
    expect(createEvent(s, eventInput({ registrationDeadline: now + 4 * DAY_MS }, now))).toMatchObject({
      field: "deadlineDate",
    });
    expect(createEvent(s, eventInput({ street: null, onlineUrl: null }))).toMatchObject({ field: "street" });
  });
});

describe("the online link", () => {
  it("is shown to people holding a seat and staff, not to those waiting or anyone else", () => {
    const eventId = publishedEvent({ capacity: 1, onlineUrl: "https://meet.example.vn/abc", street: null });
    const [a, b] = [sme(), vendor()];
    registerForEvent(eventId, a);
    registerForEvent(eventId, b);
    expect(getEventForViewer(eventId, a).onlineUrl).toBe("https://meet.example.vn/abc");
    expect(getEventForViewer(eventId, b).onlineUrl).toBeNull();
    expect(getEventForViewer(eventId, null).onlineUrl).toBeNull();
    expect(getEventForViewer(eventId, sme()).onlineUrl).toBeNull();
    expect(getEventForViewer(eventId, staff()).onlineUrl).toBe("https://meet.example.vn/abc");
  });
});

describe("cancelling an event", () => {
  it("tells everyone registered or waiting, with the reason", () => {
    const eventId = publishedEvent({ capacity: 1 });
    const [a, b, gone] = [sme(), vendor(), sme()];
    registerForEvent(eventId, gone);
    cancelRegistration(eventId, gone);
    registerForEvent(eventId, a);
    registerForEvent(eventId, b);
    expect(cancelEvent(eventId, staff(), "  ")).toMatchObject({ ok: false, field: "cancelReason" });
    expect(cancelEvent(eventId, staff(), "Diễn giả bị ốm")).toEqual({ ok: true });
    for (const p of [a, b]) {
      const params = getSqlite()
        .prepare("SELECT params FROM notifications WHERE user_id = ? AND kind = 'event_cancelled'")
        .pluck()
        .get(p.id) as string;
      expect(JSON.parse(params)).toMatchObject({ reason: "Diễn giả bị ốm" });
    }
    expect(kindsFor(gone.id)).not.toContain("event_cancelled");
    expect(registerForEvent(eventId, sme())).toEqual({ ok: false, error: "not_published" });
  });
});

describe("attendance and reminders", () => {
  it("marks registered people present from 12 hours before the start, and counts the rate", () => {
    const now = Date.now();
    const eventId = publishedEvent({ capacity: 3 });
    const people = [sme(), vendor(), sme()];
    for (const p of people) registerForEvent(eventId, p, now);
    const ids = getSqlite()
      .prepare("SELECT id FROM event_registrations WHERE event_id = ? ORDER BY queued_at")
      .pluck()
      .all(eventId) as string[];
    const s = staff();
    expect(markAttendance(eventId, ids[0]!, s, true, now)).toEqual({ ok: false, error: "too_early" });
    const during = now + 3 * DAY_MS + HOUR;
    expect(markAttendance(eventId, ids[0]!, s, true, during)).toEqual({ ok: true, already: false });
    expect(markAttendance(eventId, ids[0]!, s, true, during)).toEqual({ ok: true, already: true });
    expect(markAttendance(eventId, ids[1]!, s, true, during)).toEqual({ ok: true, already: false });
    expect(markAttendance(eventId, ids[1]!, s, false, during)).toEqual({ ok: true, already: false });
    const rows = attendanceByEvent({ start: now, end: now + 10 * DAY_MS, now: during });
    expect(rows.find((r) => r.id === eventId)).toMatchObject({ registered: 3, attended: 1 });
  });

  it("sends the reminder once, about 24 hours before the start", () => {
    const now = Date.now();
    const eventId = publishedEvent({
      capacity: 2,
      startsAt: now + 20 * HOUR,
      endsAt: now + 22 * HOUR,
      registrationDeadline: now + 10 * HOUR,
    });
    const [a, b] = [sme(), vendor()];
    registerForEvent(eventId, a, now);
    registerForEvent(eventId, b, now);
    cancelRegistration(eventId, b, now);
    const before = rowCount("outbox");
    expect(sendDueReminders(now).reminders).toBeGreaterThanOrEqual(1);
    expect(kindsFor(a.id)).toContain("event_reminder");
    expect(kindsFor(b.id)).not.toContain("event_reminder");
    expect(rowCount("outbox")).toBeGreaterThan(before);
    const again = rowCount("outbox");
    sendDueReminders(now + HOUR);
    expect(kindsFor(a.id).filter((k) => k === "event_reminder")).toHaveLength(1);
    expect(rowCount("outbox")).toBe(again);
  });
});

describe("the QR check-in link", () => {
  it("names the person for its own event only", async () => {
    const { checkinToken } = await import("~/lib/checkin-token");
    const { checkinSecret } = await import("~/utils/env.server");
    const eventId = publishedEvent({ capacity: 2 });
    const otherEvent = publishedEvent({ capacity: 2 });
    const a = sme();
    registerForEvent(eventId, a);
    const id = getSqlite()
      .prepare("SELECT id FROM event_registrations WHERE event_id = ? AND user_id = ?")
      .pluck()
      .get(eventId, a.id) as string;
    const token = checkinToken(checkinSecret(), eventId, id);
    expect(checkinRegistration(eventId, token)).toMatchObject({ id, status: "registered", attendedAt: null });
    expect(checkinRegistration(otherEvent, token)).toBeNull();
    expect(checkinRegistration(eventId, token.slice(0, -2) + "xx")).toBeNull();
  });
});
