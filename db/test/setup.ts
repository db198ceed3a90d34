/**
 * Runs before each test file (vitest re-runs setup files per file even without isolation): the
 * file gets its own copy of the migrated template database and a process.env restored after it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, vi } from "vitest";
import { openSqlite, setConnection } from "../client.server";

const savedEnv = { ...process.env };
const template = path.resolve(".cache/test/template.db");
const file = path.resolve(
  `.cache/test/worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${crypto.randomUUID().slice(0, 8)}.db`,
);
fs.copyFileSync(template, file);
process.env.DATABASE_PATH = file;
const sqlite = openSqlite(file);
setConnection(sqlite);

afterAll(() => {
  // Test files share one module graph (vitest.config.ts): leave nothing behind for the next one.
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
});
