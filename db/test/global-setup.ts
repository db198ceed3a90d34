/** Migrates one template database for the whole run; each worker copies it (db/test/setup.ts). */
import fs from "node:fs";
import path from "node:path";
import { openSqlite } from "../client.server";
import { runMigrations } from "../migrate";

export const TEMPLATE = path.resolve(".cache/test/template.db");

export default function setup() {
  fs.rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });
  const sqlite = openSqlite(TEMPLATE);
  runMigrations(sqlite);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}
