/**
 * Knowledge resources: guides and articles in Markdown, in Vietnamese and English, by solution
 * category and assessment pillar (docs/product.md "Events and knowledge"). Search folds both
 * languages' text into `resources_fts` in the same transaction as the resource (ADR 004).
 */
import { currentQuestionnaire } from "./questionnaires.server";
import crypto from "node:crypto";
import { and, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, schema, type DbOrTx, type Tx } from "../../db/client.server";
import type { Pillar } from "~/lib/dbi";
import type { Category } from "~/lib/reference";
import type { ResourceKind } from "~/lib/resource-rules";
import { ftsQuery, searchText } from "~/lib/search-text";
import { recordAudit } from "./audit.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { pageCount } from "~/lib/paging";

export type ResourceInput = {
  slug: string;
  kind: ResourceKind;
  category: Category | null;
  pillar: Pillar | null;
  titleVi: string;
  titleEn: string;
  summaryVi: string;
  summaryEn: string;
  bodyVi: string;
  bodyEn: string;
};

export type Actor = { id: string };
export type ResourceFieldError = { ok: false; error: string; field?: string };

export const RESOURCES_PAGE_SIZE = 12;

const res = schema.resources;

function refreshSearch(tx: Tx | DbOrTx, id: string, input: ResourceInput) {
  const body = searchText(
    [input.titleVi, input.titleEn, input.summaryVi, input.summaryEn, input.bodyVi, input.bodyEn].join(" "),
  );
  tx.run(sql`DELETE FROM resources_fts WHERE resource_id = ${id}`);
  tx.run(sql`INSERT INTO resources_fts (resource_id, body) VALUES (${id}, ${body})`);
}

function slugTaken(tx: DbOrTx, slug: string, exceptId?: string): boolean {
  const row = tx.select({ id: res.id }).from(res).where(eq(res.slug, slug)).get();
  return !!row && row.id !== exceptId;
}

function topicMissing(input: ResourceInput): ResourceFieldError | null {
  if (input.pillar && !currentQuestionnaire().pillars.some((p) => p.id === input.pillar)) {
    return { ok: false, error: "resources.errors.pillar", field: "pillar" };
  }
  return input.category || input.pillar ? null : { ok: false, error: "resources.errors.topic", field: "category" };
}

export function createResource(
  staff: Actor,
  input: ResourceInput,
  { publish = false, now = Date.now() }: { publish?: boolean; now?: number } = {},
): TransitionResult<string, { id: string; slug: string }> | ResourceFieldError {
  const missing = topicMissing(input);
  if (missing) return missing;
  return transition((tx): TransitionResult<string, { id: string; slug: string }> | ResourceFieldError => {
    if (slugTaken(tx, input.slug)) return { ok: false, error: "resources.errors.slugTaken", field: "slug" };
    const id = crypto.randomUUID();
    tx.insert(res)
      .values({
        id,
        ...input,
        status: publish ? "published" : "draft",
        publishedAt: publish ? now : null,
        createdBy: staff.id,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    refreshSearch(tx, id, input);
    recordAudit({ actorId: staff.id, action: "resource_created", subjectType: "resource", subjectId: id }, tx);
    return { ok: true, id, slug: input.slug };
  });
}

export function updateResource(
  id: string,
  staff: Actor,
  input: ResourceInput,
  now = Date.now(),
): TransitionResult<string> | ResourceFieldError {
  const missing = topicMissing(input);
  if (missing) return missing;
  return transition((tx): TransitionResult<string> | ResourceFieldError => {
    const current = resourceRow(id, tx);
    if (slugTaken(tx, input.slug, id)) return { ok: false, error: "resources.errors.slugTaken", field: "slug" };
    expectOneChange(
      tx
        .update(res)
        .set({ ...input, updatedAt: now })
        .where(and(eq(res.id, id), eq(res.updatedAt, current.updatedAt)))
        .run(),
      "the resource",
    );
    refreshSearch(tx, id, input);
    recordAudit({ actorId: staff.id, action: "resource_edited", subjectType: "resource", subjectId: id }, tx);
    return { ok: true };
  });
}

/** Publishes a draft or takes a published resource off the list. */
export function setResourcePublished(
  id: string,
  staff: Actor,
  publish: boolean,
  now = Date.now(),
): TransitionResult<"already"> {
  return transition((tx): TransitionResult<"already"> => {
    const current = resourceRow(id, tx);
    const from = publish ? "draft" : "published";
    if (current.status !== from) return { ok: false, error: "already" };
    expectOneChange(
      tx
        .update(res)
        .set({
          status: publish ? "published" : "draft",
          publishedAt: publish ? now : current.publishedAt,
          updatedAt: now,
        })
        .where(and(eq(res.id, id), eq(res.status, from)))
        .run(),
      "the resource",
    );
    recordAudit(
      {
        actorId: staff.id,
        action: publish ? "resource_published" : "resource_unpublished",
        subjectType: "resource",
        subjectId: id,
      },
      tx,
    );
    return { ok: true };
  });
}

function resourceRow(id: string, db: DbOrTx = getDb()) {
  const row = db.select().from(res).where(eq(res.id, id)).get();
  if (!row) throw new Response("Not found", { status: 404 });
  return row;
}

export function getResourceForStaff(id: string) {
  return resourceRow(id);
}

/** A published resource by its slug (staff also see drafts); a 404 otherwise. */
export function getResourceBySlug(slug: string, isStaff = false) {
  const row = getDb().select().from(res).where(eq(res.slug, slug)).get();
  if (!row || (row.status !== "published" && !isStaff)) throw new Response("Not found", { status: 404 });
  return row;
}

const listColumns = {
  id: res.id,
  slug: res.slug,
  kind: res.kind,
  category: res.category,
  pillar: res.pillar,
  titleVi: res.titleVi,
  titleEn: res.titleEn,
  summaryVi: res.summaryVi,
  summaryEn: res.summaryEn,
  status: res.status,
  publishedAt: res.publishedAt,
  updatedAt: res.updatedAt,
};

export type ResourceListItem = ReturnType<typeof newestResources>[number];

/**
 * Published resources, newest first, optionally matching a search (every word a prefix, without
 * diacritics) and a category or pillar.
 */
export function listResources({
  q,
  category,
  pillar,
  page,
}: {
  q?: string | null;
  category?: Category | null;
  pillar?: Pillar | null;
  page: number;
}) {
  const conditions: SQL[] = [eq(res.status, "published")];
  const match = q ? ftsQuery(q) : null;
  if (match)
    conditions.push(sql`${res.id} IN (SELECT resource_id FROM resources_fts WHERE resources_fts MATCH ${match})`);
  if (category) conditions.push(eq(res.category, category));
  if (pillar) conditions.push(eq(res.pillar, pillar));
  const where = and(...conditions);
  const rows = getDb()
    .select(listColumns)
    .from(res)
    .where(where)
    .orderBy(desc(res.publishedAt), desc(res.id))
    .limit(RESOURCES_PAGE_SIZE)
    .offset((page - 1) * RESOURCES_PAGE_SIZE)
    .all();
  const total = getDb().select({ n: count() }).from(res).where(where).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, RESOURCES_PAGE_SIZE) };
}

/** Every resource for staff, last changed first. */
export function listResourcesForStaff({ page }: { page: number }) {
  const rows = getDb()
    .select(listColumns)
    .from(res)
    .orderBy(desc(res.updatedAt), desc(res.id))
    .limit(RESOURCES_PAGE_SIZE)
    .offset((page - 1) * RESOURCES_PAGE_SIZE)
    .all();
  const total = getDb().select({ n: count() }).from(res).get()?.n ?? 0;
  return { rows, total, pageCount: pageCount(total, RESOURCES_PAGE_SIZE) };
}

/** The newest published guides (the home page). */
export function newestResources(limit = 3) {
  return getDb()
    .select(listColumns)
    .from(res)
    .where(eq(res.status, "published"))
    .orderBy(desc(res.publishedAt), desc(res.id))
    .limit(limit)
    .all();
}

/**
 * The published resources for the weakest pillars of an assessment, and for the categories
 * recommended for them: those about a weak pillar first, newest first.
 */
export function recommendedResources(pillars: readonly Pillar[], categories: readonly Category[] = [], limit = 4) {
  if (pillars.length === 0 && categories.length === 0) return [];
  const topic: SQL[] = [];
  if (pillars.length) topic.push(inArray(res.pillar, [...pillars]));
  if (categories.length) topic.push(inArray(res.category, [...categories]));
  const pillarFirst = pillars.length ? sql`CASE WHEN ${inArray(res.pillar, [...pillars])} THEN 0 ELSE 1 END` : sql`0`;
  return getDb()
    .select(listColumns)
    .from(res)
    .where(and(eq(res.status, "published"), or(...topic)))
    .orderBy(pillarFirst, desc(res.publishedAt))
    .limit(limit)
    .all();
}
