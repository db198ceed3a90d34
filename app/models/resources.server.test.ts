import { describe, expect, it } from "vitest";
import { createUser } from "../../db/test/factories";
import {
  createResource,
  getResourceBySlug,
  listResources,
  recommendedResources,
  setResourcePublished,
  updateResource,
  type ResourceInput,
} from "./resources.server";

const staff = () => ({ id: createUser({ role: "staff" }).id });
let n = 0;
function input(overrides: Partial<ResourceInput> = {}): ResourceInput {
  n += 1;
  return {
    slug: `huong-dan-${n}-${Math.random().toString(36).slice(2, 8)}`,
    kind: "guide",
    category: "e_invoice",
    pillar: null,
    titleVi: "Hóa đơn điện tử cho hộ kinh doanh",
    titleEn: "E-invoices for household businesses",
    summaryVi: "Đăng ký và lập hóa đơn",
    summaryEn: "Registering and issuing invoices",
    bodyVi: "## Bước đầu\n\nĐăng ký với cơ quan thuế.",
    bodyEn: "## First steps\n\nRegister with the tax authority.",
    ...overrides,
  };
}

describe("knowledge resources", () => {
  it("are found ignoring diacritics, in either language, once published", () => {
    const s = staff();
    const marker = `Đồngtâm${n}`;
    const created = createResource(s, input({ titleVi: `Chữ ký số ${marker}` }));
    if (!created.ok) throw new Error("not created");
    expect(listResources({ q: `chu ky so ${marker.replace("Đ", "d")}`, page: 1 }).total).toBe(0); // a draft
    setResourcePublished(created.id, s, true);
    expect(listResources({ q: `chu ky so ${marker.replace("Đ", "d")}`, page: 1 }).rows.map((r) => r.id)).toEqual([
      created.id,
    ]);
    updateResource(created.id, s, input({ slug: created.slug, titleVi: "Đổi tên", titleEn: `Renamed ${marker}` }));
    expect(listResources({ q: `renamed ${marker}`, page: 1 }).total).toBe(1);
    expect(listResources({ q: `chu ky so ${marker}`, page: 1 }).total).toBe(0);
    setResourcePublished(created.id, s, false);
    expect(() => getResourceBySlug(created.slug)).toThrow();
    expect(getResourceBySlug(created.slug, true).id).toBe(created.id);
  });

  it("refuse a taken slug and a resource with neither category nor pillar", () => {
    const s = staff();
    const first = createResource(s, input(), { publish: true });
    if (!first.ok) throw new Error("not created");
    expect(createResource(s, input({ slug: first.slug }))).toMatchObject({ ok: false, field: "slug" });
    expect(createResource(s, input({ category: null, pillar: null }))).toMatchObject({ ok: false, field: "category" });
  });

  it("are recommended for weak pillars first, then for the recommended categories", () => {
    const s = staff();
    const byCategory = createResource(s, input({ category: "crm", pillar: null }), {
      publish: true,
      now: Date.now() + 10,
    });
    const byPillar = createResource(s, input({ category: null, pillar: "culture" }), { publish: true });
    const other = createResource(s, input({ category: null, pillar: "data" }), { publish: true, now: Date.now() + 20 });
    if (!byCategory.ok || !byPillar.ok || !other.ok) throw new Error("not created");
    const ids = recommendedResources(["culture"], ["crm"], 10).map((r) => r.id);
    expect(ids.indexOf(byPillar.id)).toBe(0);
    expect(ids).toContain(byCategory.id);
    expect(ids).not.toContain(other.id);
    expect(recommendedResources([], [])).toEqual([]);
  });
});
