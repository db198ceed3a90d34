/**
 * One connection per process: WAL, foreign keys on, a busy timeout. Routes never import this;
 * models do.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { and, type SQL } from "drizzle-orm";
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

/** How many prepared statements a connection keeps for drizzle (least recently used go first). */
export const STATEMENT_CACHE_SIZE = 1_000;

/**
 * The connection as drizzle sees it, with its statements kept: drizzle prepares the SQL of every
 * query it runs, and preparing costs more than running most of ours (a profile of the flag sweep:
 * a fifth of its time). Same SQL text, same statement; a statement taken again is returned to its
 * default mode (drizzle asks for raw rows itself when it wants them). better-sqlite3 runs a
 * statement to completion synchronously, so one statement serves every caller in turn.
 */
export function withStatementCache(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    const hit = cache.get(source);
    if (hit) {
      cache.delete(source);
      cache.set(source, hit);
      if (hit.reader) hit.raw(false);
      return hit;
    }
    const statement = sqlite.prepare(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === "prepare") return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function drizzleFor(sqlite: Database.Database): DB {
  return drizzle(withStatementCache(sqlite), { schema });
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

const preparedByConnection = new WeakMap<DB, Map<string, unknown>>();

/**
 * A query built and prepared once per connection and `key`, then run with placeholders
 * (`sql.placeholder`). Building a drizzle query (its SQL text from the builder's objects) costs a
 * page's list more than running it at every request (ADR 012): a list whose query has a few shapes
 * (which filters are set) keys each shape and binds only the values.
 */
export function preparedOnce<T>(db: DB, key: string, build: () => T): T {
  let prepared = preparedByConnection.get(db);
  if (!prepared) preparedByConnection.set(db, (prepared = new Map()));
  let statement = prepared.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    prepared.set(key, statement);
  }
  return statement;
}

/**
 * The WHERE of a query prepared per shape (`preparedOnce`): each condition is added with the value
 * of its placeholder (`sql.placeholder(name)`); `key` names the conditions present, the statement's
 * key, and `values` binds them at each run.
 */
export class ShapedWhere {
  private readonly conditions: SQL[] = [];
  readonly values: Record<string, string | number> = {};
  private readonly names: string[];

  /** `shape`: what else decides the statement's text (a sort, a plan's mode). */
  constructor(...shape: string[]) {
    this.names = shape;
  }

  /** A condition on the placeholder `name`, bound to `value`; left out when there is no value. */
  bind(name: string, value: string | number | null | undefined, condition: SQL) {
    if (value === undefined || value === null || value === "") return;
    this.conditions.push(condition);
    this.values[name] = value;
    this.names.push(name);
  }

  /** A condition with no value to bind, named in the shape. */
  fixed(name: string, condition: SQL) {
    this.conditions.push(condition);
    this.names.push(name);
  }

  get where() {
    return and(...this.conditions);
  }

  get key() {
    return this.names.join(",");
  }
}
