import { describe, expect, it } from "vitest";
import { checkTaxCode, isValidTaxCode, taxCodeCheckDigit } from "./tax-code";

describe("tax code", () => {
  it("accepts real codes whose check digit holds", () => {
    expect(isValidTaxCode("0100109106")).toBe(true);
    expect(isValidTaxCode("0300588569")).toBe(true);
  });

  it("rejects the same codes with a changed last digit", () => {
    expect(checkTaxCode("0100109107")).toEqual({ valid: false, problem: "checkDigit" });
    expect(checkTaxCode("0300588560")).toEqual({ valid: false, problem: "checkDigit" });
  });

  it("rejects a wrong length", () => {
    expect(checkTaxCode("010010910")).toEqual({ valid: false, problem: "format" });
    expect(checkTaxCode("01001091061")).toEqual({ valid: false, problem: "format" });
    expect(checkTaxCode("")).toEqual({ valid: false, problem: "format" });
  });

  it("rejects letters", () => {
    expect(checkTaxCode("01001O9106")).toEqual({ valid: false, problem: "format" });
    expect(checkTaxCode("abcdefghij")).toEqual({ valid: false, problem: "format" });
  });

  it("accepts a branch suffix on a valid base and keeps the base check", () => {
    expect(checkTaxCode("0100109106-001")).toEqual({
      valid: true,
      code: "0100109106-001",
      base: "0100109106",
      branch: "001",
    });
    expect(checkTaxCode("0100109107-001")).toEqual({ valid: false, problem: "checkDigit" });
    expect(checkTaxCode("0100109106-01")).toEqual({ valid: false, problem: "format" });
    expect(checkTaxCode("0100109106-000")).toEqual({ valid: false, problem: "format" });
  });

  it("tolerates spaces and dots typed between groups", () => {
    expect(checkTaxCode(" 0300 588 569 ")).toMatchObject({ valid: true, code: "0300588569" });
  });

  it("treats a computed check of 10 as invalid", () => {
    // Σ for 000000001 is 3 → 3 mod 11 = 3 → check 7; find a prefix whose Σ mod 11 is 0.
    expect(taxCodeCheckDigit("000000000")).toBeNull();
    expect(isValidTaxCode("0000000000")).toBe(false);
  });
});
