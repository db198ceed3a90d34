/**
 * An event as an iCalendar file (RFC 5545) for a registered person: the download on the event's
 * page and the attachment of the confirmation mail. Times are written in UTC (`…Z`), which every
 * calendar shows in the reader's own zone without a VTIMEZONE block; ical-generator escapes the
 * text and folds lines longer than 75 octets without cutting a Vietnamese character in two.
 */
import ical, { ICalEventStatus } from "ical-generator";

export type IcsEvent = {
  id: string;
  title: string;
  description: string;
  startsAt: number;
  endsAt: number;
  /** The place in words, or the online link. */
  location: string | null;
  /** The event's page. */
  url: string;
  organiser: string;
  cancelled?: boolean;
  /** When the file was made (DTSTAMP). */
  now: number;
};

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** The UID stays the same for one event, so a second download updates the first in a calendar. */
export function icsUid(eventId: string): string {
  return `event-${eventId}@ketnoiso.vn`;
}

export function eventIcs(event: IcsEvent): string {
  const calendar = ical({ prodId: { company: "ketnoiso.vn", product: "events", language: "VI" }, name: "Kết Nối Số" });
  calendar.createEvent({
    id: icsUid(event.id),
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    stamp: new Date(event.now),
    summary: event.title,
    description: `${event.description}\n\n${event.url}`,
    location: event.location ?? undefined,
    url: event.url,
    organizer: { name: event.organiser, email: "no-reply@ketnoiso.vn" },
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** A file name from the event's id (a title may hold characters a file system refuses). */
export function icsFilename(eventId: string): string {
  return `ketnoiso-event-${eventId.slice(0, 8)}.ics`;
}
