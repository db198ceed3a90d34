/**
 * One connection per process: WAL, foreign keys on, a busy timeout. Routes never import this;
 * models do.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";
import { env } from "../app/utils/env.server";

export type DB = BetterSQLite3Database<typeof schema>;
/** The handle inside `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** Where a write can go: the connection itself, or the transaction of the change that causes it. */
export type DbOrTx = DB | Tx;

export function openSqlite(file: string): Database.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export function drizzleFor(sqlite: Database.Database): DB {
  return drizzle(sqlite, { schema });
}

const globalForDb = globalThis as unknown as { __sqlite?: Database.Database; __db?: DB };

/** The process's connection, opened on first use at DATABASE_PATH. */
export function getSqlite(): Database.Database {
  if (!globalForDb.__sqlite) globalForDb.__sqlite = openSqlite(env().DATABASE_PATH);
  return globalForDb.__sqlite;
}

export function getDb(): DB {
  if (!globalForDb.__db) globalForDb.__db = drizzleFor(getSqlite());
  return globalForDb.__db;
}

/** For tests and scripts that open the file themselves. */
export function setConnection(sqlite: Database.Database) {
  globalForDb.__sqlite = sqlite;
  globalForDb.__db = drizzleFor(sqlite);
}

export { schema };
