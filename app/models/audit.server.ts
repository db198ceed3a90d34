/**
 * The append-only audit log (DESIGN §11). This module can only add rows and read them; the
 * database's triggers refuse UPDATE and DELETE whatever the caller.
 */
import { getDb, schema } from "../../db/client.server";

export type AuditEntry = {
  actorId?: string | null;
  actorEmail?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export function recordAudit(entry: AuditEntry, db = getDb()) {
  db.insert(schema.auditLog)
    .values({
      at: Date.now(),
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .run();
}
