/**
 * The check-in link in a registration's QR code (ADR 013): `/staff/events/<event>/check-in/<registration>.<signature>`,
 * the signature an HMAC-SHA256 over a purpose label, the event and the registration, under the
 * server's CHECKIN_SECRET. It proves the link was issued for that registration of that event, for
 * checking in and nothing else; whoever opens it must still be signed in as staff to mark anyone.
 */
import crypto from "node:crypto";

const PURPOSE = "kns-event-check-in-v1";

function signature(secret: string, eventId: string, registrationId: string): string {
  return crypto.createHmac("sha256", secret).update(`${PURPOSE}\n${eventId}\n${registrationId}`).digest("base64url");
}

/** The token for one registration of one event. */
export function checkinToken(secret: string, eventId: string, registrationId: string): string {
  return `${registrationId}.${signature(secret, eventId, registrationId)}`;
}

export function checkinPath(secret: string, eventId: string, registrationId: string): string {
  return `/staff/events/${eventId}/check-in/${checkinToken(secret, eventId, registrationId)}`;
}

/** The registration a token names, when its signature holds for this event; null otherwise. */
export function verifyCheckinToken(secret: string, eventId: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const registrationId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signature(secret, eventId, registrationId));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return registrationId;
}
