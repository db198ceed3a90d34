/**
 * The public directory of vendors (docs/product.md, vendors): vetted, unexpired and unsuspended
 * vendors, searched and filtered in SQL, and a vendor's public profile.
 */
import { sql } from "drizzle-orm";
import { getDb, preparedOnce, schema, type DB } from "../../db/client.server";
import { hasRole } from "~/lib/permissions";
import type { Category, Sector, StaffOrganisation } from "~/lib/reference";
import { ftsQuery } from "~/lib/search-text";
import { isVettedNow } from "~/lib/vendor-lifecycle";
import type { DirectorySort } from "~/lib/vendor-options";
import type { SessionUser } from "~/utils/auth.server";
import { getDossier, notFound } from "./dossier.server";
import { logoUrl } from "./dossier-changes.server";
import { pageCount } from "~/lib/paging";

const { vendorCategories } = schema;

export const DIRECTORY_PAGE_SIZE = 12;

export type DirectoryQuery = {
  q?: string;
  category?: Category;
  sector?: Sector;
  priceMax?: number;
  sort: DirectorySort;
  page: number;
};

type DirectoryRow = {
  id: string;
  legalName: string;
  description: string;
  vettedAt: number;
  vettingExpiresAt: number;
  vettedBy: StaffOrganisation | null;
  ratingAvg: number | null;
  ratingCount: number;
  priceFrom: number | null;
  city: string | null;
  logoKey: string | null;
};

/**
 * Vetted, unexpired and unsuspended now (`isVettedNow`), as SQL over `organisations o` joined to
 * `vendor_profiles p`: the directory's filter, shared with matchmaking. A suspended vendor's
 * status is `suspended`, so `vetted` alone excludes it.
 */
export function vettedNowConditions(now: number) {
  return [sql`o.kind = 'vendor'`, sql`o.vendor_status = 'vetted'`, sql`p.vetting_expires_at > ${now}`];
}

/**
 * Relevance, computed: the vendor whose name holds every word typed comes first, then one whose
 * categories hold them, then its packages, then the rest (the words only in the description).
 * bm25 alone cannot do it: a word in nearly every row ("dong" of "đồng hành") weighs nothing.
 * Each tier is one lookup in the full-text index (a column filter on the same query). Within a
 * tier, vendors with verified reviews come first, then bm25 with the same column order of weight.
 */
function relevanceTier(match: string) {
  const inColumn = (column: string) =>
    sql`f.rowid IN (SELECT rowid FROM vendors_fts WHERE vendors_fts MATCH ${`{${column}} : (${match})`})`;
  return sql`CASE WHEN ${inColumn("name")} THEN 0 WHEN ${inColumn("categories")} THEN 1
    WHEN ${inColumn("packages")} THEN 2 ELSE 3 END`;
}

/**
 * The page's vendors read whole (name, description, lowest price) and their categories, for a JSON
 * list of ids: built and prepared once per connection (building them cost more than running them).
 */
function pageReads(db: DB) {
  return preparedOnce(db, "directory.page", () => {
    const ids = sql`(SELECT value FROM json_each(${sql.placeholder("ids")}))`;
    return {
      vendors: db
        .select({
          id: sql<string>`o.id`.as("id"),
          legalName: sql<string>`o.legal_name`.as("legalName"),
          description: sql<string>`p.description`.as("description"),
          city: sql<string | null>`o.city`.as("city"),
          vettedAt: sql<number>`p.vetted_at`.as("vettedAt"),
          vettingExpiresAt: sql<number>`p.vetting_expires_at`.as("vettingExpiresAt"),
          vettedBy: sql<StaffOrganisation | null>`p.vetted_by`.as("vettedBy"),
          ratingAvg: sql<number | null>`p.rating_avg_x100`.as("ratingAvg"),
          ratingCount: sql<number>`p.rating_count`.as("ratingCount"),
          logoKey: sql<string | null>`p.logo_key`.as("logoKey"),
          priceFrom: sql<number | null>`(SELECT min(sp.price_from) FROM service_packages sp
            WHERE sp.vendor_id = o.id AND sp.removed_at IS NULL)`.as("priceFrom"),
        })
        .from(sql`organisations o JOIN vendor_profiles p ON p.organisation_id = o.id`)
        .where(sql`o.id IN ${ids}`)
        .prepare(),
      categories: db
        .select({ vendorId: vendorCategories.vendorId, category: vendorCategories.category })
        .from(vendorCategories)
        .where(sql`${vendorCategories.vendorId} IN ${ids}`)
        .orderBy(vendorCategories.vendorId, vendorCategories.category)
        .prepare(),
    };
  });
}

/**
 * Vetted, unexpired, unsuspended vendors matching the query: filtered and paged in SQL.
 *
 * The listing is `vendor_profiles.listed_until > now` (kept by triggers: migration
 * vendor_listing_triggers), so the filter, the count and the unsearched orders are served by that
 * table's indexes: the newest or best-rated page walks an index up to its twelfth vendor, and the
 * count reads one index range. A search joins its matches to the profiles by the full-text row's
 * rowid (`search_rowid`), in an index that also holds the filter and the sort keys. Only the page's vendors are then read whole (name, description,
 * lowest price, categories).
 */
export function listDirectory(query: DirectoryQuery, now = Date.now()) {
  const db = getDb();
  const match = query.q ? ftsQuery(query.q) : null;
  const conditions = [sql`p.listed_until > ${now}`];
  if (match) conditions.push(sql`vendors_fts MATCH ${match}`);
  if (query.category) {
    conditions.push(
      sql`p.organisation_id IN (SELECT c.vendor_id FROM vendor_categories c WHERE c.category = ${query.category})`,
    );
  }
  if (query.sector) {
    conditions.push(
      sql`p.organisation_id IN (SELECT s.vendor_id FROM vendor_sectors s WHERE s.sector = ${query.sector})`,
    );
  }
  if (query.priceMax !== undefined) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM service_packages sp WHERE sp.vendor_id = p.organisation_id AND sp.removed_at IS NULL
        AND sp.price_from <= ${query.priceMax} ${query.category ? sql`AND sp.category = ${query.category}` : sql``})`,
    );
  }
  const where = sql.join(conditions, sql` AND `);
  const from = match ? sql`vendors_fts f JOIN vendor_profiles p ON p.search_rowid = f.rowid` : sql`vendor_profiles p`;
  const sort = query.sort === "relevance" && !match ? "newest" : query.sort;
  // Each order ends on the vendor's id, so that equal keys keep one order from page to page.
  const order =
    sort === "relevance" && match
      ? sql`${relevanceTier(match)}, p.rating_count > 0 DESC, bm25(vendors_fts, 0, 10, 5, 3, 1), p.vetted_at DESC, p.organisation_id`
      : sort === "rating"
        ? sql`(p.rating_avg_x100 IS NULL), p.rating_avg_x100 DESC, p.rating_count DESC, p.vetted_at DESC, p.organisation_id`
        : sql`p.vetted_at DESC, p.organisation_id`;
  const ids = db
    .all<{ id: string }>(
      sql`
      SELECT p.organisation_id AS id FROM ${from}
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${DIRECTORY_PAGE_SIZE} OFFSET ${(query.page - 1) * DIRECTORY_PAGE_SIZE}`,
    )
    .map((r) => r.id);
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`)?.n ?? 0;
  const page = pageReads(db);
  const idList = JSON.stringify(ids);
  const found = ids.length ? page.vendors.all({ ids: idList }) : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is DirectoryRow => r !== undefined);
  const categories = ids.length ? page.categories.all({ ids: idList }) : [];
  return {
    rows: rows.map(({ logoKey, ...r }) => ({
      ...r,
      logoUrl: logoUrl(r.id, logoKey ? { key: logoKey } : null),
      categories: categories.filter((c) => c.vendorId === r.id).map((c) => c.category),
    })),
    total,
    pageCount: pageCount(total, DIRECTORY_PAGE_SIZE),
    sort,
  };
}

/**
 * A vendor's public profile. Anyone may see a vetted vendor; the vendor itself and staff also see
 * one that is not (with its status); everyone else gets a 404.
 */
export function getPublicProfile(
  vendorId: string,
  viewer: Pick<SessionUser, "role" | "organisationId"> | null,
  now = Date.now(),
) {
  const dossier = getDossier(vendorId, now);
  const vetted = isVettedNow({ status: dossier.status, vettingExpiresAt: dossier.vettingExpiresAt }, now);
  const privileged = hasRole(viewer, "staff") || viewer?.organisationId === vendorId;
  if (!vetted && !privileged) notFound();
  return { dossier, vetted };
}
