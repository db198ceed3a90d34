/**
 * `npm run db:backup [-- <folder>] [--keep N]`: a consistent online backup of the database (safe
 * while the server writes) and of the uploads, into a new folder (default ./backups/<timestamp>)
 * with a manifest of row counts, checked before it says so. `--keep N` then removes all but the
 * newest N backups beside it. Compiled into build/db-backup.js, so production needs no tsx.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backup, checkBackup, pruneBackups } from "../db/backup";
import { openSqlite } from "../db/client.server";
import { env } from "../app/utils/env.server";

const { values, positionals } = parseArgs({
  options: { keep: { type: "string" }, root: { type: "string", default: "backups" } },
  allowPositionals: true,
});
const keep = values.keep === undefined ? null : Number(values.keep);
if (keep !== null && !(Number.isInteger(keep) && keep >= 1)) {
  console.error("--keep must be a whole number of backups to keep, at least 1");
  process.exit(2);
}

const config = env();
const sqlite = openSqlite(config.DATABASE_PATH);
let folder: string;
try {
  ({ folder } = await backup({
    sqlite,
    uploadsDir: config.UPLOADS_DIR,
    target: positionals[0],
    root: values.root,
  }));
} finally {
  sqlite.close();
}
const problems = checkBackup(folder);
if (problems.length) {
  console.error("The backup in %s is not sound:\n  %s", folder, problems.join("\n  "));
  process.exit(1);
}
console.log("Backup of %s and %s written to %s (checked).", config.DATABASE_PATH, config.UPLOADS_DIR, folder);
if (keep !== null) {
  for (const removed of pruneBackups(path.dirname(folder), keep)) console.log("Removed the older backup %s", removed);
}
