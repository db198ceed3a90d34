/** `npm run flags:sweep`: evaluates every risk rule once over DATABASE_PATH and prints what changed. */
import { openSqlite, setConnection } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { optimizeDatabase, sweep } from "../app/models/flags.server";
import { env } from "../app/utils/env.server";

const sqlite = openSqlite(env().DATABASE_PATH);
runMigrations(sqlite);
setConnection(sqlite);
const started = Date.now();
const result = await sweep();
optimizeDatabase();
console.log(
  "Swept %d needs and %d engagements in %d ms: %d flags raised, %d escalated.",
  result.needs,
  result.engagements,
  Date.now() - started,
  result.raised,
  result.escalated,
);
sqlite.close();
