/**
 * The OCDS export (docs/product.md §11, issue 13): the programme's record as one release package, read in
 * keyset pages of needs and written as a stream, so that neither a table nor the package is ever
 * whole in memory and the event loop is free between pages. The mapping is app/lib/ocds.ts;
 * this module only reads the columns it needs (never a person's name, email or phone).
 */
import { and, asc, eq, gt, inArray, isNotNull, ne } from "drizzle-orm";
import { getDb, schema } from "../../db/client.server";
import { recordAudit } from "./audit.server";
import {
  buildRelease,
  packageEnvelope,
  type OcdsAmendmentRow,
  type OcdsBidRow,
  type OcdsEngagementRow,
  type OcdsMilestoneRow,
  type OcdsOrganisationRow,
  type OcdsProcess,
  type PackageMeta,
  type Release,
} from "~/lib/ocds";
import { env } from "~/utils/env.server";

/** Needs per page: a few hundred keep each synchronous read short. */
export const OCDS_PAGE_SIZE = 200;

type PageOptions = { now: number; ocidPrefix: string; limit?: number };

/** The queries of one page, by themselves so that a test can read their plans. */
export const ocdsQueries = {
  /** Published needs after the cursor, in id order (the primary key's index). */
  needs(after: string | null, limit: number) {
    const published = and(ne(schema.needs.status, "draft"), isNotNull(schema.needs.publishedAt));
    return getDb()
      .select({
        id: schema.needs.id,
        organisationId: schema.needs.organisationId,
        title: schema.needs.title,
        description: schema.needs.description,
        category: schema.needs.category,
        status: schema.needs.status,
        budgetMin: schema.needs.budgetMin,
        budgetMax: schema.needs.budgetMax,
        deadline: schema.needs.deadline,
        publishedAt: schema.needs.publishedAt,
        closedAt: schema.needs.closedAt,
        cancelledAt: schema.needs.cancelledAt,
        updatedAt: schema.needs.updatedAt,
      })
      .from(schema.needs)
      .where(after === null ? published : and(gt(schema.needs.id, after), published))
      .orderBy(asc(schema.needs.id))
      .limit(limit);
  },
  bids(needIds: string[]) {
    return getDb()
      .select({
        id: schema.bids.id,
        needId: schema.bids.needId,
        vendorId: schema.bids.vendorId,
        status: schema.bids.status,
        total: schema.bids.total,
        createdAt: schema.bids.createdAt,
        updatedAt: schema.bids.updatedAt,
        withdrawnAt: schema.bids.withdrawnAt,
      })
      .from(schema.bids)
      .where(inArray(schema.bids.needId, needIds));
  },
  engagements(needIds: string[]) {
    return getDb()
      .select({
        id: schema.engagements.id,
        needId: schema.engagements.needId,
        bidId: schema.engagements.bidId,
        vendorId: schema.engagements.vendorId,
        status: schema.engagements.status,
        total: schema.engagements.total,
        awardedAt: schema.engagements.awardedAt,
        completedAt: schema.engagements.completedAt,
        terminatedAt: schema.engagements.terminatedAt,
      })
      .from(schema.engagements)
      .where(inArray(schema.engagements.needId, needIds));
  },
  milestones(engagementIds: string[]) {
    return getDb()
      .select({
        id: schema.engagementMilestones.id,
        engagementId: schema.engagementMilestones.engagementId,
        position: schema.engagementMilestones.position,
        title: schema.engagementMilestones.title,
        dueAt: schema.engagementMilestones.dueAt,
        amount: schema.engagementMilestones.amount,
        status: schema.engagementMilestones.status,
        acceptedAt: schema.engagementMilestones.acceptedAt,
      })
      .from(schema.engagementMilestones)
      .where(inArray(schema.engagementMilestones.engagementId, engagementIds));
  },
  /** Only accepted amendments changed the contract; their reasons (a person's words) are not read. */
  amendments(engagementIds: string[]) {
    return getDb()
      .select({
        id: schema.amendments.id,
        engagementId: schema.amendments.engagementId,
        kind: schema.amendments.kind,
        status: schema.amendments.status,
        valueDelta: schema.amendments.valueDelta,
        createdAt: schema.amendments.createdAt,
        decidedAt: schema.amendments.decidedAt,
      })
      .from(schema.amendments)
      .where(and(inArray(schema.amendments.engagementId, engagementIds), eq(schema.amendments.status, "accepted")));
  },
  /** Legal name and tax code only: an organisation's phone and address are not read. */
  organisations(ids: string[]) {
    return getDb()
      .select({
        id: schema.organisations.id,
        legalName: schema.organisations.legalName,
        taxCode: schema.organisations.taxCode,
      })
      .from(schema.organisations)
      .where(inArray(schema.organisations.id, ids));
  },
};

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * One page of releases: the published needs after `after` (a need id), with their bids,
 * engagements, milestones, amendments and organisations read in one query each. `next` is the
 * cursor of the following page, null after the last.
 */
export function ocdsReleasePage(after: string | null, opts: PageOptions): { releases: Release[]; next: string | null } {
  const limit = opts.limit ?? OCDS_PAGE_SIZE;
  const needs = ocdsQueries.needs(after, limit).all();
  if (needs.length === 0) return { releases: [], next: null };
  const needIds = needs.map((n) => n.id);
  const bids = ocdsQueries.bids(needIds).all();
  const engagements = ocdsQueries.engagements(needIds).all();
  const engagementIds = engagements.map((e) => e.id);
  const milestones = engagementIds.length ? ocdsQueries.milestones(engagementIds).all() : [];
  const amendments = engagementIds.length ? ocdsQueries.amendments(engagementIds).all() : [];
  const orgIds = [...new Set([...needs.map((n) => n.organisationId), ...bids.map((b) => b.vendorId)])];
  const organisations = new Map<string, OcdsOrganisationRow>(
    ocdsQueries
      .organisations(orgIds)
      .all()
      .map((o) => [o.id, o]),
  );

  const bidsByNeed = groupBy<(typeof bids)[number] & OcdsBidRow, string>(bids, (b) => b.needId);
  const engagementByNeed = new Map(engagements.map((e) => [e.needId, e]));
  const milestonesByEngagement = groupBy<OcdsMilestoneRow & { engagementId: string }, string>(
    milestones,
    (m) => m.engagementId,
  );
  const amendmentsByEngagement = groupBy<OcdsAmendmentRow & { engagementId: string }, string>(
    amendments,
    (a) => a.engagementId,
  );

  const releases: Release[] = [];
  for (const need of needs) {
    const e = engagementByNeed.get(need.id);
    const engagement: OcdsEngagementRow | null = e
      ? {
          ...e,
          milestones: milestonesByEngagement.get(e.id) ?? [],
          amendments: amendmentsByEngagement.get(e.id) ?? [],
        }
      : null;
    const process: OcdsProcess = { need, bids: bidsByNeed.get(need.id) ?? [], engagement, organisations };
    const release = buildRelease(process, opts);
    if (release) releases.push(release);
  }
  return { releases, next: needs.length < limit ? null : needs[needs.length - 1]!.id };
}

/** The OCID prefix setting (README: a real deployment registers its own). */
export function ocidPrefix(): string {
  return env().OCID_PREFIX;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The release package as a stream of UTF-8 JSON: the envelope, then each page of releases as the
 * reader asks for it, each page read synchronously (no statement stays open across an await) and
 * the event loop given back before the next.
 */
export function ocdsPackageStream(
  meta: Omit<PackageMeta, "publishedDate">,
  opts: { now?: number; ocidPrefix?: string; pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  const now = opts.now ?? Date.now();
  const pageOptions: PageOptions = { now, ocidPrefix: opts.ocidPrefix ?? ocidPrefix(), limit: opts.pageSize };
  const { head, tail } = packageEnvelope({ ...meta, publishedDate: now });
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  let written = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      for (;;) {
        await nextTick();
        const page = ocdsReleasePage(cursor, pageOptions);
        let text = "";
        for (const release of page.releases) {
          text += (written === 0 ? "" : ",") + JSON.stringify(release);
          written += 1;
        }
        if (page.next === null) {
          controller.enqueue(encoder.encode(text + tail));
          controller.close();
          return;
        }
        cursor = page.next;
        // A pull must enqueue something or the reader waits for good: an empty page reads on.
        if (text) {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
    },
  });
}

/** Staff download the package: recorded in the audit log, then streamed. */
export function exportOcds(
  actor: { id: string },
  ip: string | null,
  meta: Omit<PackageMeta, "publishedDate">,
): ReadableStream<Uint8Array> {
  recordAudit({ actorId: actor.id, action: "ocds_exported", ip });
  return ocdsPackageStream(meta);
}
