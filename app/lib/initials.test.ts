import { describe, expect, it } from "vitest";
import { initials } from "./initials";

describe("initials", () => {
  it("takes the trade name at the end, without the legal form", () => {
    expect(initials("Công ty TNHH Giải pháp Số Đồng Khởi")).toBe("ĐK");
    expect(initials("Công ty Cổ phần Misa")).toBe("M");
    expect(initials("  ")).toBe("");
    expect(initials("FPT Software")).toBe("FS");
  });
});
