/**
 * A risk flag's case file for staff (docs/product.md §10, §11): the subject and everyone involved,
 * with what the rule looked at — the need's bids side by side for the bid rules, the milestones
 * with their dates for the delivery rules. Read only; a handful of indexed queries per flag.
 */
import { sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";

/** At most this many bids or milestones in a case file (a need or an engagement rarely has more). */
export const CASE_FILE_ROWS = 50;

const BID_RULES = new Set(["IDENTICAL_BIDS", "LOW_BID", "SINGLE_BID"]);
const DELIVERY_RULES = new Set(["MILESTONE_OVERDUE", "REVIEW_OVERDUE", "REPEATED_REJECTION", "STALLED", "AMENDMENTS"]);

type FlagRef = {
  code: string;
  subjectType: string;
  subjectId: string;
  needId: string | null;
  engagementId: string | null;
  vendorId: string | null;
  evidence: Record<string, unknown>;
};

export function flagCaseFile(flag: FlagRef) {
  const db = getDb();
  const need = flag.needId
    ? (db.get<{
        id: string;
        title: string;
        smeId: string;
        smeName: string;
        budgetMin: number;
        budgetMax: number;
        deadline: number;
      }>(sql`
        SELECT n.id AS id, n.title AS title, o.id AS smeId, o.legal_name AS smeName,
          n.budget_min AS budgetMin, n.budget_max AS budgetMax, n.deadline AS deadline
        FROM needs n JOIN organisations o ON o.id = n.organisation_id WHERE n.id = ${flag.needId}`) ?? null)
    : null;
  const engagement = flag.engagementId
    ? (db.get<{
        id: string;
        total: number;
        awardedAt: number;
        status: string;
        vendorId: string;
        vendorName: string;
      }>(sql`
        SELECT e.id AS id, e.total AS total, e.awarded_at AS awardedAt, e.status AS status,
          v.id AS vendorId, v.legal_name AS vendorName
        FROM engagements e JOIN organisations v ON v.id = e.vendor_id WHERE e.id = ${flag.engagementId}`) ?? null)
    : null;
  const vendor = flag.vendorId
    ? (db.get<{ id: string; name: string }>(
        sql`SELECT id, legal_name AS name FROM organisations WHERE id = ${flag.vendorId}`,
      ) ?? null)
    : null;

  // The bids the rule compared: the need's bids that were not withdrawn, the flagged ones marked.
  const flagged = new Set<string>(
    flag.code === "IDENTICAL_BIDS" && Array.isArray(flag.evidence.bidIds)
      ? (flag.evidence.bidIds as string[])
      : flag.code === "LOW_BID"
        ? [flag.subjectId]
        : [],
  );
  const bids =
    need && BID_RULES.has(flag.code)
      ? db
          .all<{
            id: string;
            vendorId: string;
            vendorName: string;
            total: number;
            durationDays: number;
            status: string;
          }>(
            sql`
          SELECT b.id AS id, b.vendor_id AS vendorId, o.legal_name AS vendorName, b.total AS total,
            b.duration_days AS durationDays, b.status AS status
          FROM bids b JOIN organisations o ON o.id = b.vendor_id
          WHERE b.need_id = ${need.id} AND b.status <> 'withdrawn'
          ORDER BY b.total, b.id
          LIMIT ${CASE_FILE_ROWS}`,
          )
          .map((b) => ({ ...b, flagged: flagged.has(b.id) }))
          // The flagged bids first, side by side; then the others they were compared with.
          .sort((a, b) => Number(b.flagged) - Number(a.flagged))
      : [];

  const milestones =
    engagement && DELIVERY_RULES.has(flag.code)
      ? db.all<{
          id: string;
          title: string;
          dueAt: number;
          submittedAt: number | null;
          acceptedAt: number | null;
          status: string;
          rejections: number;
        }>(sql`
          SELECT id, title, due_at AS dueAt, submitted_at AS submittedAt, accepted_at AS acceptedAt,
            status, rejections
          FROM engagement_milestones WHERE engagement_id = ${engagement.id}
          ORDER BY position LIMIT ${CASE_FILE_ROWS}`)
      : [];

  return { need, engagement, vendor, bids, milestones };
}
