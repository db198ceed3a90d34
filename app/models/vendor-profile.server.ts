/**
 * A vendor's public profile (docs/product.md, vendors): the approved dossier with its logo and case
 * studies, the rating and its breakdown, the track record, the client outcome, the reviews a page at
 * a time, and for a signed-in SME its open needs to invite the vendor to. Always the live (approved)
 * dossier: a vetted vendor's pending change shows nowhere here until staff approve it.
 */
import { and, count, desc, eq, gt, sql } from "drizzle-orm";
import { getDb, schema } from "../../db/client.server";
import { CLIENT_OUTCOME_MIN_ENGAGEMENTS, mean, round, type OutcomeRow } from "~/lib/report-figures";
import type { SessionUser } from "~/utils/auth.server";
import { verifiedEngagementIds, logoUrl } from "./dossier-changes.server";
import { readContent } from "./dossier.server";
import { getPublicProfile } from "./directory.server";
import { trackRecords } from "./engagements.server";
import { pageCount } from "~/lib/paging";

const { reviews, needs, needInvitations } = schema;

export const REVIEWS_PAGE_SIZE = 5;
/** A review "would recommend" when it gives 8 or more out of 10. */
export const RECOMMEND_FROM = 8;

/** The average of each dimension over the vendor's reviews, and the share that would recommend it. */
export function ratingBreakdown(vendorId: string) {
  const row = getDb()
    .select({
      n: count(),
      quality: sql<number | null>`avg(${reviews.quality})`,
      schedule: sql<number | null>`avg(${reviews.schedule})`,
      value: sql<number | null>`avg(${reviews.value})`,
      communication: sql<number | null>`avg(${reviews.communication})`,
      recommenders: sql<number | null>`sum(${reviews.recommend} >= ${RECOMMEND_FROM})`,
    })
    .from(reviews)
    .where(eq(reviews.vendorId, vendorId))
    .get();
  const n = row?.n ?? 0;
  if (!row || n === 0) return null;
  return {
    count: n,
    quality: row.quality ?? 0,
    schedule: row.schedule ?? 0,
    value: row.value ?? 0,
    communication: row.communication ?? 0,
    /** 0–100 */
    recommendPercent: Math.round((100 * (row.recommenders ?? 0)) / n),
  };
}

/** One page of the vendor's reviews, newest first. */
export function reviewPage(vendorId: string, page: number) {
  const db = getDb();
  const total = db.select({ n: count() }).from(reviews).where(eq(reviews.vendorId, vendorId)).get()?.n ?? 0;
  const pages = pageCount(total, REVIEWS_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const rows = db
    .select({
      id: reviews.id,
      quality: reviews.quality,
      schedule: reviews.schedule,
      value: reviews.value,
      communication: reviews.communication,
      recommend: reviews.recommend,
      comment: reviews.comment,
      reply: reviews.reply,
      createdAt: reviews.createdAt,
      smeName: schema.organisations.legalName,
      needTitle: needs.title,
    })
    .from(reviews)
    .innerJoin(schema.organisations, eq(schema.organisations.id, reviews.smeId))
    .innerJoin(schema.engagements, eq(schema.engagements.id, reviews.engagementId))
    .innerJoin(needs, eq(needs.id, schema.engagements.needId))
    .where(eq(reviews.vendorId, vendorId))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(REVIEWS_PAGE_SIZE)
    .offset((current - 1) * REVIEWS_PAGE_SIZE)
    .all();
  return { rows, total, page: current, pageCount: pages };
}

/**
 * The client outcome: the average change in DX level of the vendor's clients, from their last
 * assessment before the award to their first after completion (as the reports measure it), shown
 * only once it rests on CLIENT_OUTCOME_MIN_ENGAGEMENTS measured engagements.
 */
export function clientOutcome(vendorId: string) {
  const rows = getDb().all<Pick<OutcomeRow, "before" | "after">>(sql`
    SELECT
      (SELECT a.level FROM assessments a WHERE a.organisation_id = e.sme_id AND a.status = 'completed'
        AND a.completed_at < e.awarded_at ORDER BY a.completed_at DESC LIMIT 1) AS before,
      (SELECT a.level FROM assessments a WHERE a.organisation_id = e.sme_id AND a.status = 'completed'
        AND a.completed_at > e.completed_at ORDER BY a.completed_at ASC LIMIT 1) AS after
    FROM engagements e
    WHERE e.vendor_id = ${vendorId} AND e.status = 'completed'`);
  const measured = rows.filter((r): r is { before: number; after: number } => r.before !== null && r.after !== null);
  const minimum = CLIENT_OUTCOME_MIN_ENGAGEMENTS;
  if (measured.length < minimum) return { shown: false as const, engagements: measured.length, minimum };
  return {
    shown: true as const,
    engagements: measured.length,
    minimum,
    change: round(mean(measured.map((r) => r.after - r.before)), 1)!,
  };
}

/** The SME's needs open for bids now, each saying whether this vendor is already invited. */
export function openNeedsToInvite(
  viewer: Pick<SessionUser, "role" | "organisationId">,
  vendorId: string,
  now = Date.now(),
) {
  if (viewer.role !== "sme") return [];
  return getDb()
    .select({
      id: needs.id,
      title: needs.title,
      deadline: needs.deadline,
      invited: sql<number>`${needInvitations.vendorId} IS NOT NULL`,
    })
    .from(needs)
    .leftJoin(needInvitations, and(eq(needInvitations.needId, needs.id), eq(needInvitations.vendorId, vendorId)))
    .where(and(eq(needs.organisationId, viewer.organisationId), eq(needs.status, "open"), gt(needs.deadline, now)))
    .orderBy(needs.deadline)
    .all()
    .map((n) => ({ ...n, invited: !!n.invited }));
}

/** Everything the public profile shows, from the approved dossier only. */
export function getVendorProfile(
  vendorId: string,
  viewer: Pick<SessionUser, "role" | "organisationId"> | null,
  page = 1,
  now = Date.now(),
) {
  const { dossier, vetted } = getPublicProfile(vendorId, viewer, now);
  const content = readContent(getDb(), dossier.id);
  const verified = verifiedEngagementIds(
    dossier.id,
    content.caseStudies.flatMap((c) => (c.engagementId ? [c.engagementId] : [])),
  );
  return {
    dossier,
    vetted,
    logoUrl: logoUrl(dossier.id, content.logo),
    caseStudies: content.caseStudies.map(({ engagementId, ...c }) => ({
      ...c,
      verified: !!engagementId && verified.has(engagementId),
    })),
    record: trackRecords([dossier.id], now).get(dossier.id)!,
    rating: ratingBreakdown(dossier.id),
    outcome: clientOutcome(dossier.id),
    reviews: reviewPage(dossier.id, page),
  };
}
