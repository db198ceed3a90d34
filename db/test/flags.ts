/** Flags for tests of the staff pages, written directly (the engine's own tests raise them). */
import crypto from "node:crypto";
import { getSqlite } from "../client.server";

export function createFlag(status: "open" | "acknowledged" = "open"): string {
  const id = crypto.randomUUID();
  getSqlite()
    .prepare(
      "INSERT INTO flags (id, code, subject_type, subject_id, severity, status, evidence, raised_at, updated_at) VALUES (?, 'STALLED', 'engagement', ?, 'medium', ?, '{}', 1, 1)",
    )
    .run(id, crypto.randomUUID(), status);
  return id;
}

export function flagStatus(id: string): string | undefined {
  return (getSqlite().prepare("SELECT status FROM flags WHERE id = ?").get(id) as { status: string } | undefined)
    ?.status;
}
