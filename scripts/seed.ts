/** `npm run db:seed`: migrates, then seeds the demo data if the database is empty. */
import { openSqlite } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seed } from "../db/seed";
import { env } from "../app/utils/env.server";

if (env().NODE_ENV === "production") {
  console.error("Refusing to seed demo data in production.");
  process.exit(1);
}
const sqlite = openSqlite(env().DATABASE_PATH);
runMigrations(sqlite);
if (isEmpty(sqlite)) {
  await seed(sqlite);
  console.log("Seeded. Password for every demo account: %s", DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) console.log("  %s (%s)", a.email, a.note);
} else {
  console.log("The database already has data; nothing seeded.");
}
sqlite.close();
