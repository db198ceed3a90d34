/**
 * Applies the committed drizzle-kit migrations. drizzle's better-sqlite3 migrator runs every
 * pending migration inside one transaction, so a failure leaves the database as it was.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzleFor } from "./client.server";

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function runMigrations(sqlite: Database.Database, migrationsFolder = MIGRATIONS_FOLDER) {
  migrate(drizzleFor(sqlite), { migrationsFolder });
}
