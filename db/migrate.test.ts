import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSqlite } from "./client.server";
import { MIGRATIONS_FOLDER, runMigrations } from "./migrate";

function tables(sqlite: ReturnType<typeof openSqlite>) {
  return (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

describe("migrations", () => {
  it("apply to an empty database and a second run changes nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kns-mig-"));
    const sqlite = openSqlite(path.join(dir, "a.db"));
    runMigrations(sqlite);
    const first = tables(sqlite);
    expect(first).toEqual(
      expect.arrayContaining(["users", "organisations", "sessions", "audit_log", "outbox", "settings"]),
    );
    runMigrations(sqlite);
    expect(tables(sqlite)).toEqual(first);
    sqlite.close();
  });

  it("leave the database as it was when one fails", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kns-mig-"));
    const folder = path.join(dir, "migrations");
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const sqlite = openSqlite(path.join(dir, "b.db"));
    runMigrations(sqlite, folder);
    sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('kept', '1', 1)").run();
    const before = tables(sqlite);
    const applied = (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;

    // A new migration whose first statement works and whose second fails.
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalPath, "utf8"));
    const tag = "9999_broken";
    journal.entries.push({ idx: journal.entries.length, version: "6", when: Date.now(), tag, breakpoints: true });
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(folder, `${tag}.sql`),
      "CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nALTER TABLE no_such_table ADD COLUMN x integer;\n--> statement-breakpoint\nDELETE FROM settings;",
    );

    expect(() => runMigrations(sqlite, folder)).toThrow();
    expect(tables(sqlite)).toEqual(before);
    expect((sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n).toBe(applied);
    expect(sqlite.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: "1" });
    sqlite.close();
  });
});
