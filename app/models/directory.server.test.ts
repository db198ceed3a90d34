import { describe, expect, it } from "vitest";
import { DAY_MS } from "~/lib/local-date";
import { getDb, getSqlite } from "../../db/client.server";
import { createUser, setVendorStanding } from "../../db/test/factories";
import { session, vettedVendor } from "../../db/test/vendors";
import { getDossier, refreshVendorSearch } from "./dossier.server";
import { getPublicProfile, listDirectory } from "./directory.server";
import { decide } from "./vetting.server";

/**
 * Profiles whose maintained listing differs from its definition: `listed_until` is the expiry of a
 * vetted vendor (else null), `search_rowid` the rowid of the vendor's search row.
 */
function listingDrift() {
  return getSqlite()
    .prepare(
      `SELECT p.organisation_id AS id FROM vendor_profiles p JOIN organisations o ON o.id = p.organisation_id
      WHERE p.listed_until IS NOT (CASE WHEN o.kind = 'vendor' AND o.vendor_status = 'vetted' THEN p.vetting_expires_at END)
        OR p.search_rowid IS NOT (SELECT max(f.rowid) FROM vendors_fts f WHERE f.vendor_id = p.organisation_id)
        OR (SELECT count(*) FROM vendors_fts f WHERE f.vendor_id = p.organisation_id) > 1`,
    )
    .all();
}

describe("directory", () => {
  it("finds a vetted vendor by words typed without diacritics, and drops it when suspended", async () => {
    const { vendor, staff } = await vettedVendor("Giải Pháp Đồng Tâm Số");
    const id = vendor.organisationId;
    expect(listDirectory({ q: "dong tam so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toContain(id);
    expect(listDirectory({ q: "KE TOAN khoi nghiep", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toContain(id);
    expect(
      listDirectory({ category: "accounting", sort: "newest", page: 1, priceMax: 5_000_000 }).rows.map((r) => r.id),
    ).toContain(id);
    expect(
      listDirectory({ category: "accounting", sort: "newest", page: 1, priceMax: 4_999_999 }).rows.map((r) => r.id),
    ).not.toContain(id);
    expect(listDirectory({ sector: "healthcare", q: "dong tam so", sort: "newest", page: 1 }).rows).toEqual([]);

    expect(await decide(session(staff, "staff"), id, "suspend", { note: "Khiếu nại chưa giải quyết" }, "ip")).toEqual({
      ok: true,
    });
    expect(listDirectory({ q: "dong tam so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).not.toContain(id);
    expect(() => getPublicProfile(id, null)).toThrow();
    expect(getPublicProfile(id, { role: "staff", organisationId: "x" }).vetted).toBe(false);

    expect(listingDrift()).toEqual([]);

    expect(await decide(session(staff, "staff"), id, "reinstate", {}, "ip")).toEqual({ ok: true });
    expect(listDirectory({ q: "dong tam so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toContain(id);
    expect(listingDrift()).toEqual([]);
  });

  it("keeps each profile's listing and search row as vendors are vetted, suspended, renewed and rewritten", async () => {
    const { vendor, staff } = await vettedVendor("Bền Vững Số");
    const id = vendor.organisationId;
    expect(listingDrift()).toEqual([]);
    const count = () => listDirectory({ sort: "newest", page: 1 }).total;
    const before = count();
    // A search row written again keeps its rowid, and the vendor is still found (once).
    refreshVendorSearch(getDb(), id);
    refreshVendorSearch(getDb(), id);
    expect(listingDrift()).toEqual([]);
    expect(listDirectory({ q: "ben vung so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toEqual([id]);

    expect(await decide(session(staff, "staff"), id, "suspend", { note: "Tạm dừng để xác minh" }, "ip")).toEqual({
      ok: true,
    });
    expect(count()).toBe(before - 1);
    expect(listingDrift()).toEqual([]);
    expect(await decide(session(staff, "staff"), id, "reinstate", {}, "ip")).toEqual({ ok: true });
    expect(count()).toBe(before);

    // A renewal moves the expiry: listed until the new date, not the old one.
    const renewed = Date.now() + 500 * DAY_MS;
    getSqlite().prepare("UPDATE vendor_profiles SET vetting_expires_at = ? WHERE organisation_id = ?").run(renewed, id);
    expect(listingDrift()).toEqual([]);
    expect(listDirectory({ q: "ben vung so", sort: "newest", page: 1 }, Date.now() + 400 * DAY_MS).total).toBe(1);
    expect(listDirectory({ q: "ben vung so", sort: "newest", page: 1 }, renewed).total).toBe(0);
  });

  it("finds a vendor whose search row was written before its profile", () => {
    const user = createUser({ role: "vendor" });
    const id = user.organisationId;
    getSqlite().prepare("UPDATE organisations SET legal_name = 'Tiên Phong Trước Hồ Sơ' WHERE id = ?").run(id);
    refreshVendorSearch(getDb(), id);
    setVendorStanding(id, "vetted");
    expect(listingDrift()).toEqual([]);
    expect(listDirectory({ q: "tien phong truoc", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toEqual([id]);
  });

  it("no longer lists a vendor whose vetting expired, wherever it is read", async () => {
    const { vendor } = await vettedVendor("Hết Hạn Thẩm Định");
    const later = Date.now() + 366 * DAY_MS;
    expect(listDirectory({ q: "het han tham dinh", sort: "newest", page: 1 }).total).toBe(1);
    expect(listDirectory({ q: "het han tham dinh", sort: "newest", page: 1 }, later).total).toBe(0);
    expect(() => getPublicProfile(vendor.organisationId, null, later)).toThrow();
    expect(getDossier(vendor.organisationId, later).effectiveStatus).toBe("expired");
    expect(getDossier(vendor.organisationId, later).editable).toBe(true);
  });

  it("ranks a vendor whose name holds the words above vendors that only say them in their description", async () => {
    const describe = (id: string, text: string) => {
      getSqlite().prepare("UPDATE vendor_profiles SET description = ? WHERE organisation_id = ?").run(text, id);
      refreshVendorSearch(getDb(), id);
    };
    // Vetted first, so that a tie on the date would put it last.
    const { vendor: named } = await vettedVendor("Zephyr Đồng Khởi");
    describe(
      named.organisationId,
      "Zephyr: giải pháp số cho doanh nghiệp nhỏ, từ kế toán, hóa đơn điện tử, bán hàng đa kênh đến quản trị kho, " +
        "nhân sự và tiền lương, với đội ngũ triển khai và hỗ trợ tận nơi trong suốt thời gian sử dụng.",
    );
    const others = [];
    for (const name of ["Zephyr Sao Mai", "Zephyr Bình Minh", "Zephyr Hướng Dương", "Zephyr Phương Nam"]) {
      const { vendor } = await vettedVendor(name);
      describe(vendor.organisationId, "Zephyr đồng hành.");
      others.push(vendor.organisationId);
    }

    const ranked = listDirectory({ q: "dong zephyr", sort: "relevance", page: 1 }).rows.map((r) => r.id);
    expect(ranked).toHaveLength(5);
    expect(ranked[0]).toBe(named.organisationId);
    expect(ranked.slice(1).sort()).toEqual([...others].sort());
    // Without diacritics or with them, the same order.
    expect(listDirectory({ q: "ĐỒNG zephyr", sort: "relevance", page: 1 }).rows[0]?.id).toBe(named.organisationId);
  });
});
