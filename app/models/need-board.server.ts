/**
 * Lists of needs (docs/product.md §5): the public board of open needs, searched, filtered and paged
 * in SQL; the counts of open needs for visitors; and an SME's own needs by their state now. The
 * lifecycle and who may see one need are needs.server.ts.
 */
import { and, asc, count, desc, eq, gt, sql, type Placeholder } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, preparedOnce, schema, ShapedWhere, type DbOrTx } from "../../db/client.server";
import { DAY_MS } from "~/lib/local-date";
import { BUDGET_BANDS, type NeedFilters } from "~/lib/need-filters";
import type { NeedStatus } from "~/lib/need-status";
import { ftsQuery } from "~/lib/search-text";
import { liveBidsNeeded, statusNowOf } from "./needs.server";
import { pageCount } from "~/lib/paging";

export const NEEDS_PAGE_SIZE = 20;

const openNow = (now: number) => and(eq(schema.needs.status, "open"), gt(schema.needs.deadline, now));

/**
 * The board's conditions, written for the plan each use wants. SQLite ignores an index for a
 * column written `+column`: in `walk` the page is read by walking the index that holds the sort
 * order (status, published_at / budget_max / deadline), filtering as it goes and stopping after
 * one page, instead of sorting every open need; in `search` the matches of the search index (only
 * findable needs, ADR 012) drive the query through the primary key; `count` reads one range of
 * (status, deadline). With `filters.invited` and `invitedVendorId`, only the needs that vendor was
 * invited to (`invitedOnly`).
 */
function boardWhere(filters: NeedFilters, now: number, mode: "walk" | "search" | "count", invitedVendorId?: string) {
  const p = sql.placeholder;
  const col = (c: SQLiteColumn, keep = false) => (mode === "count" || keep ? sql`${c}` : sql`+${c}`);
  const byDeadline = mode === "walk" && filters.sort === "deadline";
  const deadline = col(schema.needs.deadline, byDeadline);
  const q = new ShapedWhere(mode, filters.sort);
  q.fixed("open", sql`${col(schema.needs.status, mode === "walk")} = 'open'`);
  q.bind("now", now, sql`${deadline} > ${p("now")}`);
  q.bind("category", filters.category, sql`${col(schema.needs.category, mode === "walk")} = ${p("category")}`);
  q.bind("sector", filters.sector, sql`${col(schema.needs.sector, mode === "walk")} = ${p("sector")}`);
  if (filters.invited) q.bind("invitedVendorId", invitedVendorId, invitedOnly(p("invitedVendorId")));
  if (filters.budget) {
    const [from, to] = BUDGET_BANDS[filters.budget];
    const budgetMax = col(schema.needs.budgetMax, mode === "walk" && filters.sort === "budget");
    q.bind("budgetFrom", from, sql`${budgetMax} >= ${p("budgetFrom")}`);
    q.bind("budgetTo", to, sql`${col(schema.needs.budgetMin)} < ${p("budgetTo")}`);
  }
  if (filters.closes) q.bind("closesBy", now + filters.closes * DAY_MS, sql`${deadline} <= ${p("closesBy")}`);
  q.bind(
    "match",
    ftsQuery(filters.q),
    sql`${schema.needs.id} IN (SELECT need_id FROM needs_fts WHERE needs_fts MATCH ${p("match")})`,
  );
  return q;
}

/**
 * The board: open needs with the filters, sorted and a page at a time. Its statements are
 * prepared once per shape (which filters are set, the sort) and bound to the values each time.
 */
export function listOpenNeeds(
  filters: NeedFilters,
  page: number,
  now = Date.now(),
  opts: { invitedVendorId?: string } = {},
) {
  const db = getDb();
  const searching = ftsQuery(filters.q) !== null;
  const board = boardWhere(filters, now, searching ? "search" : "walk", opts.invitedVendorId);
  const statement = preparedOnce(db, `needs.board:${board.key}`, () => {
    const { needs, organisations } = schema;
    const order = (c: {
      deadline: SQLiteColumn;
      budgetMax: SQLiteColumn;
      publishedAt: SQLiteColumn;
      id: SQLiteColumn;
    }) =>
      filters.sort === "deadline"
        ? [asc(c.deadline), asc(c.id)]
        : filters.sort === "budget"
          ? [desc(c.budgetMax), asc(c.id)]
          : [desc(c.publishedAt), asc(c.id)];
    const columns = {
      id: needs.id,
      title: needs.title,
      category: needs.category,
      sector: needs.sector,
      budgetMin: needs.budgetMin,
      budgetMax: needs.budgetMax,
      deadline: needs.deadline,
      publishedAt: needs.publishedAt,
    };
    if (!searching) {
      return db
        .select({ ...columns, organisationName: organisations.legalName, matches: sql<null>`NULL` })
        .from(needs)
        .innerJoin(organisations, eq(organisations.id, needs.organisationId))
        .where(board.where)
        .orderBy(...order(needs))
        .limit(sql.placeholder("limit"))
        .offset(sql.placeholder("offset"))
        .prepare();
    }
    // A search finds its matches once: the page and, beside each row, how many there are in all.
    // The page's ids are chosen among the matches first (sorted with their keys alone), and only
    // its twenty needs are then read whole and joined to their organisation.
    const matched = db
      .select({
        id: needs.id,
        deadline: needs.deadline,
        budgetMax: needs.budgetMax,
        publishedAt: needs.publishedAt,
        matches: sql<number>`count(*) OVER ()`.as("matches"),
      })
      .from(needs)
      .where(board.where)
      .orderBy(...order(needs))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .as("page");
    return db
      .select({ ...columns, organisationName: organisations.legalName, matches: matched.matches })
      .from(matched)
      .innerJoin(needs, eq(needs.id, matched.id))
      .innerJoin(organisations, eq(organisations.id, needs.organisationId))
      .orderBy(...order(matched))
      .prepare();
  });
  const found = statement.all({ ...board.values, limit: NEEDS_PAGE_SIZE, offset: (page - 1) * NEEDS_PAGE_SIZE });
  const rows = found.map(({ matches: _matches, ...row }) => row);
  // Without a search the count reads a range of one index instead (status, deadline), without
  // the rows; a search past its last page has no row to carry the count, and counts alone.
  const counted = searching ? found[0]?.matches : undefined;
  const total = counted ?? countBoard(filters, now, searching, opts.invitedVendorId);
  return { rows, total, pageCount: pageCount(total, NEEDS_PAGE_SIZE) };
}

function countBoard(filters: NeedFilters, now: number, searching: boolean, invitedVendorId?: string) {
  const db = getDb();
  const board = boardWhere(filters, now, searching ? "search" : "count", invitedVendorId);
  const statement = preparedOnce(db, `needs.board.count:${board.key}`, () =>
    db.select({ n: count() }).from(schema.needs).where(board.where).prepare(),
  );
  return statement.get(board.values)?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The board as a vendor sees it: its invitations, its bids, its fit and the days left

/** Needs the vendor was invited to: one lookup of need_invitations' primary key (need, vendor). */
function invitedOnly(vendorId: Placeholder) {
  return sql`EXISTS (SELECT 1 FROM need_invitations i WHERE i.need_id = ${schema.needs.id} AND i.vendor_id = ${vendorId})`;
}

/**
 * For the needs on one page of the board: whether the vendor was invited to each and whether it
 * has a live bid on it, in two queries (primary key and bids_one_live_per_vendor).
 */
export function vendorMarksOnNeeds(vendorId: string, needIds: readonly string[]) {
  const marks = new Map<string, { invited: boolean; bid: boolean }>();
  if (needIds.length === 0) return marks;
  const db = getDb();
  const { invitedTo, bidOn } = preparedOnce(db, "needs.board.marks", () => {
    const p = sql.placeholder;
    const ids = sql`(SELECT value FROM json_each(${p("ids")}))`;
    return {
      invitedTo: db
        .select({ needId: schema.needInvitations.needId })
        .from(schema.needInvitations)
        .where(
          sql`${schema.needInvitations.vendorId} = ${p("vendorId")} AND ${schema.needInvitations.needId} IN ${ids}`,
        )
        .prepare(),
      bidOn: db
        .select({ needId: schema.bids.needId })
        .from(schema.bids)
        .where(
          sql`${schema.bids.vendorId} = ${p("vendorId")} AND ${schema.bids.status} <> 'withdrawn' AND ${schema.bids.needId} IN ${ids}`,
        )
        .prepare(),
    };
  });
  const values = { vendorId, ids: JSON.stringify(needIds) };
  const invited = invitedTo.all(values);
  const bids = bidOn.all(values);
  for (const id of needIds) marks.set(id, { invited: false, bid: false });
  for (const r of invited) marks.get(r.needId)!.invited = true;
  for (const r of bids) marks.get(r.needId)!.bid = true;
  return marks;
}

/** Whole days until a deadline, counted up (a need closing in 2 hours has 1 day left). */
export function daysLeft(deadline: number, now: number) {
  return Math.max(0, Math.ceil((deadline - now) / DAY_MS));
}

/** For visitors: how many needs are open in each category, and in all. */
export function countOpenNeedsByCategory(now = Date.now()) {
  const rows = getDb()
    .select({ category: schema.needs.category, n: count() })
    .from(schema.needs)
    .where(openNow(now))
    .groupBy(schema.needs.category)
    .all();
  return { byCategory: rows, total: rows.reduce((s, r) => s + r.n, 0) };
}

const ownColumns = {
  id: schema.needs.id,
  title: schema.needs.title,
  status: schema.needs.status,
  deadline: schema.needs.deadline,
  category: schema.needs.category,
  budgetMin: schema.needs.budgetMin,
  budgetMax: schema.needs.budgetMax,
  updatedAt: schema.needs.updatedAt,
};

/** The SME's own needs, most recently changed first, each with its state now. */
export function listOwnNeeds(organisationId: string, page: number, now = Date.now()) {
  const db = getDb();
  const where = eq(schema.needs.organisationId, organisationId);
  const rows = db
    .select({ ...ownColumns, liveBids: liveBidsNeeded(now) })
    .from(schema.needs)
    .where(where)
    .orderBy(desc(schema.needs.updatedAt), asc(schema.needs.id))
    .limit(NEEDS_PAGE_SIZE)
    .offset((page - 1) * NEEDS_PAGE_SIZE)
    .all()
    .map(({ liveBids, ...r }) => ({ ...r, statusNow: statusNowOf({ ...r, liveBids }, now) }));
  const total = db.select({ n: count() }).from(schema.needs).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, NEEDS_PAGE_SIZE) };
}

const STATE_ORDER: NeedStatus[] = ["open", "draft", "evaluating", "expired", "awarded", "cancelled"];
const RECENT_LIMIT = 100;
const PER_STATE = 3;

/** For the SME's home: its most recent needs grouped by their state now, a few of each. */
export function ownNeedsByState(organisationId: string, now = Date.now()) {
  const recent = getDb()
    .select({ ...ownColumns, liveBids: liveBidsNeeded(now) })
    .from(schema.needs)
    .where(eq(schema.needs.organisationId, organisationId))
    .orderBy(desc(schema.needs.updatedAt))
    .limit(RECENT_LIMIT)
    .all();
  const groups = new Map<NeedStatus, { id: string; title: string; deadline: number }[]>();
  const counts = new Map<NeedStatus, number>();
  for (const need of recent) {
    const state = statusNowOf(need, now);
    counts.set(state, (counts.get(state) ?? 0) + 1);
    const list = groups.get(state) ?? [];
    if (list.length < PER_STATE) list.push({ id: need.id, title: need.title, deadline: need.deadline });
    groups.set(state, list);
  }
  return STATE_ORDER.filter((s) => groups.has(s)).map((status) => ({
    status,
    count: counts.get(status) ?? 0,
    needs: groups.get(status) ?? [],
  }));
}

/**
 * The sweep's pruning of the search index (ADR 012): it holds only needs that can still be found
 * on the board (drafts and open needs with their deadline ahead). A need leaving `open` leaves it
 * by a trigger; this removes the ones whose deadline passed. Returns how many it removed.
 */
export function pruneNeedSearch(now = Date.now(), db: DbOrTx = getDb()): number {
  return db.run(sql`
    DELETE FROM needs_fts WHERE need_id NOT IN (
      SELECT id FROM needs WHERE status IN ('draft', 'open') AND deadline > ${now})`).changes;
}
