import { describe, expect, it } from "vitest";
import { DAY_MS } from "~/lib/local-date";
import { session, vettedVendor } from "../../db/test/vendors";
import { getDossier } from "./dossier.server";
import { getPublicProfile, listDirectory } from "./directory.server";
import { decide } from "./vetting.server";

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

    expect(await decide(session(staff, "staff"), id, "reinstate", {}, "ip")).toEqual({ ok: true });
    expect(listDirectory({ q: "dong tam so", sort: "relevance", page: 1 }).rows.map((r) => r.id)).toContain(id);
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
});
