import { describe, expect, it } from "vitest";
import { email, newPassword, taxCode } from "./validation";

describe("field schemas", () => {
  it("lower-cases emails so that uniqueness ignores case", () => {
    expect(email.parse("  Lan.Nguyen@Example.VN ")).toBe("lan.nguyen@example.vn");
  });

  it("asks for at least 10 characters in a new password", () => {
    expect(newPassword.safeParse("short").error?.issues[0]?.message).toBe("errors.passwordTooShort");
    expect(newPassword.safeParse("long enough!").success).toBe(true);
  });

  it("names what is wrong with a tax code", () => {
    expect(taxCode.safeParse("12345").error?.issues[0]?.message).toBe("errors.taxCodeFormat");
    expect(taxCode.safeParse("0100109107").error?.issues[0]?.message).toBe("errors.taxCodeCheckDigit");
    expect(taxCode.parse("0100 109 106")).toBe("0100109106");
  });
});
