import { describe, expect, it } from "vitest";
import { searchText } from "./search-text";

describe("searchText", () => {
  it("folds case, diacritics and đ", () => {
    expect(searchText("Đồng Tâm")).toBe("dong tam");
    expect(searchText("  KẾ   TOÁN ")).toBe("ke toan");
    expect(searchText("Nguyễn Thị Hương")).toBe("nguyen thi huong");
  });
});
