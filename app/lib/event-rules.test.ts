import { describe, expect, it } from "vitest";
import { attendanceRate, cancellationRefusal, registrationRefusal, seatFor, timesProblem } from "./event-rules";
import { localMonth, localMonthBounds, parseLocalDateTime, toLocalDateTime } from "./local-datetime";

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 10, 1, 30);
const event = {
  status: "published" as const,
  startsAt: start,
  endsAt: start + 3 * HOUR,
  registrationDeadline: start - 24 * HOUR,
};

describe("the registration deadline", () => {
  it("takes registrations up to the deadline, not after", () => {
    expect(registrationRefusal(event, event.registrationDeadline - 1)).toBeNull();
    expect(registrationRefusal(event, event.registrationDeadline)).toBeNull();
    expect(registrationRefusal(event, event.registrationDeadline + 1)).toBe("deadline_passed");
  });
  it("takes none once the event started, nor for a draft or a cancelled event", () => {
    expect(registrationRefusal({ ...event, registrationDeadline: start + HOUR }, start)).toBe("deadline_passed");
    expect(registrationRefusal({ ...event, status: "draft" }, start - 48 * HOUR)).toBe("not_published");
    expect(registrationRefusal({ ...event, status: "cancelled" }, start - 48 * HOUR)).toBe("not_published");
  });
  it("lets people cancel until the start", () => {
    expect(cancellationRefusal(event, start - 1)).toBeNull();
    expect(cancellationRefusal(event, start)).toBe("started");
  });
});

describe("seats", () => {
  it("gives a seat while there is one, else a place on the waitlist", () => {
    expect(seatFor(2, 1)).toBe("registered");
    expect(seatFor(2, 2)).toBe("waitlisted");
    expect(seatFor(1, 5)).toBe("waitlisted");
  });
  it("checks the times are in order", () => {
    expect(timesProblem(event)).toBeNull();
    expect(timesProblem({ ...event, endsAt: start })).toBe("endsBeforeStart");
    expect(timesProblem({ ...event, registrationDeadline: start + 1 })).toBe("deadlineAfterStart");
  });
  it("rates attendance against the people registered", () => {
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceRate(4, 3)).toBe(0.75);
  });
});

describe("date and time typed in Ho Chi Minh City", () => {
  it("is read as UTC+7", () => {
    expect(parseLocalDateTime("2026-12-10", "08:30")).toBe(start);
    expect(toLocalDateTime(start)).toEqual({ date: "2026-12-10", time: "08:30" });
    expect(parseLocalDateTime("2026-12-10", "00:15")).toBe(Date.UTC(2026, 11, 9, 17, 15));
  });
  it("refuses what is not a date or a time", () => {
    expect(parseLocalDateTime("2026-02-30", "08:00")).toBeNull();
    expect(parseLocalDateTime("2026-12-10", "24:00")).toBeNull();
    expect(parseLocalDateTime("10/12/2026", "08:00")).toBeNull();
    expect(parseLocalDateTime("2026-12-10", "8h")).toBeNull();
  });
  it("knows the local month", () => {
    expect(localMonth(Date.UTC(2026, 10, 30, 18))).toBe("2026-12"); // 01:00 on 1 December in HCMC
    expect(localMonthBounds("2026-12")).toEqual([Date.UTC(2026, 10, 30, 17), Date.UTC(2026, 11, 31, 17)]);
  });
});
