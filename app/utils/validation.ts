/**
 * Field schemas shared by forms. Messages are locale keys (`errors.*`) that the Field component
 * translates, so the same schema validates on the server and in the browser in either language.
 */
import { z } from "zod";
import { checkTaxCode, normaliseTaxCode } from "~/lib/tax-code";

const REQUIRED = { required_error: "errors.required", invalid_type_error: "errors.required" };

export const text = (max = 200) => z.string(REQUIRED).trim().min(1, "errors.required").max(max, "errors.tooLong");

export const optionalText = (max = 200) => z.string().trim().max(max, "errors.tooLong").optional();

export const email = z
  .string(REQUIRED)
  .trim()
  .max(254, "errors.tooLong")
  .email("errors.email")
  .transform((s) => s.toLowerCase());

export const PASSWORD_MIN = 10;

export const newPassword = z.string(REQUIRED).min(PASSWORD_MIN, "errors.passwordTooShort").max(200, "errors.tooLong");

/** What a user types to sign in: any non-empty string (length rules are for new passwords). */
export const currentPassword = z.string(REQUIRED).max(200, "errors.tooLong");

export const phone = z
  .string(REQUIRED)
  .trim()
  .regex(/^\+?[0-9 .-]{8,16}$/, "errors.phone");

export const taxCode = z
  .string(REQUIRED)
  .transform(normaliseTaxCode)
  .superRefine((value, ctx) => {
    const result = checkTaxCode(value);
    if (!result.valid) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: result.problem === "format" ? "errors.taxCodeFormat" : "errors.taxCodeCheckDigit",
      });
    }
  });

export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ ...REQUIRED, invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .min(min, "errors.tooSmall")
    .max(max, "errors.tooLarge");

export const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { errorMap: () => ({ message: "errors.choose" }) });

export const confirmPasswords = <T extends { password: string; confirmPassword: string }>(
  data: T,
  ctx: z.RefinementCtx,
) => {
  if (data.password !== data.confirmPassword) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "errors.passwordMismatch" });
  }
};

/** Whole đồng, typed with or without thousands separators ("12.000.000", "12 000 000 ₫"). */
export const money = (max = 1_000_000_000_000) =>
  z
    .string(REQUIRED)
    .transform((v) => v.replace(/[\s.,₫đ]/gi, ""))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "errors.money")
        .transform(Number)
        .pipe(z.number().int().positive("errors.moneyPositive").max(max, "errors.tooLarge")),
    );
