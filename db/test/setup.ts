/** Gives each test file's worker its own copy of the migrated template database. */
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { openSqlite, setConnection } from "../client.server";

const template = path.resolve(".cache/test/template.db");
const file = path.resolve(`.cache/test/worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.db`);
fs.copyFileSync(template, file);
process.env.DATABASE_PATH = file;
const sqlite = openSqlite(file);
setConnection(sqlite);

afterAll(() => {
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
