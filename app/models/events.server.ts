/**
 * Events, their registrations and waitlist, attendance and reminders (docs/product.md "Events and
 * knowledge", ADR 013). Every state change is one call in one immediate transaction (ADR 006):
 * it re-reads the event and the registration, writes with compare-and-set, and writes its audit
 * entry and its notifications (with their mail) through the same `tx`. Seats are counted inside
 * that transaction, so two registrations and two cancellations arriving together can never leave
 * more people registered than the capacity, and a freed seat goes to the first person waiting.
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb, schema, type DbOrTx, type Tx } from "../../db/client.server";
import { checkinPath, verifyCheckinToken } from "~/lib/checkin-token";
import {
  attendanceRate,
  cancellationRefusal,
  registrationRefusal,
  REMINDER_BEFORE_MS,
  seatFor,
  timesProblem,
  type EventAudience,
  type EventStatus,
  type EventType,
  type RegistrationStatus,
} from "~/lib/event-rules";
import { eventIcs, icsFilename, ICS_CONTENT_TYPE } from "~/lib/ics";
import { localMonthBounds } from "~/lib/local-datetime";
import { hasRole } from "~/lib/permissions";
import type { Category, Role, StaffOrganisation } from "~/lib/reference";
import { checkinSecret } from "~/utils/env.server";
import { siteUrl, type MailAttachment } from "~/utils/email.server";
import { recordAudit } from "./audit.server";
import { notify } from "./notifications.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { pageCount } from "~/lib/paging";

export type EventInput = {
  type: EventType;
  title: string;
  description: string;
  audience: EventAudience;
  organiser: StaffOrganisation;
  category: Category | null;
  startsAt: number;
  endsAt: number;
  registrationDeadline: number;
  street: string | null;
  ward: string | null;
  city: string | null;
  onlineUrl: string | null;
  capacity: number;
};

export type Actor = { id: string; role: Role };
export type Viewer = { id: string; role: Role } | null;

export const EVENTS_PAGE_SIZE = 12;
export const REGISTRATIONS_PAGE_SIZE = 500;
/** Attendance may be marked from this long before the start (people arrive early). */
export const ATTENDANCE_OPENS_BEFORE_MS = 12 * 60 * 60 * 1000;
/** The most reminders one run of the job queues. */
export const REMINDER_BATCH = 200;

type E = typeof schema.events;
type R = typeof schema.eventRegistrations;
const ev: E = schema.events;
const reg: R = schema.eventRegistrations;

export type EventFieldError = { ok: false; error: string; field?: string };

function inputProblem(input: EventInput): EventFieldError | null {
  const times = timesProblem(input);
  if (times === "endsBeforeStart") return { ok: false, error: "events.errors.endsBeforeStart", field: "endTime" };
  if (times === "deadlineAfterStart") {
    return { ok: false, error: "events.errors.deadlineAfterStart", field: "deadlineDate" };
  }
  if (!input.onlineUrl && !(input.street && input.ward && input.city)) {
    return { ok: false, error: "events.errors.placeOrLink", field: "street" };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Staff: create, edit, publish, cancel

export function createEvent(
  staff: Actor,
  input: EventInput,
  { publish = false, now = Date.now() }: { publish?: boolean; now?: number } = {},
): TransitionResult<string, { eventId: string }> | EventFieldError {
  const problem = inputProblem(input);
  if (problem) return problem;
  if (publish && input.startsAt <= now) return { ok: false, error: "events.errors.startInPast", field: "startDate" };
  return transition((tx) => {
    const eventId = crypto.randomUUID();
    tx.insert(ev)
      .values({
        id: eventId,
        ...input,
        status: publish ? "published" : "draft",
        publishedAt: publish ? now : null,
        createdBy: staff.id,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordAudit(
      {
        actorId: staff.id,
        action: publish ? "event_published" : "event_created",
        subjectType: "event",
        subjectId: eventId,
      },
      tx,
    );
    return { ok: true as const, eventId };
  });
}

/**
 * Edits a draft or published event that has not ended. The capacity cannot go below the people
 * already registered; a larger capacity gives the new seats to the first people waiting. People
 * registered or waiting are told when the time or the place changed.
 */
export function updateEvent(
  eventId: string,
  staff: Actor,
  input: EventInput,
  now = Date.now(),
): TransitionResult<string> | EventFieldError {
  const problem = inputProblem(input);
  if (problem) return problem;
  return transition((tx): TransitionResult<string> | EventFieldError => {
    const event = eventRow(eventId, tx);
    if (event.status === "cancelled") return { ok: false, error: "events.errors.cancelled" };
    if (event.endsAt <= now) return { ok: false, error: "events.errors.ended" };
    const seated = seatsTaken(eventId, tx);
    if (input.capacity < seated) {
      return { ok: false, error: "events.errors.capacityBelowRegistered", field: "capacity" };
    }
    expectOneChange(
      tx
        .update(ev)
        .set({ ...input, updatedAt: now })
        .where(and(eq(ev.id, eventId), eq(ev.status, event.status), eq(ev.updatedAt, event.updatedAt)))
        .run(),
      "the event",
    );
    const moved =
      event.startsAt !== input.startsAt ||
      event.endsAt !== input.endsAt ||
      event.street !== input.street ||
      event.ward !== input.ward ||
      event.city !== input.city ||
      event.onlineUrl !== input.onlineUrl;
    const updated = { ...event, ...input };
    if (event.status === "published") {
      if (moved) {
        notify(
          peopleOf(eventId, ["registered", "waitlisted"], tx),
          "event_changed",
          { event: input.title },
          `/events/${eventId}`,
          tx,
        );
      }
      promoteWaiting(tx, updated, now);
    }
    recordAudit({ actorId: staff.id, action: "event_edited", subjectType: "event", subjectId: eventId }, tx);
    return { ok: true };
  });
}

export function publishEvent(eventId: string, staff: Actor, now = Date.now()): TransitionResult<string> {
  return transition((tx): TransitionResult<string> => {
    const event = eventRow(eventId, tx);
    if (event.status !== "draft") return { ok: false, error: "events.errors.notDraft" };
    if (event.startsAt <= now) return { ok: false, error: "events.errors.startInPast" };
    expectOneChange(
      tx
        .update(ev)
        .set({ status: "published", publishedAt: now, updatedAt: now })
        .where(and(eq(ev.id, eventId), eq(ev.status, "draft")))
        .run(),
      "the event",
    );
    recordAudit({ actorId: staff.id, action: "event_published", subjectType: "event", subjectId: eventId }, tx);
    return { ok: true };
  });
}

/** Cancels an event that has not ended: everyone registered or waiting is told why. */
export function cancelEvent(
  eventId: string,
  staff: Actor,
  reason: string,
  now = Date.now(),
): TransitionResult<string> | EventFieldError {
  const why = reason.trim();
  if (!why) return { ok: false, error: "errors.required", field: "cancelReason" };
  return transition((tx): TransitionResult<string> | EventFieldError => {
    const event = eventRow(eventId, tx);
    if (event.status === "cancelled") return { ok: false, error: "events.errors.cancelled" };
    if (event.endsAt <= now) return { ok: false, error: "events.errors.ended" };
    expectOneChange(
      tx
        .update(ev)
        .set({ status: "cancelled", cancelledAt: now, cancelReason: why, updatedAt: now })
        .where(and(eq(ev.id, eventId), eq(ev.status, event.status)))
        .run(),
      "the event",
    );
    notify(
      peopleOf(eventId, ["registered", "waitlisted"], tx),
      "event_cancelled",
      { event: event.title, reason: why },
      `/events/${eventId}`,
      tx,
    );
    recordAudit(
      {
        actorId: staff.id,
        action: "event_cancelled",
        subjectType: "event",
        subjectId: eventId,
        details: { reason: why },
      },
      tx,
    );
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Registration and the waitlist

export type RegisterResult = TransitionResult<
  "not_published" | "deadline_passed" | "already_registered" | "audience" | "role",
  { status: "registered" | "waitlisted" }
>;

/** Who may register for an event of this audience: SMEs, vendors, or both; never staff. */
export function audienceAllows(audience: EventAudience, role: Role): boolean {
  if (role !== "sme" && role !== "vendor") return false;
  return audience === "everyone" || audience === role;
}

/**
 * Registers `user`: a seat while there is one, else the end of the waitlist. One row per person
 * per event (a unique index): registering again after cancelling reuses it.
 */
export function registerForEvent(eventId: string, user: Actor, now = Date.now()): RegisterResult {
  return transition((tx): RegisterResult => {
    const event = eventRow(eventId, tx);
    if (user.role !== "sme" && user.role !== "vendor") return { ok: false, error: "role" };
    const refusal = registrationRefusal(event, now);
    if (refusal) return { ok: false, error: refusal };
    if (!audienceAllows(event.audience, user.role)) return { ok: false, error: "audience" };
    const existing = tx
      .select()
      .from(reg)
      .where(and(eq(reg.eventId, eventId), eq(reg.userId, user.id)))
      .get();
    if (existing && existing.status !== "cancelled") return { ok: false, error: "already_registered" };
    // Nobody skips the queue: with people waiting, a newcomer waits too.
    const waiting = firstWaiting(eventId, tx) !== undefined;
    const status = waiting ? "waitlisted" : seatFor(event.capacity, seatsTaken(eventId, tx));
    const values = {
      status,
      queuedAt: now,
      registeredAt: status === "registered" ? now : null,
      cancelledAt: null,
      attendedAt: null,
      attendanceMarkedBy: null,
      reminderSentAt: null,
      updatedAt: now,
    } as const;
    let registrationId: string;
    if (existing) {
      registrationId = existing.id;
      expectOneChange(
        tx
          .update(reg)
          .set(values)
          .where(and(eq(reg.id, existing.id), eq(reg.status, "cancelled")))
          .run(),
        "the registration",
      );
    } else {
      registrationId = crypto.randomUUID();
      tx.insert(reg)
        .values({ id: registrationId, eventId, userId: user.id, createdAt: now, ...values })
        .run();
    }
    if (status === "registered") {
      notify([user.id], "event_registered", { event: event.title }, `/events/${eventId}`, tx, {
        attachments: [icsAttachment(event, now)],
      });
    } else {
      notify([user.id], "event_waitlisted", { event: event.title }, `/events/${eventId}`, tx);
    }
    recordAudit(
      {
        actorId: user.id,
        action: status === "registered" ? "event_registered" : "event_waitlisted",
        subjectType: "event",
        subjectId: eventId,
      },
      tx,
    );
    return { ok: true, status };
  });
}

export type CancelRegistrationResult = TransitionResult<"not_registered" | "started", { promoted: number }>;

/**
 * Cancels `user`'s registration or place on the waitlist, until the event starts. A freed seat
 * goes, in the same transaction, to the first person waiting, who is told (with the .ics).
 */
export function cancelRegistration(eventId: string, user: Actor, now = Date.now()): CancelRegistrationResult {
  return transition((tx): CancelRegistrationResult => {
    const event = eventRow(eventId, tx);
    const existing = tx
      .select()
      .from(reg)
      .where(and(eq(reg.eventId, eventId), eq(reg.userId, user.id)))
      .get();
    if (!existing || existing.status === "cancelled") return { ok: false, error: "not_registered" };
    const refusal = cancellationRefusal(event, now);
    if (refusal) return { ok: false, error: refusal };
    expectOneChange(
      tx
        .update(reg)
        .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
        .where(and(eq(reg.id, existing.id), eq(reg.status, existing.status)))
        .run(),
      "the registration",
    );
    recordAudit(
      { actorId: user.id, action: "event_registration_cancelled", subjectType: "event", subjectId: eventId },
      tx,
    );
    const promoted = event.status === "published" ? promoteWaiting(tx, event, now) : 0;
    return { ok: true, promoted };
  });
}

/** Gives every free seat to the first people waiting, in order; each is told. Returns how many. */
function promoteWaiting(tx: Tx, event: EventRowT, now: number): number {
  let promoted = 0;
  while (seatsTaken(event.id, tx) < event.capacity) {
    const next = firstWaiting(event.id, tx);
    if (!next) break;
    expectOneChange(
      tx
        .update(reg)
        .set({ status: "registered", registeredAt: now, updatedAt: now })
        .where(and(eq(reg.id, next.id), eq(reg.status, "waitlisted")))
        .run(),
      "the waitlist",
    );
    notify([next.userId], "event_promoted", { event: event.title }, `/events/${event.id}`, tx, {
      attachments: [icsAttachment(event, now)],
    });
    recordAudit(
      {
        action: "event_waitlist_promoted",
        subjectType: "event",
        subjectId: event.id,
        details: { userId: next.userId },
      },
      tx,
    );
    promoted++;
  }
  return promoted;
}

function seatsTaken(eventId: string, db: DbOrTx): number {
  return (
    db
      .select({ n: count() })
      .from(reg)
      .where(and(eq(reg.eventId, eventId), eq(reg.status, "registered")))
      .get()?.n ?? 0
  );
}

function firstWaiting(eventId: string, db: DbOrTx) {
  return db
    .select({ id: reg.id, userId: reg.userId })
    .from(reg)
    .where(and(eq(reg.eventId, eventId), eq(reg.status, "waitlisted")))
    .orderBy(asc(reg.queuedAt), asc(reg.id))
    .limit(1)
    .get();
}

function peopleOf(eventId: string, statuses: RegistrationStatus[], db: DbOrTx): string[] {
  return db
    .select({ userId: reg.userId })
    .from(reg)
    .where(and(eq(reg.eventId, eventId), inArray(reg.status, statuses)))
    .all()
    .map((r) => r.userId);
}

// ---------------------------------------------------------------------------------------------
// Attendance

export type AttendanceResult = TransitionResult<"not_registered" | "too_early" | "cancelled", { already: boolean }>;

/** Marks one registered person present (or not); from 12 hours before the start. */
export function markAttendance(
  eventId: string,
  registrationId: string,
  staff: Actor,
  present: boolean,
  now = Date.now(),
): AttendanceResult {
  return transition((tx): AttendanceResult => {
    const event = eventRow(eventId, tx);
    if (event.status === "cancelled") return { ok: false, error: "cancelled" };
    if (now < event.startsAt - ATTENDANCE_OPENS_BEFORE_MS) return { ok: false, error: "too_early" };
    const row = tx
      .select()
      .from(reg)
      .where(and(eq(reg.id, registrationId), eq(reg.eventId, eventId)))
      .get();
    if (!row || row.status !== "registered") return { ok: false, error: "not_registered" };
    if ((row.attendedAt !== null) === present) return { ok: true, already: true };
    expectOneChange(
      tx
        .update(reg)
        .set({ attendedAt: present ? now : null, attendanceMarkedBy: present ? staff.id : null, updatedAt: now })
        .where(
          and(
            eq(reg.id, registrationId),
            eq(reg.status, "registered"),
            row.attendedAt === null ? isNull(reg.attendedAt) : eq(reg.attendedAt, row.attendedAt),
          ),
        )
        .run(),
      "the registration",
    );
    recordAudit(
      {
        actorId: staff.id,
        action: present ? "event_attendance_marked" : "event_attendance_unmarked",
        subjectType: "event",
        subjectId: eventId,
        details: { registrationId },
      },
      tx,
    );
    return { ok: true, already: false };
  });
}

/** The registration a signed check-in link names, or null when the signature does not hold for this event. */
export function checkinRegistration(eventId: string, token: string) {
  const registrationId = verifyCheckinToken(checkinSecret(), eventId, token);
  if (!registrationId) return null;
  const row = getDb()
    .select({
      id: reg.id,
      status: reg.status,
      attendedAt: reg.attendedAt,
      name: schema.users.name,
      organisation: schema.organisations.legalName,
    })
    .from(reg)
    .innerJoin(schema.users, eq(schema.users.id, reg.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.users.organisationId))
    .where(and(eq(reg.id, registrationId), eq(reg.eventId, eventId)))
    .get();
  return row ?? null;
}

/** The check-in link of a person's registration, for their QR code. */
export function checkinUrl(eventId: string, registrationId: string): string {
  return siteUrl(checkinPath(checkinSecret(), eventId, registrationId));
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * Queues the reminder of every registered person whose event starts within the next 24 hours and
 * who has not had one: each claimed with a compare-and-set on `reminder_sent_at` in the same
 * transaction as its mail, so a reminder goes once even with two servers running the job.
 */
export function sendDueReminders(now = Date.now(), limit = REMINDER_BATCH): { reminders: number } {
  const due = getDb()
    .select({ id: reg.id, userId: reg.userId, eventId: ev.id, title: ev.title, startsAt: ev.startsAt })
    .from(ev)
    .innerJoin(reg, and(eq(reg.eventId, ev.id), eq(reg.status, "registered"), isNull(reg.reminderSentAt)))
    .where(and(eq(ev.status, "published"), gt(ev.startsAt, now), lte(ev.startsAt, now + REMINDER_BEFORE_MS)))
    .limit(limit)
    .all();
  let reminders = 0;
  for (const row of due) {
    const sent = transition((tx) => {
      const claimed = tx
        .update(reg)
        .set({ reminderSentAt: now })
        .where(and(eq(reg.id, row.id), eq(reg.status, "registered"), isNull(reg.reminderSentAt)))
        .run();
      if (claimed.changes !== 1) return { ok: false as const };
      notify([row.userId], "event_reminder", { event: row.title }, `/events/${row.eventId}`, tx);
      return { ok: true as const };
    });
    if (sent.ok) reminders++;
  }
  return { reminders };
}

// ---------------------------------------------------------------------------------------------
// Reading

type EventRowT = typeof schema.events.$inferSelect;

function eventRow(eventId: string, db: DbOrTx = getDb()): EventRowT {
  const row = db.select().from(ev).where(eq(ev.id, eventId)).get();
  if (!row) throw new Response("Not found", { status: 404 });
  return row;
}

/** The place in words, or null for an online-only event. */
export function placeOf(event: Pick<EventRowT, "street" | "ward" | "city">): string | null {
  const parts = [event.street, event.ward, event.city].filter((p): p is string => !!p);
  return parts.length ? parts.join(", ") : null;
}

function icsAttachment(event: EventRowT, now: number): MailAttachment {
  return { filename: icsFilename(event.id), contentType: ICS_CONTENT_TYPE, content: eventIcsFor(event, now) };
}

/** The .ics of an event (the online link appears only in what registered people receive). */
export function eventIcsFor(event: EventRowT, now = Date.now()): string {
  return eventIcs({
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: placeOf(event) ?? event.onlineUrl,
    url: siteUrl(`/events/${event.id}`),
    organiser: event.organiser,
    cancelled: event.status === "cancelled",
    now,
  });
}

const listColumns = {
  id: ev.id,
  type: ev.type,
  title: ev.title,
  audience: ev.audience,
  organiser: ev.organiser,
  category: ev.category,
  startsAt: ev.startsAt,
  endsAt: ev.endsAt,
  registrationDeadline: ev.registrationDeadline,
  city: ev.city,
  ward: ev.ward,
  online: sql<boolean>`${ev.onlineUrl} IS NOT NULL`.mapWith(Boolean),
  inPerson: sql<boolean>`${ev.street} IS NOT NULL`.mapWith(Boolean),
  capacity: ev.capacity,
  status: ev.status,
  registered: sql<number>`(SELECT count(*) FROM event_registrations r WHERE r.event_id = "events"."id" AND r.status = 'registered')`,
  waitlisted: sql<number>`(SELECT count(*) FROM event_registrations r WHERE r.event_id = "events"."id" AND r.status = 'waitlisted')`,
};

export type EventListItem = Awaited<ReturnType<typeof listUpcomingEvents>>["rows"][number];

/**
 * Published events that have not ended, soonest first, optionally of one type and in one month
 * (Ho Chi Minh City). Served by `events_status_type_starts_idx` / `events_status_starts_idx`.
 */
export function listUpcomingEvents({
  type,
  month,
  page,
  now = Date.now(),
}: {
  type?: EventType | null;
  month?: string | null;
  page: number;
  now?: number;
}) {
  const conditions = [eq(ev.status, "published"), gt(ev.endsAt, now)];
  if (type) conditions.push(eq(ev.type, type));
  if (month) {
    const [from, to] = localMonthBounds(month);
    conditions.push(gte(ev.startsAt, from), lt(ev.startsAt, to));
  }
  const where = and(...conditions);
  const rows = getDb()
    .select(listColumns)
    .from(ev)
    .where(where)
    .orderBy(asc(ev.startsAt), asc(ev.id))
    .limit(EVENTS_PAGE_SIZE)
    .offset((page - 1) * EVENTS_PAGE_SIZE)
    .all();
  const total = getDb().select({ n: count() }).from(ev).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, EVENTS_PAGE_SIZE) };
}

/** Events that have ended (and published ones cancelled before), latest first. */
export function listPastEvents({ page, now = Date.now() }: { page: number; now?: number }) {
  const where = and(eq(ev.status, "published"), lte(ev.endsAt, now));
  const rows = getDb()
    .select(listColumns)
    .from(ev)
    .where(where)
    .orderBy(desc(ev.startsAt), desc(ev.id))
    .limit(EVENTS_PAGE_SIZE)
    .offset((page - 1) * EVENTS_PAGE_SIZE)
    .all();
  const total = getDb().select({ n: count() }).from(ev).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, EVENTS_PAGE_SIZE) };
}

/** Every event for staff, latest start first, with its counts. */
export function listEventsForStaff({ page }: { page: number }) {
  const rows = getDb()
    .select(listColumns)
    .from(ev)
    .orderBy(desc(ev.startsAt), desc(ev.id))
    .limit(EVENTS_PAGE_SIZE)
    .offset((page - 1) * EVENTS_PAGE_SIZE)
    .all();
  const total = getDb().select({ n: count() }).from(ev).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, EVENTS_PAGE_SIZE) };
}

/** The next published events (the home page). */
export function nextEvents(limit = 3, now = Date.now()) {
  return getDb()
    .select(listColumns)
    .from(ev)
    .where(and(eq(ev.status, "published"), gt(ev.startsAt, now)))
    .orderBy(asc(ev.startsAt), asc(ev.id))
    .limit(limit)
    .all();
}

/** Upcoming published events about some categories, or open to every topic (the assessment's result). */
export function upcomingEventsFor(categories: readonly Category[], limit = 3, now = Date.now()) {
  if (categories.length === 0) return [];
  return getDb()
    .select(listColumns)
    .from(ev)
    .where(and(eq(ev.status, "published"), gt(ev.startsAt, now), inArray(ev.category, [...categories])))
    .orderBy(asc(ev.startsAt), asc(ev.id))
    .limit(limit)
    .all();
}

export type MyRegistration = {
  id: string;
  status: RegistrationStatus;
  /** 1 for the first person waiting. */
  waitlistPosition: number | null;
  attendedAt: number | null;
};

/**
 * One event as `viewer` may see it: staff see every event; others a published or cancelled one.
 * The online link only for staff and people holding a seat.
 */
export function getEventForViewer(eventId: string, viewer: Viewer, now = Date.now()) {
  const db = getDb();
  const event = eventRow(eventId, db);
  const isStaff = !!viewer && hasRole(viewer, "staff");
  if (event.status === "draft" && !isStaff) throw new Response("Not found", { status: 404 });
  const mine = viewer
    ? db
        .select()
        .from(reg)
        .where(and(eq(reg.eventId, eventId), eq(reg.userId, viewer.id)))
        .get()
    : undefined;
  let registration: MyRegistration | null = null;
  if (mine && mine.status !== "cancelled") {
    const ahead =
      mine.status === "waitlisted"
        ? (db
            .select({ n: count() })
            .from(reg)
            .where(
              and(
                eq(reg.eventId, eventId),
                eq(reg.status, "waitlisted"),
                or(lt(reg.queuedAt, mine.queuedAt), and(eq(reg.queuedAt, mine.queuedAt), lt(reg.id, mine.id))),
              ),
            )
            .get()?.n ?? 0)
        : null;
    registration = {
      id: mine.id,
      status: mine.status,
      waitlistPosition: ahead === null ? null : ahead + 1,
      attendedAt: mine.attendedAt,
    };
  }
  const registered = seatsTaken(eventId, db);
  const waitlisted =
    db
      .select({ n: count() })
      .from(reg)
      .where(and(eq(reg.eventId, eventId), eq(reg.status, "waitlisted")))
      .get()?.n ?? 0;
  const seated = registration?.status === "registered";
  const { onlineUrl, ...rest } = event;
  return {
    event: { ...rest, hasOnlineLink: onlineUrl !== null, place: placeOf(event) },
    onlineUrl: isStaff || seated ? onlineUrl : null,
    registration,
    registered,
    waitlisted,
    canRegister:
      !!viewer &&
      !registration &&
      registrationRefusal(event, now) === null &&
      (viewer.role === "sme" || viewer.role === "vendor") &&
      audienceAllows(event.audience, viewer.role),
    registrationRefusal: registrationRefusal(event, now),
    canCancel: !!registration && cancellationRefusal(event, now) === null,
    isStaff,
  };
}

/** The event's row for the staff's edit form. */
export function getEventForStaff(eventId: string) {
  return eventRow(eventId);
}

/** The event as a calendar file for a person holding a seat (or staff); null for anyone else. */
export function icsForViewer(
  eventId: string,
  viewer: Actor,
  now = Date.now(),
): { ics: string; filename: string } | null {
  const event = eventRow(eventId);
  if (!hasRole(viewer, "staff")) {
    const mine = getDb()
      .select({ status: reg.status })
      .from(reg)
      .where(and(eq(reg.eventId, eventId), eq(reg.userId, viewer.id)))
      .get();
    if (mine?.status !== "registered") return null;
  }
  return { ics: eventIcsFor(event, now), filename: icsFilename(event.id) };
}

/** A person's own registration id and status, for their QR code. */
export function ownRegistration(eventId: string, userId: string) {
  return (
    getDb()
      .select({ id: reg.id, status: reg.status })
      .from(reg)
      .where(and(eq(reg.eventId, eventId), eq(reg.userId, userId)))
      .get() ?? null
  );
}

export type RegistrationListRow = {
  id: string;
  status: RegistrationStatus;
  name: string;
  email: string;
  organisation: string;
  role: Role;
  queuedAt: number;
  registeredAt: number | null;
  attendedAt: number | null;
};

/**
 * The people registered (by name) and waiting (in order) for staff; at most 500 of each, served by
 * `event_registrations_event_status_queued_idx`.
 */
export function registrationsFor(eventId: string, status: "registered" | "waitlisted", afterQueuedAt = -1) {
  return getDb()
    .select({
      id: reg.id,
      status: reg.status,
      name: schema.users.name,
      email: schema.users.email,
      organisation: schema.organisations.legalName,
      role: schema.users.role,
      queuedAt: reg.queuedAt,
      registeredAt: reg.registeredAt,
      attendedAt: reg.attendedAt,
    })
    .from(reg)
    .innerJoin(schema.users, eq(schema.users.id, reg.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.users.organisationId))
    .where(and(eq(reg.eventId, eventId), eq(reg.status, status), gt(reg.queuedAt, afterQueuedAt)))
    .orderBy(asc(reg.queuedAt), asc(reg.id))
    .limit(REGISTRATIONS_PAGE_SIZE)
    .all() satisfies RegistrationListRow[];
}

/** Keyset pages of the registration list and then the waitlist, for the CSV download. */
export function* registrationPages(eventId: string): Generator<RegistrationListRow[]> {
  for (const status of ["registered", "waitlisted"] as const) {
    let after = -1;
    for (;;) {
      const rows = registrationsFor(eventId, status, after);
      if (rows.length === 0) break;
      yield rows;
      if (rows.length < REGISTRATIONS_PAGE_SIZE) break;
      after = rows[rows.length - 1]!.queuedAt;
    }
  }
}

export type AttendanceRow = {
  id: string;
  title: string;
  type: EventType;
  startsAt: number;
  registered: number;
  attended: number;
  rate: number | null;
};

/** Attendance per event that has started, in a period (staff reports): latest first. */
export function attendanceByEvent({ start, end, now = Date.now() }: { start: number; end: number; now?: number }) {
  const rows = getDb()
    .select({
      id: ev.id,
      title: ev.title,
      type: ev.type,
      startsAt: ev.startsAt,
      registered: sql<number>`(SELECT count(*) FROM event_registrations r WHERE r.event_id = "events"."id" AND r.status = 'registered')`,
      attended: sql<number>`(SELECT count(*) FROM event_registrations r WHERE r.event_id = "events"."id" AND r.status = 'registered' AND r.attended_at IS NOT NULL)`,
    })
    .from(ev)
    .where(and(eq(ev.status, "published"), gte(ev.startsAt, start), lt(ev.startsAt, end), lte(ev.startsAt, now)))
    .orderBy(desc(ev.startsAt))
    .limit(100)
    .all();
  return rows.map((r): AttendanceRow => ({ ...r, rate: attendanceRate(r.registered, r.attended) }));
}

export type { EventStatus };
