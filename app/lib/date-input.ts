/**
 * GOV.UK's date input: a date typed as three boxes (day, month, year), read on the server. The
 * boxes post as `<name>.day`, `<name>.month`, `<name>.year` (Conform reads them as one nested
 * field, `{ day, month, year }`, with or without JavaScript). The result is a Ho Chi Minh City day,
 * `yyyy-mm-dd`, for app/lib/local-date.ts; a refusal is a locale key (`errors.dateInput.*`) whose text
 * names the field through `{{field}}` / `{{Field}}`.
 */
import { z } from "zod";
import { isLocalDate, toLocalDate } from "./local-date";

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** What the three boxes posted (each possibly missing). */
export type DateInputValue = Partial<Record<DatePart, string | undefined>>;

export const DATE_ERRORS = {
  /** Nothing typed at all. */
  required: "errors.dateInput.required",
  missingDay: "errors.dateInput.missingDay",
  missingMonth: "errors.dateInput.missingMonth",
  missingYear: "errors.dateInput.missingYear",
  missingDayMonth: "errors.dateInput.missingDayMonth",
  missingDayYear: "errors.dateInput.missingDayYear",
  missingMonthYear: "errors.dateInput.missingMonthYear",
  /** Letters, a month 13, 31/04, 29/02 of a common year. */
  notReal: "errors.dateInput.notReal",
  yearDigits: "errors.dateInput.yearDigits",
} as const;

export type DateError = (typeof DATE_ERRORS)[keyof typeof DATE_ERRORS];

export type DateParse = { ok: true; date: string } | { ok: false; error: DateError };

const MISSING: Record<string, DateError> = {
  day: DATE_ERRORS.missingDay,
  month: DATE_ERRORS.missingMonth,
  year: DATE_ERRORS.missingYear,
  "day,month": DATE_ERRORS.missingDayMonth,
  "day,year": DATE_ERRORS.missingDayYear,
  "month,year": DATE_ERRORS.missingMonthYear,
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The boxes as a day: spaces around a number are ignored, leading zeros are fine ("07"), the year
 * has exactly four digits, and the date must exist (no 31/04, no 29/02 outside leap years).
 */
export function parseDateInput(value: DateInputValue | undefined): DateParse {
  const typed = Object.fromEntries(DATE_PARTS.map((p) => [p, (value?.[p] ?? "").trim()])) as Record<DatePart, string>;
  const missing = DATE_PARTS.filter((p) => typed[p] === "");
  if (missing.length === 3) return { ok: false, error: DATE_ERRORS.required };
  if (missing.length) return { ok: false, error: MISSING[missing.join(",")]! };
  if (
    !/^\d{1,2}$/.test(typed.day.replace(/^0+(?=\d)/, "")) ||
    !/^\d{1,2}$/.test(typed.month.replace(/^0+(?=\d)/, ""))
  ) {
    return { ok: false, error: DATE_ERRORS.notReal };
  }
  if (!/^\d{4}$/.test(typed.year)) {
    return { ok: false, error: /^\d+$/.test(typed.year) ? DATE_ERRORS.yearDigits : DATE_ERRORS.notReal };
  }
  const [day, month, year] = [Number(typed.day), Number(typed.month), Number(typed.year)];
  if (year < 1000) return { ok: false, error: DATE_ERRORS.yearDigits };
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return isLocalDate(date) ? { ok: true, date } : { ok: false, error: DATE_ERRORS.notReal };
}

/** The boxes a refusal is about, to mark them (GOV.UK: only the boxes with the problem). */
export function datePartsInError(error: string | undefined): DatePart[] {
  switch (error) {
    case undefined:
      return [];
    case DATE_ERRORS.missingDay:
      return ["day"];
    case DATE_ERRORS.missingMonth:
      return ["month"];
    case DATE_ERRORS.missingYear:
    case DATE_ERRORS.yearDigits:
      return ["year"];
    case DATE_ERRORS.missingDayMonth:
      return ["day", "month"];
    case DATE_ERRORS.missingDayYear:
      return ["day", "year"];
    case DATE_ERRORS.missingMonthYear:
      return ["month", "year"];
    default:
      return [...DATE_PARTS];
  }
}

/** A `yyyy-mm-dd` day as the boxes show it ("2027-03-07" → 7 / 3 / 2027); empty boxes for "". */
export function dateInputValue(date: string): Record<DatePart, string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return { day: "", month: "", year: "" };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

/** An instant as the boxes show its Ho Chi Minh City day. */
export function dateInputFromTime(ms: number): Record<DatePart, string> {
  return dateInputValue(toLocalDate(ms));
}

/** Read from a GET form's query (`from.day`, `from.month`, `from.year`): the boxes as typed. */
export function dateInputFromParams(params: URLSearchParams, name: string): Record<DatePart, string> {
  return Object.fromEntries(DATE_PARTS.map((p) => [p, (params.get(`${name}.${p}`) ?? "").slice(0, 10)])) as Record<
    DatePart,
    string
  >;
}

const box = z.string().optional();

/**
 * The Zod field for a date typed in three boxes: `yyyy-mm-dd` of a real Ho Chi Minh City day, or
 * one `errors.dateInput.*` message on the field itself (so the error summary links to the first
 * box). A single `yyyy-mm-dd` value (an old page, a script) is read too.
 */
export function dateInputField() {
  return z
    .union([z.object({ day: box, month: box, year: box }), z.string()])
    .optional()
    .transform((value, ctx) => {
      const parsed =
        typeof value === "string"
          ? isLocalDate(value.trim())
            ? ({ ok: true, date: value.trim() } as const)
            : ({ ok: false, error: value.trim() ? DATE_ERRORS.notReal : DATE_ERRORS.required } as const)
          : parseDateInput(value);
      if (parsed.ok) return parsed.date;
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
      return z.NEVER;
    });
}
