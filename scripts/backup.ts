/**
 * `npm run db:backup [file]`: a consistent online backup through SQLite's backup API, safe while
 * the server is writing. Default: ./backups/app-<timestamp>.db
 */
import fs from "node:fs";
import path from "node:path";
import { openSqlite } from "../db/client.server";
import { env } from "../app/utils/env.server";

const target = process.argv[2] ?? path.join("backups", `app-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
const sqlite = openSqlite(env().DATABASE_PATH);
await sqlite.backup(target);
sqlite.close();
console.log("Backup written to %s", target);
