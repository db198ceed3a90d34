/**
 * Backups of everything the site keeps: the SQLite database (a consistent online copy through
 * SQLite's backup API, safe while the server writes) and the uploads folder, into one folder per
 * backup with a manifest of row counts. A restore checks the backup before it copies anything and
 * checks the restored database afterwards (`PRAGMA integrity_check`, the same row counts).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const MANIFEST = "manifest.json";
export const DATABASE_FILE = "app.db";
export const UPLOADS_FOLDER = "uploads";

export type Manifest = {
  createdAt: string;
  /** Rows per table at the moment of the database copy. */
  counts: Record<string, number>;
  uploads: { files: number; bytes: number };
};

/** Rows per table (the tables SQLite itself keeps aside). */
export function rowCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    // Virtual tables' shadow tables are counted through their own names; all are plain tables here.
    const row = sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

export function integrity(file: string): string {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    sqlite.close();
  }
}

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(dir)) return { files, bytes };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, "-");

/**
 * Copies the database (through `sqlite`, the live connection or one opened on the file) and then
 * the uploads into a new folder `target` (default: `<root>/<timestamp>`). The uploads are copied
 * after the database, so every file the copied rows name is there.
 */
export async function backup(opts: {
  sqlite: Database.Database;
  uploadsDir: string;
  target?: string;
  root?: string;
  now?: Date;
}): Promise<{ folder: string; manifest: Manifest }> {
  const now = opts.now ?? new Date();
  const folder = path.resolve(opts.target ?? path.join(opts.root ?? "backups", stamp(now)));
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
    throw new Error(`${folder} already exists and is not empty; choose a new folder`);
  }
  fs.mkdirSync(folder, { recursive: true });
  const databaseCopy = path.join(folder, DATABASE_FILE);
  await opts.sqlite.backup(databaseCopy);
  const copy = new Database(databaseCopy, { fileMustExist: true });
  let counts: Record<string, number>;
  try {
    // A self-contained file: no -wal beside it.
    copy.pragma("journal_mode = DELETE");
    counts = rowCounts(copy);
  } finally {
    copy.close();
  }
  const uploadsCopy = path.join(folder, UPLOADS_FOLDER);
  if (fs.existsSync(opts.uploadsDir)) fs.cpSync(opts.uploadsDir, uploadsCopy, { recursive: true });
  else fs.mkdirSync(uploadsCopy);
  const manifest: Manifest = { createdAt: now.toISOString(), counts, uploads: countFiles(uploadsCopy) };
  fs.writeFileSync(path.join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  return { folder, manifest };
}

/** What is wrong with a backup folder: an unreadable manifest, a damaged database, missing rows or files. */
export function checkBackup(folder: string): string[] {
  const manifestFile = path.join(folder, MANIFEST);
  if (!fs.existsSync(manifestFile)) return [`${manifestFile} is missing: not a backup folder`];
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  const database = path.join(folder, DATABASE_FILE);
  if (!fs.existsSync(database)) return [`${database} is missing`];
  return checkCopy(database, path.join(folder, UPLOADS_FOLDER), manifest);
}

function checkCopy(database: string, uploads: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  const check = integrity(database);
  if (check !== "ok") problems.push(`integrity_check: ${check}`);
  const sqlite = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const counts = rowCounts(sqlite);
    for (const [table, n] of Object.entries(manifest.counts)) {
      if (counts[table] !== n) problems.push(`${table}: ${counts[table] ?? "missing"} rows, the backup had ${n}`);
    }
  } finally {
    sqlite.close();
  }
  const files = countFiles(uploads);
  if (files.files !== manifest.uploads.files || files.bytes !== manifest.uploads.bytes) {
    problems.push(
      `uploads: ${files.files} files (${files.bytes} bytes), the backup had ${manifest.uploads.files} (${manifest.uploads.bytes})`,
    );
  }
  return problems;
}

/**
 * Restores a backup into `databasePath` and `uploadsDir`, with the server stopped. Refuses to
 * overwrite an existing database or a non-empty uploads folder unless `force`; checks the backup
 * first and the restored copy after.
 */
export function restore(opts: { from: string; databasePath: string; uploadsDir: string; force?: boolean }): Manifest {
  const from = path.resolve(opts.from);
  const problems = checkBackup(from);
  if (problems.length) throw new Error(`the backup in ${from} is not sound:\n  ${problems.join("\n  ")}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(from, MANIFEST), "utf8")) as Manifest;
  const uploadsInUse = fs.existsSync(opts.uploadsDir) && fs.readdirSync(opts.uploadsDir).length > 0;
  if (!opts.force && (fs.existsSync(opts.databasePath) || uploadsInUse)) {
    throw new Error(
      `${opts.databasePath} or ${opts.uploadsDir} already holds data; stop the server and add --force to replace it`,
    );
  }
  fs.mkdirSync(path.dirname(path.resolve(opts.databasePath)), { recursive: true });
  for (const suffix of ["-wal", "-shm", ""]) fs.rmSync(opts.databasePath + suffix, { force: true });
  fs.copyFileSync(path.join(from, DATABASE_FILE), opts.databasePath);
  fs.rmSync(opts.uploadsDir, { recursive: true, force: true });
  fs.cpSync(path.join(from, UPLOADS_FOLDER), opts.uploadsDir, { recursive: true });
  const after = checkCopy(opts.databasePath, opts.uploadsDir, manifest);
  if (after.length) throw new Error(`the restored copy differs from the backup:\n  ${after.join("\n  ")}`);
  return manifest;
}

/** Keeps the newest `keep` backup folders under `root` (those with a manifest) and removes the rest. */
export function pruneBackups(root: string, keep: number): string[] {
  if (!fs.existsSync(root) || keep < 1) return [];
  const folders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, MANIFEST)))
    .map((e) => e.name)
    .sort();
  const removed = folders.slice(0, Math.max(0, folders.length - keep));
  for (const name of removed) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  return removed.map((name) => path.join(root, name));
}
