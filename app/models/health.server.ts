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

/** Prepared once per connection, as every page's own queries are. */
const selectOnes = new WeakMap<object, { get(): unknown }>();

/** The cheapest query there is (`SELECT 1`): what the benchmark's trivial page costs in SQL. */
export function selectOne(sqlite = getSqlite): number {
  const connection = sqlite();
  let statement = selectOnes.get(connection);
  if (!statement) selectOnes.set(connection, (statement = connection.prepare("SELECT 1").pluck()));
  return statement.get() as number;
}
