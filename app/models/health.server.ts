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
