import { describe, expect, it } from "vitest";
import { ftsQuery, searchText } from "./search-text";

describe("searchText", () => {
  it("folds case, diacritics and đ", () => {
    expect(searchText("Đồng Tâm")).toBe("dong tam");
    expect(searchText("  KẾ   TOÁN ")).toBe("ke toan");
    expect(searchText("Nguyễn Thị Hương")).toBe("nguyen thi huong");
  });
});

describe("searchText forms", () => {
  it("gives the same result for composed (NFC) and decomposed (NFD) input", () => {
    const nfc = "Đồng Tâm Kế Toán".normalize("NFC");
    const nfd = "Đồng Tâm Kế Toán".normalize("NFD");
    expect(nfc).not.toBe(nfd);
    expect(searchText(nfc)).toBe(searchText(nfd));
    expect(searchText(nfd)).toBe("dong tam ke toan");
  });

  it("builds a prefix query of whole words for FTS5", () => {
    expect(ftsQuery("  Kế toán, ĐỒNG-tâm! ")).toBe('"ke"* "toan"* "dong"* "tam"*');
    expect(ftsQuery(' "" * ')).toBeNull();
    expect(ftsQuery("Phần mềm KẾ TOÁN")).toBe('"phan"* "mem"* "ke"* "toan"*');
    expect(ftsQuery('"quoted" OR NEAR(x) -y *')).toBe('"quoted"* "or"* "near"* "x"* "y"*');
  });
});
