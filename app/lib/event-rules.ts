/**
 * Events and their registrations (docs/product.md "Events and knowledge", ADR 013), with no I/O:
 * the enums the schema, the models and the forms share, and the rules a registration keeps.
 */
import { DAY_MS } from "./local-date";

export const EVENT_TYPES = ["workshop", "course", "webinar", "conference"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_AUDIENCES = ["sme", "vendor", "everyone"] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

/** `draft`: only staff see it; `published`: listed and open for registration; `cancelled`: with a reason. */
export const EVENT_STATUSES = ["draft", "published", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** `registered` holds a seat; `waitlisted` waits for one, first come first served; `cancelled` by the person. */
export const REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** How long before the start the reminder goes out. */
export const REMINDER_BEFORE_MS = DAY_MS;

export type EventTimes = { startsAt: number; endsAt: number; registrationDeadline: number };

/** Why a person may not register now, or null when they may. */
export function registrationRefusal(
  event: EventTimes & { status: EventStatus },
  now: number,
): "not_published" | "deadline_passed" | null {
  if (event.status !== "published") return "not_published";
  if (now > event.registrationDeadline || now >= event.startsAt) return "deadline_passed";
  return null;
}

/** A registration (or a place on the waitlist) may be cancelled until the event starts. */
export function cancellationRefusal(event: { startsAt: number }, now: number): "started" | null {
  return now >= event.startsAt ? "started" : null;
}

/** Whether the next person gets a seat or a place on the waitlist. */
export function seatFor(capacity: number, registered: number): "registered" | "waitlisted" {
  return registered < capacity ? "registered" : "waitlisted";
}

/** The times of an event in order: deadline no later than the start, the start before the end. */
export function timesProblem(times: EventTimes): "endsBeforeStart" | "deadlineAfterStart" | null {
  if (times.endsAt <= times.startsAt) return "endsBeforeStart";
  if (times.registrationDeadline > times.startsAt) return "deadlineAfterStart";
  return null;
}

/** Attendance as a share of the people registered (0–1), null when nobody was registered. */
export function attendanceRate(registered: number, attended: number): number | null {
  return registered > 0 ? attended / registered : null;
}

/** `yyyy-mm` months for the list's month filter; null when not one. */
export function isMonth(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
