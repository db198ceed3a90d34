/**
 * Delivering an engagement (DESIGN §9): milestone submissions and decisions, attachments,
 * amendments, messages, incidents, reviews and the outcome. Every change is written to the
 * engagement's timeline in the same transaction and notifies the other party.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, avg, count, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { getDb, schema, type DB } from "../../db/client.server";
import { allAccepted, milestoneTransition, overallRating, type MilestoneAction, type Side } from "~/lib/delivery-rules";
import { MAX_FILE_BYTES, MAX_FILES, safeFileName, sniffFileType } from "~/lib/file-types";
import { hasRole } from "~/lib/permissions";
import { estimateSupport } from "~/lib/support-estimate";
import type { NotificationKind } from "~/lib/notification-kinds";
import type { Role } from "~/lib/reference";
import { env } from "~/utils/env.server";
import { recordAudit } from "./audit.server";
import { reevaluate } from "./flags.server";
import { notify, organisationUserIds, staffUserIds } from "./notifications.server";
import { getSupportRates } from "./settings.server";

type Actor = { id: string; organisationId: string; role: Role };

export type DeliveryFailure = {
  ok: false;
  error:
    | "wrong_side"
    | "illegal_transition"
    | "engagement_closed"
    | "file_type"
    | "file_size"
    | "too_many_files"
    | "not_completed"
    | "already_reviewed"
    | "already_replied"
    | "not_proposed"
    | "own_amendment"
    | "bad_amendment";
};
export type DeliveryResult = { ok: true } | DeliveryFailure;

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

function engagementOf(db: DB, engagementId: string) {
  const e = db.select().from(schema.engagements).where(eq(schema.engagements.id, engagementId)).get();
  if (!e) notFound();
  return e;
}

/** Which side of the engagement the user is on; a stranger gets a 404. */
export function sideOf(engagement: { smeId: string; vendorId: string }, actor: Actor): Side | "staff" {
  if (actor.organisationId === engagement.smeId && actor.role === "sme") return "sme";
  if (actor.organisationId === engagement.vendorId && actor.role === "vendor") return "vendor";
  if (hasRole(actor, "staff")) return "staff";
  notFound();
}

/** Appends an event to the engagement's timeline, in the caller's transaction, and bumps its last activity. */
export function addEvent(
  tx: DB,
  engagementId: string,
  kind: (typeof schema.TIMELINE_KINDS)[number],
  actorId: string | null,
  now: number,
  body?: string | null,
  params?: Record<string, string | number>,
) {
  tx.insert(schema.engagementEvents)
    .values({
      engagementId,
      kind,
      actorId,
      body: body ?? null,
      params: params ? JSON.stringify(params) : null,
      at: now,
    })
    .run();
  tx.update(schema.engagements).set({ lastActivityAt: now }).where(eq(schema.engagements.id, engagementId)).run();
}

async function tellOther(
  engagement: { id: string; smeId: string; vendorId: string; needId: string },
  from: Side | "staff",
  kind: NotificationKind,
  params: Record<string, string | number> = {},
) {
  const need = getDb()
    .select({ title: schema.needs.title })
    .from(schema.needs)
    .where(eq(schema.needs.id, engagement.needId))
    .get();
  const targets =
    from === "sme"
      ? organisationUserIds(engagement.vendorId)
      : from === "vendor"
        ? organisationUserIds(engagement.smeId)
        : [...organisationUserIds(engagement.smeId), ...organisationUserIds(engagement.vendorId)];
  notify(targets, kind, { need: need?.title ?? "", ...params }, `/engagements/${engagement.id}`);
}

// ---------------------------------------------------------------------------------------------
// Files

export function uploadsDir() {
  return path.resolve(env().UPLOADS_DIR);
}

export type Upload = { name: string; bytes: Uint8Array };

/** Checks every file by its content before anything is written. */
export function checkUploads(files: Upload[]): DeliveryFailure | null {
  if (files.length > MAX_FILES) return { ok: false, error: "too_many_files" };
  for (const f of files) {
    if (f.bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: "file_size" };
    if (!sniffFileType(f.bytes, f.name)) return { ok: false, error: "file_type" };
  }
  return null;
}

/** An attachment the viewer may download: the engagement's parties and staff only, else 404. */
export function getAttachmentForViewer(engagementId: string, attachmentId: string, actor: Actor) {
  const db = getDb();
  sideOf(engagementOf(db, engagementId), actor);
  const a = db
    .select()
    .from(schema.attachments)
    .where(and(eq(schema.attachments.id, attachmentId), eq(schema.attachments.engagementId, engagementId)))
    .get();
  if (!a) notFound();
  const file = path.join(uploadsDir(), a.storageKey);
  if (!fs.existsSync(file)) notFound();
  return { ...a, file };
}

// ---------------------------------------------------------------------------------------------
// Milestones

function milestoneOf(db: DB, engagementId: string, milestoneId: string) {
  const m = db
    .select()
    .from(schema.engagementMilestones)
    .where(
      and(eq(schema.engagementMilestones.id, milestoneId), eq(schema.engagementMilestones.engagementId, engagementId)),
    )
    .get();
  if (!m) notFound();
  return m;
}

function check(
  action: MilestoneAction,
  side: Side | "staff",
  status: schema.MilestoneStatus,
  active: boolean,
): DeliveryFailure | null {
  const t = milestoneTransition(action, side, status, active);
  return t.ok ? null : { ok: false, error: t.error };
}

export async function submitMilestone(
  actor: Actor,
  engagementId: string,
  milestoneId: string,
  input: { note: string; link?: string | null; files: Upload[] },
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  const m = milestoneOf(db, engagementId, milestoneId);
  const refusal = check("submit", side, m.status, e.status === "active") ?? checkUploads(input.files);
  if (refusal) return refusal;
  const submissionId = crypto.randomUUID();
  const stored: { key: string; file: Upload; mime: string }[] = input.files.map((f) => ({
    key: `${engagementId}/${crypto.randomUUID()}`,
    file: f,
    mime: sniffFileType(f.bytes, f.name)!.mime,
  }));
  for (const s of stored) {
    const target = path.join(uploadsDir(), s.key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, s.file.bytes, { flag: "wx" });
  }
  db.transaction((tx) => {
    tx.insert(schema.milestoneSubmissions)
      .values({
        id: submissionId,
        milestoneId,
        engagementId,
        note: input.note,
        link: input.link ?? null,
        submittedBy: actor.id,
        submittedAt: now,
      })
      .run();
    for (const s of stored) {
      tx.insert(schema.attachments)
        .values({
          id: crypto.randomUUID(),
          engagementId,
          submissionId,
          fileName: safeFileName(s.file.name),
          mimeType: s.mime,
          size: s.file.bytes.byteLength,
          storageKey: s.key,
          uploadedBy: actor.id,
          createdAt: now,
        })
        .run();
    }
    tx.update(schema.engagementMilestones)
      .set({ status: "submitted", submittedAt: now, firstSubmittedAt: m.firstSubmittedAt ?? now })
      .where(eq(schema.engagementMilestones.id, milestoneId))
      .run();
    addEvent(tx, engagementId, "milestone_submitted", actor.id, now, input.note, { milestone: m.title });
  });
  await tellOther(e, side, "milestone_submitted", { milestone: m.title });
  await reevaluate({ engagementId });
  return { ok: true };
}

export async function decideMilestone(
  actor: Actor,
  engagementId: string,
  milestoneId: string,
  decision: "accept" | "request_changes",
  reason: string | null,
  now = Date.now(),
): Promise<DeliveryResult & { completed?: boolean }> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  const m = milestoneOf(db, engagementId, milestoneId);
  const refusal = check(decision, side, m.status, e.status === "active");
  if (refusal) return refusal;
  const completed = db.transaction((tx) => {
    const latest = tx
      .select({ id: schema.milestoneSubmissions.id })
      .from(schema.milestoneSubmissions)
      .where(eq(schema.milestoneSubmissions.milestoneId, milestoneId))
      .orderBy(desc(schema.milestoneSubmissions.submittedAt))
      .get();
    if (latest) {
      tx.update(schema.milestoneSubmissions)
        .set({
          decision: decision === "accept" ? "accepted" : "changes_requested",
          decisionReason: reason,
          decidedBy: actor.id,
          decidedAt: now,
        })
        .where(eq(schema.milestoneSubmissions.id, latest.id))
        .run();
    }
    tx.update(schema.engagementMilestones)
      .set(
        decision === "accept"
          ? { status: "accepted", acceptedAt: now }
          : { status: "changes_requested", rejections: sql`${schema.engagementMilestones.rejections} + 1` },
      )
      .where(eq(schema.engagementMilestones.id, milestoneId))
      .run();
    addEvent(
      tx,
      engagementId,
      decision === "accept" ? "milestone_accepted" : "milestone_changes_requested",
      actor.id,
      now,
      reason,
      {
        milestone: m.title,
      },
    );
    const statuses = tx
      .select({ status: schema.engagementMilestones.status })
      .from(schema.engagementMilestones)
      .where(eq(schema.engagementMilestones.engagementId, engagementId))
      .all()
      .map((r) => r.status);
    if (decision === "accept" && allAccepted(statuses)) {
      tx.update(schema.engagements)
        .set({ status: "completed", completedAt: now })
        .where(eq(schema.engagements.id, engagementId))
        .run();
      addEvent(tx, engagementId, "completed", null, now);
      return true;
    }
    return false;
  });
  await tellOther(e, side, decision === "accept" ? "milestone_accepted" : "milestone_changes_requested", {
    milestone: m.title,
    reason: reason ?? "",
  });
  if (completed) {
    notify(
      organisationUserIds(e.smeId),
      "engagement_completed_sme",
      { need: needTitle(e.needId) },
      `/engagements/${e.id}`,
    );
    notify(
      organisationUserIds(e.vendorId),
      "engagement_completed_vendor",
      { need: needTitle(e.needId) },
      `/engagements/${e.id}`,
    );
  }
  await reevaluate({ engagementId });
  return { ok: true, completed };
}

function needTitle(needId: string) {
  return (
    getDb().select({ title: schema.needs.title }).from(schema.needs).where(eq(schema.needs.id, needId)).get()?.title ??
    ""
  );
}

// ---------------------------------------------------------------------------------------------
// Amendments

export type AmendmentInput =
  | { kind: "amount"; milestoneId: string; newAmount: number; reason: string }
  | { kind: "due_date"; milestoneId: string; newDueAt: number; reason: string }
  | { kind: "new_milestone"; newTitle: string; newAmount: number; newDueAt: number; reason: string };

export async function proposeAmendment(
  actor: Actor,
  engagementId: string,
  input: AmendmentInput,
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  if (side === "staff") return { ok: false, error: "wrong_side" };
  if (e.status !== "active") return { ok: false, error: "engagement_closed" };
  let valueDelta = 0;
  let milestoneTitle = "";
  if (input.kind !== "new_milestone") {
    const m = milestoneOf(db, engagementId, input.milestoneId);
    if (m.status === "accepted") return { ok: false, error: "bad_amendment" };
    milestoneTitle = m.title;
    if (input.kind === "amount") valueDelta = input.newAmount - m.amount;
  } else {
    valueDelta = input.newAmount;
    milestoneTitle = input.newTitle;
  }
  db.transaction((tx) => {
    tx.insert(schema.amendments)
      .values({
        id: crypto.randomUUID(),
        engagementId,
        milestoneId: input.kind === "new_milestone" ? null : input.milestoneId,
        kind: input.kind,
        newTitle: input.kind === "new_milestone" ? input.newTitle : null,
        newAmount: input.kind === "due_date" ? null : input.newAmount,
        newDueAt: input.kind === "amount" ? null : input.newDueAt,
        valueDelta,
        reason: input.reason,
        status: "proposed",
        proposedBy: actor.id,
        proposedBySide: side,
        createdAt: now,
      })
      .run();
    addEvent(tx, engagementId, "amendment_proposed", actor.id, now, input.reason, {
      milestone: milestoneTitle,
      kind: input.kind,
    });
  });
  await tellOther(e, side, "amendment_proposed", { milestone: milestoneTitle });
  await reevaluate({ engagementId });
  return { ok: true };
}

/** Only the other party decides; only an accepted amendment changes the plan. */
export async function decideAmendment(
  actor: Actor,
  engagementId: string,
  amendmentId: string,
  accept: boolean,
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  const a = db
    .select()
    .from(schema.amendments)
    .where(and(eq(schema.amendments.id, amendmentId), eq(schema.amendments.engagementId, engagementId)))
    .get();
  if (!a) notFound();
  if (side === "staff") return { ok: false, error: "wrong_side" };
  if (a.proposedBySide === side) return { ok: false, error: "own_amendment" };
  if (a.status !== "proposed") return { ok: false, error: "not_proposed" };
  if (e.status !== "active") return { ok: false, error: "engagement_closed" };
  db.transaction((tx) => {
    tx.update(schema.amendments)
      .set({ status: accept ? "accepted" : "declined", decidedBy: actor.id, decidedAt: now })
      .where(eq(schema.amendments.id, amendmentId))
      .run();
    if (accept) {
      if (a.kind === "amount" && a.milestoneId) {
        tx.update(schema.engagementMilestones)
          .set({ amount: a.newAmount! })
          .where(eq(schema.engagementMilestones.id, a.milestoneId))
          .run();
      } else if (a.kind === "due_date" && a.milestoneId) {
        tx.update(schema.engagementMilestones)
          .set({ dueAt: a.newDueAt! })
          .where(eq(schema.engagementMilestones.id, a.milestoneId))
          .run();
      } else if (a.kind === "new_milestone") {
        const last = tx
          .select({ n: count() })
          .from(schema.engagementMilestones)
          .where(eq(schema.engagementMilestones.engagementId, engagementId))
          .get()!.n;
        tx.insert(schema.engagementMilestones)
          .values({
            id: crypto.randomUUID(),
            engagementId,
            position: last,
            title: a.newTitle!,
            dueAt: a.newDueAt!,
            amount: a.newAmount!,
            status: "pending",
          })
          .run();
      }
      if (a.valueDelta !== 0) {
        tx.update(schema.engagements)
          .set({ total: sql`${schema.engagements.total} + ${a.valueDelta}` })
          .where(eq(schema.engagements.id, engagementId))
          .run();
      }
    }
    addEvent(tx, engagementId, accept ? "amendment_accepted" : "amendment_declined", actor.id, now, a.reason);
  });
  await tellOther(e, side, accept ? "amendment_accepted" : "amendment_declined");
  await reevaluate({ engagementId });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Messages and incidents

export async function postMessage(
  actor: Actor,
  engagementId: string,
  body: string,
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  db.transaction((tx) => addEvent(tx, engagementId, "message", actor.id, now, body));
  await tellOther(e, side, "engagement_message");
  await reevaluate({ engagementId });
  return { ok: true };
}

export async function raiseIncident(
  actor: Actor,
  engagementId: string,
  input: { category: (typeof schema.INCIDENT_CATEGORIES)[number]; description: string },
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  if (side === "staff") return { ok: false, error: "wrong_side" };
  const incidentId = crypto.randomUUID();
  db.transaction((tx) => {
    tx.insert(schema.incidents)
      .values({
        id: incidentId,
        engagementId,
        raisedBy: actor.id,
        raisedBySide: side,
        category: input.category,
        description: input.description,
        status: "open",
        createdAt: now,
      })
      .run();
    addEvent(tx, engagementId, "incident_raised", actor.id, now, input.description, { category: input.category });
  });
  await tellOther(e, side, "incident_raised_party");
  notify(staffUserIds(), "incident_raised_staff", { need: needTitle(e.needId) }, `/staff/incidents/${incidentId}`);
  await reevaluate({ engagementId });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Reviews

export type ReviewInput = {
  quality: number;
  schedule: number;
  value: number;
  communication: number;
  recommend: number;
  comment: string;
};

/** Recomputes the vendor's rating from its reviews, in the transaction that changed them. */
function refreshVendorRating(tx: DB, vendorId: string) {
  const row = tx
    .select({
      n: count(),
      avg: avg(
        sql`(${schema.reviews.quality} + ${schema.reviews.schedule} + ${schema.reviews.value} + ${schema.reviews.communication}) / 4.0`,
      ),
    })
    .from(schema.reviews)
    .where(eq(schema.reviews.vendorId, vendorId))
    .get()!;
  tx.update(schema.vendorProfiles)
    .set({ ratingCount: row.n, ratingAvg: row.n ? Math.round(Number(row.avg) * 100) : null })
    .where(eq(schema.vendorProfiles.organisationId, vendorId))
    .run();
}

export async function submitReview(
  actor: Actor,
  engagementId: string,
  input: ReviewInput,
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  if (side !== "sme") return { ok: false, error: "wrong_side" };
  if (e.status !== "completed") return { ok: false, error: "not_completed" };
  try {
    db.transaction((tx) => {
      tx.insert(schema.reviews)
        .values({
          id: crypto.randomUUID(),
          engagementId,
          vendorId: e.vendorId,
          smeId: e.smeId,
          ...input,
          createdAt: now,
        })
        .run();
      refreshVendorRating(tx, e.vendorId);
      addEvent(tx, engagementId, "reviewed", actor.id, now, null, { rating: overallRating(input) });
    });
  } catch (error) {
    if (String(error).includes("reviews.engagement_id")) return { ok: false, error: "already_reviewed" };
    throw error;
  }
  await tellOther(e, side, "review_received");
  await reevaluate({ engagementId });
  return { ok: true };
}

export async function replyToReview(
  actor: Actor,
  engagementId: string,
  reply: string,
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  if (sideOf(e, actor) !== "vendor") return { ok: false, error: "wrong_side" };
  const done = db.transaction((tx) => {
    const r = tx
      .update(schema.reviews)
      .set({ reply, repliedAt: now })
      .where(and(eq(schema.reviews.engagementId, engagementId), isNull(schema.reviews.reply)))
      .run();
    if (r.changes === 1) addEvent(tx, engagementId, "review_replied", actor.id, now, reply);
    return r.changes === 1;
  });
  return done ? { ok: true } : { ok: false, error: "already_replied" };
}

export function rateSme(
  actor: Actor,
  engagementId: string,
  rating: number,
  comment: string | null,
  now = Date.now(),
): DeliveryResult {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  if (sideOf(e, actor) !== "vendor") return { ok: false, error: "wrong_side" };
  if (e.status !== "completed") return { ok: false, error: "not_completed" };
  const r = db
    .insert(schema.smeRatings)
    .values({ engagementId, smeId: e.smeId, vendorId: e.vendorId, rating, comment, createdAt: now })
    .onConflictDoNothing()
    .run();
  return r.changes === 1 ? { ok: true } : { ok: false, error: "already_reviewed" };
}

// ---------------------------------------------------------------------------------------------
// Reading: the whole delivery view of an engagement

export function deliveryView(engagementId: string, actor: Actor, now = Date.now()) {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  const side = sideOf(e, actor);
  const submissions = db
    .select()
    .from(schema.milestoneSubmissions)
    .where(eq(schema.milestoneSubmissions.engagementId, engagementId))
    .orderBy(asc(schema.milestoneSubmissions.submittedAt))
    .all();
  const files = db
    .select({
      id: schema.attachments.id,
      submissionId: schema.attachments.submissionId,
      fileName: schema.attachments.fileName,
      size: schema.attachments.size,
    })
    .from(schema.attachments)
    .where(eq(schema.attachments.engagementId, engagementId))
    .all();
  const amendments = db
    .select({ amendment: schema.amendments, milestoneTitle: schema.engagementMilestones.title })
    .from(schema.amendments)
    .leftJoin(schema.engagementMilestones, eq(schema.engagementMilestones.id, schema.amendments.milestoneId))
    .where(eq(schema.amendments.engagementId, engagementId))
    .orderBy(desc(schema.amendments.createdAt))
    .all()
    .map((r) => ({ ...r.amendment, milestoneTitle: r.milestoneTitle }));
  const incidents = db
    .select()
    .from(schema.incidents)
    .where(eq(schema.incidents.engagementId, engagementId))
    .orderBy(desc(schema.incidents.createdAt))
    .all()
    // Only the raiser rates the handling of their incident (app/models/incidents.server.ts).
    .map((i) => ({ ...i, raisedByMe: i.raisedBy === actor.id }));
  const timeline = db
    .select({ event: schema.engagementEvents, actorName: schema.users.name, actorOrg: schema.users.organisationId })
    .from(schema.engagementEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.engagementEvents.actorId))
    .where(eq(schema.engagementEvents.engagementId, engagementId))
    .orderBy(desc(schema.engagementEvents.at), desc(schema.engagementEvents.id))
    .limit(200)
    .all()
    .map((r) => ({
      ...r.event,
      params: r.event.params ? (JSON.parse(r.event.params) as Record<string, string | number>) : {},
      actorName: r.actorName,
      actorSide: r.actorOrg === e.smeId ? "sme" : r.actorOrg === e.vendorId ? "vendor" : r.actorOrg ? "staff" : null,
    }));
  const review = db.select().from(schema.reviews).where(eq(schema.reviews.engagementId, engagementId)).get() ?? null;
  const smeRating =
    side === "sme"
      ? null
      : (db.select().from(schema.smeRatings).where(eq(schema.smeRatings.engagementId, engagementId)).get() ?? null);
  return {
    side,
    submissions,
    files,
    amendments,
    incidents,
    timeline,
    review,
    smeRating,
    outcome: outcomeOf(e),
    support: supportOf(e),
    now,
  };
}

/** The SME's level before (last assessment before the award) and after (first after completion). */
function outcomeOf(e: typeof schema.engagements.$inferSelect) {
  const db = getDb();
  const before = db
    .select({ level: schema.assessments.level, completedAt: schema.assessments.completedAt })
    .from(schema.assessments)
    .where(
      and(
        eq(schema.assessments.organisationId, e.smeId),
        eq(schema.assessments.status, "completed"),
        lt(schema.assessments.completedAt, e.awardedAt),
      ),
    )
    .orderBy(desc(schema.assessments.completedAt))
    .get();
  const after = e.completedAt
    ? db
        .select({ level: schema.assessments.level, completedAt: schema.assessments.completedAt })
        .from(schema.assessments)
        .where(
          and(
            eq(schema.assessments.organisationId, e.smeId),
            eq(schema.assessments.status, "completed"),
            gt(schema.assessments.completedAt, e.completedAt),
          ),
        )
        .orderBy(asc(schema.assessments.completedAt))
        .get()
    : undefined;
  return { before: before ?? null, after: after ?? null };
}

function supportOf(e: typeof schema.engagements.$inferSelect) {
  const db = getDb();
  const need = db
    .select({ category: schema.needs.category })
    .from(schema.needs)
    .where(eq(schema.needs.id, e.needId))
    .get()!;
  const sme = db
    .select({ sizeClass: schema.organisations.sizeClass })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, e.smeId))
    .get();
  const sizeClass = sme?.sizeClass ?? null;
  if (!sizeClass) return { sizeClass: null, estimate: null };
  return {
    sizeClass,
    estimate: estimateSupport({ sizeClass, category: need.category, cost: e.total }, getSupportRates()),
  };
}

// ---------------------------------------------------------------------------------------------
// Reviews

/** A vendor's verified reviews, newest first, for its public profile. */
export function vendorReviews(vendorId: string, limit = 10) {
  return getDb()
    .select({
      id: schema.reviews.id,
      quality: schema.reviews.quality,
      schedule: schema.reviews.schedule,
      value: schema.reviews.value,
      communication: schema.reviews.communication,
      recommend: schema.reviews.recommend,
      comment: schema.reviews.comment,
      reply: schema.reviews.reply,
      createdAt: schema.reviews.createdAt,
      smeName: schema.organisations.legalName,
      needTitle: schema.needs.title,
    })
    .from(schema.reviews)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.reviews.smeId))
    .innerJoin(schema.engagements, eq(schema.engagements.id, schema.reviews.engagementId))
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .where(eq(schema.reviews.vendorId, vendorId))
    .orderBy(desc(schema.reviews.createdAt))
    .limit(limit)
    .all();
}

/** Staff end an engagement with a reason; both parties are told. */
export async function terminateEngagement(
  actor: Actor,
  engagementId: string,
  reason: string,
  ip: string,
  now = Date.now(),
): Promise<DeliveryResult> {
  const db = getDb();
  const e = engagementOf(db, engagementId);
  if (sideOf(e, actor) !== "staff") return { ok: false, error: "wrong_side" };
  if (e.status !== "active") return { ok: false, error: "engagement_closed" };
  db.transaction((tx) => {
    tx.update(schema.engagements)
      .set({ status: "terminated", terminatedAt: now, terminationReason: reason })
      .where(eq(schema.engagements.id, engagementId))
      .run();
    addEvent(tx, engagementId, "terminated", actor.id, now, reason);
  });
  recordAudit({
    actorId: actor.id,
    action: "engagement_terminated",
    subjectType: "engagement",
    subjectId: engagementId,
    ip,
    details: { reason },
  });
  await tellOther(e, "staff", "engagement_terminated", { reason });
  return { ok: true };
}
