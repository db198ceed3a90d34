/**
 * Vietnamese tax codes (mã số thuế): 10 digits, or 10 digits + "-" + 3 digits for a branch.
 * The 10th digit is a check digit (docs/product.md §3): weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on digits
 * 1–9, check = 10 − (Σ weight·digit mod 11); a result of 10 means the code is invalid.
 */

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeProblem = "format" | "checkDigit";

export type TaxCodeResult =
  { valid: true; code: string; base: string; branch: string | null } | { valid: false; problem: TaxCodeProblem };

/** Removes spaces and dots people type between digit groups, and unifies the branch dash. */
export function normaliseTaxCode(input: string): string {
  return input.trim().replace(/[\s.]/g, "").replace(/[–—]/g, "-");
}

export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(firstNine[i]);
  const check = 10 - (sum % 11);
  return check === 10 || check === 11 ? null : check;
}

export function checkTaxCode(input: string): TaxCodeResult {
  const code = normaliseTaxCode(input);
  const match = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!match) return { valid: false, problem: "format" };
  const base = match[1]!;
  const branch = match[2] ?? null;
  if (branch === "000") return { valid: false, problem: "format" };
  const check = taxCodeCheckDigit(base.slice(0, 9));
  if (check === null || check !== Number(base[9])) return { valid: false, problem: "checkDigit" };
  return { valid: true, code, base, branch };
}

export function isValidTaxCode(input: string): boolean {
  return checkTaxCode(input).valid;
}
