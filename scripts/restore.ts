/**
 * `npm run db:restore -- <backup folder> [--force]`: with the server stopped, restores a backup
 * made by `npm run db:backup` into DATABASE_PATH and UPLOADS_DIR. The backup is checked first
 * (integrity_check, row counts, files) and the restored copy after. Without --force it refuses
 * to replace a database or uploads that already exist. Compiled into build/db-restore.js.
 */
import { parseArgs } from "node:util";
import { restore } from "../db/backup";
import { env } from "../app/utils/env.server";

const { values, positionals } = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Usage: npm run db:restore -- <backup folder> [--force]");
  process.exit(2);
}
const config = env();
try {
  const manifest = restore({
    from: positionals[0]!,
    databasePath: config.DATABASE_PATH,
    uploadsDir: config.UPLOADS_DIR,
    force: values.force,
  });
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  console.log(
    "Restored the backup of %s into %s (%d rows, integrity ok) and %s (%d files).",
    manifest.createdAt,
    config.DATABASE_PATH,
    rows,
    config.UPLOADS_DIR,
    manifest.uploads.files,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
