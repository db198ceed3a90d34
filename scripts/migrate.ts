/** `npm run db:migrate`: applies the committed migrations to DATABASE_PATH. */
import { openSqlite } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { env } from "../app/utils/env.server";

const sqlite = openSqlite(env().DATABASE_PATH);
try {
  runMigrations(sqlite);
  console.log("Migrations applied to %s", env().DATABASE_PATH);
} finally {
  sqlite.close();
}
