import { describe, expect, it } from "vitest";
import { eventIcs, icsUid } from "./ics";

const event = {
  id: "0b7d5c1e-3f4a-4d2b-9a8e-1c2d3e4f5a6b",
  title: "Hội thảo: Hóa đơn điện tử theo Nghị định 123/2020/NĐ-CP cho doanh nghiệp nhỏ và vừa",
  description: "Hướng dẫn đăng ký, lập và lưu trữ hóa đơn điện tử; giải đáp vướng mắc thường gặp.",
  startsAt: Date.UTC(2026, 11, 10, 1, 30), // 08:30 in Ho Chi Minh City
  endsAt: Date.UTC(2026, 11, 10, 4, 0),
  location: "Số 86 Lê Thánh Tôn, phường Sài Gòn, TP. Hồ Chí Minh",
  url: "https://ketnoiso.vn/events/0b7d5c1e-3f4a-4d2b-9a8e-1c2d3e4f5a6b",
  organiser: "HUBA",
  now: Date.UTC(2026, 10, 30),
};

/** RFC 5545 §3.1: unfold by removing CRLF followed by one space. */
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("an event's .ics file", () => {
  const ics = eventIcs(event);

  it("has the event's fields, its times in UTC", () => {
    const text = unfold(ics);
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("BEGIN:VEVENT");
    expect(text).toContain(`UID:${icsUid(event.id)}`);
    expect(text).toContain("DTSTART:20261210T013000Z");
    expect(text).toContain("DTEND:20261210T040000Z");
    expect(text).toContain(`SUMMARY:${event.title}`);
    // Commas are escaped in text values.
    expect(text).toContain("LOCATION:Số 86 Lê Thánh Tôn\\, phường Sài Gòn\\, TP. Hồ Chí Minh");
    expect(text).toContain(`URL;VALUE=URI:${event.url}`);
    expect(text).toContain("STATUS:CONFIRMED");
  });

  it("folds lines at 75 octets without cutting a Vietnamese character", () => {
    const lines = ics.split("\r\n");
    expect(lines.some((l) => l.startsWith(" "))).toBe(true); // the long title was folded
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      // A cut inside a multi-byte character would leave U+FFFD after decoding.
      expect(line).not.toContain("\uFFFD");
    }
    expect(Buffer.from(ics, "utf8").toString("utf8")).toBe(ics);
  });

  it("says when the event is cancelled", () => {
    expect(eventIcs({ ...event, cancelled: true })).toContain("STATUS:CANCELLED");
  });
});
