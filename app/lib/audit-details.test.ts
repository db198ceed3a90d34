import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "~/locales/en.json";
import vi from "~/locales/vi.json";
import { auditDetailLines, displayIp } from "./audit-details";

const i18n = i18next.createInstance();
await i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: "vi", fallbackLng: false });
const tVi = i18n.getFixedT("vi");
const tEn = i18n.getFixedT("en");
const none = { type: null, id: null };

describe("audit details in words", () => {
  it("says what a registration's account type was, not its raw key", () => {
    expect(auditDetailLines(JSON.stringify({ kind: "vendor" }), none, tVi, "vi")).toEqual([
      "Loại tài khoản: Nhà cung cấp",
    ]);
    expect(auditDetailLines(JSON.stringify({ kind: "vendor" }), none, tEn, "en")).toEqual(["Account type: Vendor"]);
  });

  it("names the assignee and the previous status of an incident", () => {
    const lines = auditDetailLines(
      JSON.stringify({ assignee: "u1", assigneeName: "Trần Bảo", from: "open" }),
      { type: "incident", id: "i1" },
      tVi,
      "vi",
    );
    expect(lines).toEqual(["Giao cho: Trần Bảo", expect.stringMatching(/^Trạng thái trước đó: (?!open)/)]);
  });

  it("shows a saved threshold setting as the settings page does", () => {
    const lines = auditDetailLines(
      JSON.stringify({ value: { lowBidMedianShare: 0.5, lowBidIqrFactor: 1.5 } }),
      { type: "setting", id: "risk_thresholds" },
      tVi,
      "vi",
    );
    expect(lines).toEqual(["Thấp hơn tỷ lệ này của giá giữa (2–3 hồ sơ): 50 %", expect.stringMatching(/: 1,5$/)]);
    const support = auditDetailLines(
      JSON.stringify({ value: { micro: { solution: { rate: 0.5, cap: 20_000_000 } } } }),
      { type: "setting", id: "support_rates" },
      tVi,
      "vi",
    );
    expect(support[0]).toContain("20.000.000 ₫");
    expect(support[0]).toContain("50 %");
  });

  it("keeps an unknown key and text that is not JSON rather than losing them", () => {
    expect(auditDetailLines(JSON.stringify({ foo: 2 }), none, tVi, "vi")).toEqual(["foo: 2"]);
    expect(auditDetailLines("plain", none, tVi, "vi")).toEqual(["plain"]);
    expect(auditDetailLines(null, none, tVi, "vi")).toEqual([]);
  });
});

describe("addresses", () => {
  it("drops the IPv4-mapped prefix and leaves other addresses alone", () => {
    expect(displayIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(displayIp("::FFFF:10.0.0.7")).toBe("10.0.0.7");
    expect(displayIp("::1")).toBe("::1");
    expect(displayIp("2001:db8::ffff:1")).toBe("2001:db8::ffff:1");
    expect(displayIp("203.113.1.5")).toBe("203.113.1.5");
  });
});
