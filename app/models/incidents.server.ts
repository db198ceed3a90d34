/**
 * Incident handling by staff (docs/product.md §5, issue 7): the triage list, one incident with its
 * engagement and history, and the transitions
 *
 *   open → in_progress (assigned to an active staff member or admin; re-assigning keeps it in
 *   progress) → resolved (a resolution note is required; `resolvedAt` is set).
 *
 * The choice for resolving an incident nobody has taken yet: it is allowed, and the resolver is
 * assigned first in the same transaction, so the timeline, the audit log and the history still
 * read open → in progress → resolved (see `incidentTransition` in app/lib/incident-rules.ts).
 * A resolved incident is closed: assigning or resolving it again is refused (`illegal_transition`).
 *
 * Once resolved, the person who raised the incident (and only they) rates the handling 1–5, once.
 *
 * Every action follows the transition pattern (app/models/transition.server.ts): one immediate
 * transaction with a compare-and-set from the status it was decided on, its timeline event on the
 * engagement, its audit row (`incident_assigned`, `incident_resolved`, `incident_rated`) and its
 * notifications: the raiser and the other party are told the incident is being handled, then that
 * it is resolved (the raiser is asked to rate); a colleague assigned by someone else is told too,
 * and the assignee learns the rating. When someone else acted first, nothing is written (`stale`).
 *
 * One module though over 400 lines: one small lifecycle (raise, assign, resolve, rate) whose
 * transitions share the same reads, notifications and refusals; split, each part would be tiny.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql, count } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedOnce, schema, ShapedWhere, type DB, type DbOrTx } from "../../db/client.server";
import {
  incidentTransition,
  oldestFirst,
  ratingRefusal,
  statusesOf,
  type IncidentFilters,
  type RatingRefusal,
} from "~/lib/incident-rules";
import type { Role } from "~/lib/reference";
import { assertRole, type SessionUser } from "~/utils/auth.server";
import { recordAudit } from "./audit.server";
import { addEvent, engagementForActor, notifyParties } from "./engagements.server";
import { reevaluate } from "./flags.server";
import { notify, organisationUserIds, staffUserIds } from "./notifications.server";
import { expectOneChange, transition, type TransitionResult } from "./transition.server";
import { activeStaffMember } from "./users.server";
import { pageCount } from "~/lib/paging";

export type IncidentFailure = {
  ok: false;
  error: "illegal_transition" | "note_required" | "bad_assignee" | "already_assigned" | RatingRefusal | "stale";
};
export type IncidentResult = TransitionResult<IncidentFailure["error"]>;

type Staff = Pick<SessionUser, "id" | "role">;
type Actor = { id: string; organisationId: string; role: Role };

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

const smeOrg = alias(schema.organisations, "sme_org");
const vendorOrg = alias(schema.organisations, "vendor_org");

function incidentRow(db: DB, incidentId: string) {
  const row = db.select().from(schema.incidents).where(eq(schema.incidents.id, incidentId)).get();
  if (!row) notFound();
  return row;
}

function engagementRow(db: DbOrTx, engagementId: string) {
  return db
    .select({
      id: schema.engagements.id,
      smeId: schema.engagements.smeId,
      vendorId: schema.engagements.vendorId,
      needTitle: schema.needs.title,
      smeName: smeOrg.legalName,
      vendorName: vendorOrg.legalName,
    })
    .from(schema.engagements)
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(smeOrg, eq(smeOrg.id, schema.engagements.smeId))
    .innerJoin(vendorOrg, eq(vendorOrg.id, schema.engagements.vendorId))
    .where(eq(schema.engagements.id, engagementId))
    .get()!;
}

/**
 * What a staff alert about an incident names: its category, the need and both parties
 * (notifications.kinds.incident_*_staff_incident).
 */
function staffAlertParams(e: ReturnType<typeof engagementRow>, category: string) {
  return { context: "incident", category, need: e.needTitle, sme: e.smeName, vendor: e.vendorName };
}

/** The people an incident concerns on the engagement's side: both parties' active users. */
function partyUserIds(e: { smeId: string; vendorId: string }, db: DbOrTx) {
  return [...new Set([...organisationUserIds(e.smeId, db), ...organisationUserIds(e.vendorId, db)])];
}

// ---------------------------------------------------------------------------------------------
// Reading

export const INCIDENTS_PAGE_SIZE = 20;

const sme = alias(schema.organisations, "sme");
const vendor = alias(schema.organisations, "vendor");
const raiser = alias(schema.users, "raiser");
const assignee = alias(schema.users, "assignee");

/**
 * The triage list. Served by `incidents_status_created_idx`: open work (open, in progress) oldest
 * first, lists that include resolved incidents newest first.
 */
function incidentsWhere(filters: IncidentFilters, viewerId: string) {
  const p = sql.placeholder;
  const statuses = statusesOf(filters.status);
  const q = new ShapedWhere(`statuses:${statuses.length}`);
  q.fixed(
    "status",
    inArray(
      schema.incidents.status,
      statuses.map((_, i) => p(`status${i}`)),
    ),
  );
  statuses.forEach((status, i) => (q.values[`status${i}`] = status));
  q.bind("category", filters.category, eq(schema.incidents.category, p("category")));
  if (filters.assignee === "mine") q.bind("assignee", viewerId, eq(schema.incidents.assignedTo, p("assignee")));
  else if (filters.assignee === "unassigned") q.fixed("unassigned", isNull(schema.incidents.assignedTo));
  return q;
}

/**
 * How many incidents the triage list shows for these filters: the list's own total, and the
 * dashboard's figure that links to it. Prepared once per combination of filters set.
 */
export function countIncidents(filters: IncidentFilters, viewerId: string): number {
  const db = getDb();
  const q = incidentsWhere(filters, viewerId);
  const statement = preparedOnce(db, `incidents.count:${q.key}`, () =>
    db.select({ n: count() }).from(schema.incidents).where(q.where).prepare(),
  );
  return statement.get(q.values)?.n ?? 0;
}

export function listIncidents(filters: IncidentFilters, viewerId: string, page = 1) {
  const db = getDb();
  const q = incidentsWhere(filters, viewerId);
  const order = oldestFirst(filters.status)
    ? [asc(schema.incidents.createdAt), asc(schema.incidents.id)]
    : [desc(schema.incidents.createdAt), desc(schema.incidents.id)];
  const rows = db
    .select({
      id: schema.incidents.id,
      status: schema.incidents.status,
      category: schema.incidents.category,
      description: schema.incidents.description,
      raisedBySide: schema.incidents.raisedBySide,
      createdAt: schema.incidents.createdAt,
      resolvedAt: schema.incidents.resolvedAt,
      handlingRating: schema.incidents.handlingRating,
      engagementId: schema.incidents.engagementId,
      needTitle: schema.needs.title,
      smeName: sme.legalName,
      vendorName: vendor.legalName,
      raiserName: raiser.name,
      assigneeId: schema.incidents.assignedTo,
      assigneeName: assignee.name,
    })
    .from(schema.incidents)
    .innerJoin(schema.engagements, eq(schema.engagements.id, schema.incidents.engagementId))
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(sme, eq(sme.id, schema.engagements.smeId))
    .innerJoin(vendor, eq(vendor.id, schema.engagements.vendorId))
    .innerJoin(raiser, eq(raiser.id, schema.incidents.raisedBy))
    .leftJoin(assignee, eq(assignee.id, schema.incidents.assignedTo))
    .where(q.where)
    .orderBy(...order)
    .limit(INCIDENTS_PAGE_SIZE)
    .offset((page - 1) * INCIDENTS_PAGE_SIZE)
    .prepare()
    .all(q.values);
  const total = countIncidents(filters, viewerId);
  return { rows, total, pageCount: pageCount(total, INCIDENTS_PAGE_SIZE) };
}

/** One incident for staff: the incident, its engagement (parties, need) and its history. */
export function getIncidentForStaff(incidentId: string) {
  const db = getDb();
  const row = db
    .select({
      incident: schema.incidents,
      raiserName: raiser.name,
      raiserEmail: raiser.email,
      assigneeName: assignee.name,
      engagementStatus: schema.engagements.status,
      needId: schema.needs.id,
      needTitle: schema.needs.title,
      smeId: sme.id,
      smeName: sme.legalName,
      vendorId: vendor.id,
      vendorName: vendor.legalName,
    })
    .from(schema.incidents)
    .innerJoin(schema.engagements, eq(schema.engagements.id, schema.incidents.engagementId))
    .innerJoin(schema.needs, eq(schema.needs.id, schema.engagements.needId))
    .innerJoin(sme, eq(sme.id, schema.engagements.smeId))
    .innerJoin(vendor, eq(vendor.id, schema.engagements.vendorId))
    .innerJoin(raiser, eq(raiser.id, schema.incidents.raisedBy))
    .leftJoin(assignee, eq(assignee.id, schema.incidents.assignedTo))
    .where(eq(schema.incidents.id, incidentId))
    .get();
  if (!row) notFound();
  const { incident, ...rest } = row;
  // The staff steps and the other party's answers are the engagement's timeline events that name this incident (served by
  // engagement_events_engagement_at_idx); the raising itself is the incident's own row.
  const steps = db
    .select({
      id: schema.engagementEvents.id,
      kind: schema.engagementEvents.kind,
      body: schema.engagementEvents.body,
      params: schema.engagementEvents.params,
      at: schema.engagementEvents.at,
      actorName: schema.users.name,
    })
    .from(schema.engagementEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.engagementEvents.actorId))
    .where(
      and(
        eq(schema.engagementEvents.engagementId, incident.engagementId),
        inArray(schema.engagementEvents.kind, ["incident_assigned", "incident_resolved", "incident_replied"]),
        sql`json_extract(${schema.engagementEvents.params}, '$.incident') = ${incident.id}`,
      ),
    )
    .orderBy(asc(schema.engagementEvents.at), asc(schema.engagementEvents.id))
    .all()
    .map((s) => ({
      ...s,
      params: s.params ? (JSON.parse(s.params) as Record<string, string | number>) : {},
    }));
  const history = [
    {
      id: 0,
      kind: "incident_raised" as const,
      body: incident.description,
      params: {} as Record<string, string | number>,
      at: incident.createdAt,
      actorName: row.raiserName as string | null,
    },
    ...steps,
  ];
  return { ...incident, ...rest, engagementId: incident.engagementId, history };
}

// ---------------------------------------------------------------------------------------------
// Transitions

/** Assigns (or re-assigns) an open or in-progress incident to an active staff member. */
export async function assignIncident(
  staff: Staff,
  incidentId: string,
  assigneeId: string,
  ip: string | null = null,
  now = Date.now(),
): Promise<IncidentResult> {
  assertRole(staff, "staff");
  const db = getDb();
  const incident = incidentRow(db, incidentId);
  const t = incidentTransition("assign", incident.status);
  if (!t.ok) return t;
  const target = activeStaffMember(assigneeId);
  if (!target) return { ok: false, error: "bad_assignee" };
  if (incident.assignedTo === target.id) return { ok: false, error: "already_assigned" };
  const e = engagementRow(db, incident.engagementId);
  return transition((tx) => {
    const assigned = tx
      .update(schema.incidents)
      .set({ status: t.to, assignedTo: target.id })
      .where(
        and(
          eq(schema.incidents.id, incidentId),
          eq(schema.incidents.status, incident.status),
          incident.assignedTo
            ? eq(schema.incidents.assignedTo, incident.assignedTo)
            : isNull(schema.incidents.assignedTo),
        ),
      )
      .run();
    expectOneChange(assigned, "incident");
    addEvent(tx, e.id, "incident_assigned", staff.id, now, null, { incident: incidentId, assignee: target.name });
    recordAudit(
      {
        actorId: staff.id,
        action: "incident_assigned",
        subjectType: "incident",
        subjectId: incidentId,
        ip,
        details: { assignee: target.id, assigneeName: target.name, from: incident.status },
      },
      tx,
    );
    if (incident.status === "open") {
      notify(partyUserIds(e, tx), "incident_in_progress", { need: e.needTitle }, `/engagements/${e.id}`, tx);
    }
    if (target.id !== staff.id) {
      notify(
        [target.id],
        "incident_assigned_staff",
        staffAlertParams(e, incident.category),
        `/staff/incidents/${incidentId}`,
        tx,
      );
    }
    return { ok: true } as const;
  });
}

/**
 * Resolves an incident with a resolution note. An open incident is first assigned to the
 * resolver, in the same transaction (see the module's comment); a resolved one is refused.
 */
export async function resolveIncident(
  staff: Staff,
  incidentId: string,
  resolution: string,
  ip: string | null = null,
  now = Date.now(),
): Promise<IncidentResult> {
  assertRole(staff, "staff");
  const note = resolution.trim();
  if (!note) return { ok: false, error: "note_required" };
  const db = getDb();
  const incident = incidentRow(db, incidentId);
  const t = incidentTransition("resolve", incident.status);
  if (!t.ok) return t;
  const self = activeStaffMember(staff.id);
  if (!self) return { ok: false, error: "bad_assignee" };
  const e = engagementRow(db, incident.engagementId);
  const result = transition((tx) => {
    if (t.assignFirst) {
      const assigned = tx
        .update(schema.incidents)
        .set({ status: "in_progress", assignedTo: staff.id })
        .where(and(eq(schema.incidents.id, incidentId), eq(schema.incidents.status, "open")))
        .run();
      expectOneChange(assigned, "incident");
      addEvent(tx, e.id, "incident_assigned", staff.id, now, null, { incident: incidentId, assignee: self.name });
      recordAudit(
        {
          actorId: staff.id,
          action: "incident_assigned",
          subjectType: "incident",
          subjectId: incidentId,
          ip,
          details: { assignee: staff.id, assigneeName: self.name, from: "open", onResolve: true },
        },
        tx,
      );
    }
    const resolved = tx
      .update(schema.incidents)
      .set({ status: "resolved", resolution: note, resolvedAt: now })
      .where(and(eq(schema.incidents.id, incidentId), eq(schema.incidents.status, "in_progress")))
      .run();
    expectOneChange(resolved, "incident");
    addEvent(tx, e.id, "incident_resolved", staff.id, now, note, { incident: incidentId });
    recordAudit(
      {
        actorId: staff.id,
        action: "incident_resolved",
        subjectType: "incident",
        subjectId: incidentId,
        ip,
        details: { resolution: note },
      },
      tx,
    );
    const others = partyUserIds(e, tx).filter((id) => id !== incident.raisedBy);
    notify([incident.raisedBy], "incident_resolved_raiser", { need: e.needTitle }, `/engagements/${e.id}`, tx);
    notify(others, "incident_resolved_party", { need: e.needTitle }, `/engagements/${e.id}`, tx);
    return { ok: true } as const;
  });
  if (result.ok) await reevaluate({ engagementId: incident.engagementId });
  return result;
}

/** The raiser rates how staff handled their resolved incident, 1–5, once. */
export async function rateIncidentHandling(
  actor: Actor,
  engagementId: string,
  incidentId: string,
  rating: number,
  ip: string | null = null,
): Promise<IncidentResult> {
  const db = getDb();
  const incident = incidentRow(db, incidentId);
  if (incident.engagementId !== engagementId) notFound();
  const refusal = ratingRefusal(incident, actor.id, rating);
  if (refusal) return { ok: false, error: refusal };
  const e = engagementRow(db, engagementId);
  return transition((tx) => {
    const rated = tx
      .update(schema.incidents)
      .set({ handlingRating: rating })
      .where(
        and(
          eq(schema.incidents.id, incidentId),
          eq(schema.incidents.status, "resolved"),
          isNull(schema.incidents.handlingRating),
        ),
      )
      .run();
    expectOneChange(rated, "incident");
    recordAudit(
      {
        actorId: actor.id,
        action: "incident_rated",
        subjectType: "incident",
        subjectId: incidentId,
        ip,
        details: { rating },
      },
      tx,
    );
    if (incident.assignedTo) {
      notify(
        [incident.assignedTo],
        "incident_rated_staff",
        { ...staffAlertParams(e, incident.category), rating },
        `/staff/incidents/${incidentId}`,
        tx,
      );
    }
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Raising (a party, on the engagement page)

/** A party raises an incident: the timeline, the other party and staff are told, in one transaction. */
export async function raiseIncident(
  actor: Actor,
  engagementId: string,
  input: { category: (typeof schema.INCIDENT_CATEGORIES)[number]; description: string },
  now = Date.now(),
): Promise<TransitionResult<"wrong_side">> {
  const result = transition((tx): TransitionResult<"wrong_side"> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    if (side === "staff") return { ok: false, error: "wrong_side" };
    const incidentId = crypto.randomUUID();
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
    notifyParties(tx, engagement, side, "incident_raised_party");
    notify(
      staffUserIds(tx),
      "incident_raised_staff",
      staffAlertParams(engagementRow(tx, engagementId), input.category),
      `/staff/incidents/${incidentId}`,
      tx,
    );
    return { ok: true };
  });
  if (result.ok) await reevaluate({ engagementId });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Answering (the party an incident was raised against, on the engagement page)

/**
 * The party an incident was raised against (usually the vendor) answers it, while it is not yet
 * resolved. A transition (ADR 006): the incident is re-read in the transaction; the answer goes on
 * the engagement's timeline (`incident_replied`, naming the incident), into the audit log, and to
 * the raising party and staff (the staff member handling it, or every staff member while nobody
 * has taken it). The raiser's own side, staff, or a resolved incident are refused.
 */
export async function replyToIncident(
  actor: Actor,
  engagementId: string,
  incidentId: string,
  body: string,
  ip: string | null = null,
  now = Date.now(),
): Promise<TransitionResult<"wrong_side" | "illegal_transition" | "note_required">> {
  const text = body.trim();
  if (!text) return { ok: false, error: "note_required" };
  return transition((tx): TransitionResult<"wrong_side" | "illegal_transition" | "note_required"> => {
    const { engagement, side } = engagementForActor(tx, engagementId, actor);
    const incident = tx.select().from(schema.incidents).where(eq(schema.incidents.id, incidentId)).get();
    if (!incident || incident.engagementId !== engagementId) notFound();
    if (side === "staff" || side === incident.raisedBySide) return { ok: false, error: "wrong_side" };
    if (incident.status === "resolved") return { ok: false, error: "illegal_transition" };
    addEvent(tx, engagementId, "incident_replied", actor.id, now, text, {
      incident: incidentId,
      category: incident.category,
    });
    recordAudit(
      {
        actorId: actor.id,
        action: "incident_replied",
        subjectType: "incident",
        subjectId: incidentId,
        ip,
        details: { side, length: text.length },
      },
      tx,
    );
    const e = engagementRow(tx, engagementId);
    notifyParties(tx, engagement, side, "incident_replied_party", { category: incident.category });
    notify(
      incident.assignedTo ? [incident.assignedTo] : staffUserIds(tx),
      "incident_replied_staff",
      staffAlertParams(e, incident.category),
      `/staff/incidents/${incidentId}`,
      tx,
    );
    return { ok: true };
  });
}
