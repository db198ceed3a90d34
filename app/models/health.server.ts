import { getSqlite } from "../../db/client.server";
import { log } from "~/utils/log.server";

/** True when the database answers a read of a real table. */
export function databaseReadable(sqlite = getSqlite): boolean {
  try {
    sqlite().prepare("SELECT count(*) FROM users LIMIT 1").get();
    return true;
  } catch (error) {
    log.error("health check: database unreadable", { error: String(error) });
    return false;
  }
}

/** The cheapest query there is (`SELECT 1`): what the benchmark's trivial page costs in SQL. */
export function selectOne(sqlite = getSqlite): number {
  return sqlite().prepare("SELECT 1").pluck().get() as number;
}
