/** A working copy of a cached benchmark database, and session cookies started on it by the app's auth module. */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { setConnection } from "../../db/client.server";
import { createSessionCookie } from "../../app/utils/auth.server";
import { CACHE_DIR, type Fixture } from "./build";

export type Role = "none" | "staff" | "owner" | "vendor";

/** A copy of the cached database for one run: the benchmark signs in and posts bids. */
export function workingCopy(fixture: Fixture, name = "run"): string {
  const file = path.join(CACHE_DIR, `${name}-${fixture.scale}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(fixture.file, file);
  return file;
}

/** `name=value` of a new session for the user, started by the app's auth module on `sqlite`. */
export async function sessionCookie(sqlite: Database.Database, userId: string): Promise<string> {
  setConnection(sqlite);
  return (await createSessionCookie(userId)).split(";")[0]!;
}

/** A session for each role the pages are measured as (none: signed out). */
export async function sessions(sqlite: Database.Database, fixture: Fixture): Promise<Record<Role, string | null>> {
  return {
    none: null,
    staff: await sessionCookie(sqlite, fixture.staffUserId),
    owner: await sessionCookie(sqlite, fixture.ownerUserId),
    vendor: await sessionCookie(sqlite, fixture.vendorUserId),
  };
}
