import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  dateInputFromParams,
  dateInputFromTime,
  dateInputField,
  dateInputValue,
  datePartsInError,
  parseDateInput,
} from "./date-input";
import { startOfLocalDay } from "./local-date";

describe("a date typed in three boxes", () => {
  it("reads a real day, ignoring spaces and leading zeros", () => {
    expect(parseDateInput({ day: "27", month: "3", year: "2027" })).toEqual({ ok: true, date: "2027-03-27" });
    expect(parseDateInput({ day: " 07 ", month: "03 ", year: " 2027" })).toEqual({ ok: true, date: "2027-03-07" });
    expect(parseDateInput({ day: "007", month: "012", year: "2026" })).toEqual({ ok: true, date: "2026-12-07" });
  });

  it("refuses a day the calendar does not have", () => {
    expect(parseDateInput({ day: "31", month: "4", year: "2027" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
    expect(parseDateInput({ day: "32", month: "1", year: "2027" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
    expect(parseDateInput({ day: "0", month: "1", year: "2027" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
    expect(parseDateInput({ day: "1", month: "13", year: "2027" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
    expect(parseDateInput({ day: "mười", month: "1", year: "2027" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
    expect(parseDateInput({ day: "-1", month: "1", year: "2027" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
  });

  it("knows 29 February only in leap years", () => {
    expect(parseDateInput({ day: "29", month: "2", year: "2027" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
    expect(parseDateInput({ day: "29", month: "2", year: "2100" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
    expect(parseDateInput({ day: "29", month: "2", year: "2028" })).toEqual({ ok: true, date: "2028-02-29" });
    expect(parseDateInput({ day: "29", month: "2", year: "2000" })).toEqual({ ok: true, date: "2000-02-29" });
  });

  it("says which part is missing", () => {
    expect(parseDateInput({})).toEqual({ ok: false, error: "errors.dateInput.required" });
    expect(parseDateInput(undefined)).toEqual({ ok: false, error: "errors.dateInput.required" });
    expect(parseDateInput({ day: " ", month: "", year: "  " })).toEqual({
      ok: false,
      error: "errors.dateInput.required",
    });
    expect(parseDateInput({ month: "3", year: "2027" })).toEqual({ ok: false, error: "errors.dateInput.missingDay" });
    expect(parseDateInput({ day: "27", year: "2027" })).toEqual({ ok: false, error: "errors.dateInput.missingMonth" });
    expect(parseDateInput({ day: "27", month: "3", year: " " })).toEqual({
      ok: false,
      error: "errors.dateInput.missingYear",
    });
    expect(parseDateInput({ year: "2027" })).toEqual({ ok: false, error: "errors.dateInput.missingDayMonth" });
    expect(parseDateInput({ month: "3" })).toEqual({ ok: false, error: "errors.dateInput.missingDayYear" });
    expect(parseDateInput({ day: "27" })).toEqual({ ok: false, error: "errors.dateInput.missingMonthYear" });
  });

  it("wants a four-digit year", () => {
    expect(parseDateInput({ day: "27", month: "3", year: "27" })).toEqual({
      ok: false,
      error: "errors.dateInput.yearDigits",
    });
    expect(parseDateInput({ day: "27", month: "3", year: "20270" })).toEqual({
      ok: false,
      error: "errors.dateInput.yearDigits",
    });
    expect(parseDateInput({ day: "27", month: "3", year: "0027" })).toEqual({
      ok: false,
      error: "errors.dateInput.yearDigits",
    });
    expect(parseDateInput({ day: "27", month: "3", year: "2O27" })).toEqual({
      ok: false,
      error: "errors.dateInput.notReal",
    });
  });

  it("marks only the boxes a message is about", () => {
    expect(datePartsInError(undefined)).toEqual([]);
    expect(datePartsInError("errors.dateInput.missingMonth")).toEqual(["month"]);
    expect(datePartsInError("errors.dateInput.yearDigits")).toEqual(["year"]);
    expect(datePartsInError("errors.dateInput.missingDayYear")).toEqual(["day", "year"]);
    expect(datePartsInError("errors.dateInput.notReal")).toEqual(["day", "month", "year"]);
    expect(datePartsInError("errors.dateInput.required")).toEqual(["day", "month", "year"]);
    expect(datePartsInError("errors.startBeforeDeadline")).toEqual(["day", "month", "year"]);
  });

  it("shows a stored day in the boxes, as Ho Chi Minh City sees it", () => {
    expect(dateInputValue("2027-03-07")).toEqual({ day: "7", month: "3", year: "2027" });
    expect(dateInputValue("")).toEqual({ day: "", month: "", year: "" });
    // 17:00 UTC on 6 March is midnight of the 7th in Ho Chi Minh City.
    expect(dateInputFromTime(startOfLocalDay("2027-03-07"))).toEqual({ day: "7", month: "3", year: "2027" });
    expect(dateInputFromTime(Date.UTC(2027, 2, 6, 16, 59))).toEqual({ day: "6", month: "3", year: "2027" });
  });

  it("reads the boxes from a query string, as typed", () => {
    const params = new URLSearchParams("from.day=3&from.month=x&to.year=2026");
    expect(dateInputFromParams(params, "from")).toEqual({ day: "3", month: "x", year: "" });
    expect(dateInputFromParams(params, "to")).toEqual({ day: "", month: "", year: "2026" });
  });
});

describe("the date field of a form schema", () => {
  const schema = z.object({ deadline: dateInputField() });
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.append(k, v);
    return parseWithZod(data, { schema });
  };

  it("reads the three boxes posted as deadline.day, deadline.month, deadline.year", () => {
    const submission = form({ "deadline.day": "5", "deadline.month": "01", "deadline.year": "2027" });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.deadline).toBe("2027-01-05");
  });

  it("puts one message on the field and keeps what was typed", () => {
    const submission = form({ "deadline.day": "31", "deadline.month": "4", "deadline.year": "2027" });
    expect(submission.status).toBe("error");
    const reply = submission.reply();
    expect(reply.error).toEqual({ deadline: ["errors.dateInput.notReal"] });
    expect(reply.initialValue).toMatchObject({ deadline: { day: "31", month: "4", year: "2027" } });
  });

  it("reads a single yyyy-mm-dd value too, and refuses anything else in it", () => {
    const ok = form({ deadline: "2028-02-29" });
    expect(ok.status === "success" && ok.value.deadline).toBe("2028-02-29");
    expect(form({ deadline: "2027-02-29" }).reply().error).toEqual({ deadline: ["errors.dateInput.notReal"] });
    expect(form({ deadline: "mai" }).reply().error).toEqual({ deadline: ["errors.dateInput.notReal"] });
  });

  it("asks for the date when no box was filled", () => {
    expect(form({ "deadline.day": "", "deadline.month": "", "deadline.year": "" }).reply().error).toEqual({
      deadline: ["errors.dateInput.required"],
    });
    expect(form({}).reply().error).toEqual({ deadline: ["errors.dateInput.required"] });
    expect(form({ "deadline.month": "2", "deadline.year": "2027" }).reply().error).toEqual({
      deadline: ["errors.dateInput.missingDay"],
    });
  });
});
