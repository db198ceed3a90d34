import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backup, checkBackup, integrity, pruneBackups, restore, rowCounts } from "./backup";
import { openSqlite } from "./client.server";
import { runMigrations } from "./migrate";

let dir: string;
let live: Database.Database;
const uploads = () => path.join(dir, "uploads");

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kns-backup-"));
  live = openSqlite(path.join(dir, "live.db"));
  runMigrations(live);
  const insert = live.prepare("INSERT INTO rate_events (kind, key, at) VALUES ('sign_up', ?, ?)");
  for (let i = 0; i < 50; i++) insert.run(`10.0.0.${i}`, Date.now());
  fs.mkdirSync(path.join(uploads(), "eng-1"), { recursive: true });
  fs.writeFileSync(path.join(uploads(), "eng-1", "a.pdf"), "%PDF-1.4 one");
  fs.writeFileSync(path.join(uploads(), "eng-1", "b.png"), Buffer.alloc(2048, 7));
});

afterEach(() => {
  live.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up a live database and its uploads, and restores both into a fresh folder", async () => {
    // The server keeps writing through its connection while the copy is made.
    const writer = setInterval(() => {
      live.prepare("INSERT INTO rate_events (kind, key, at) VALUES ('sign_up', 'busy', ?)").run(Date.now());
    }, 1);
    const { folder, manifest } = await backup({ sqlite: live, uploadsDir: uploads(), root: path.join(dir, "backups") });
    clearInterval(writer);
    expect(manifest.counts.rate_events).toBeGreaterThanOrEqual(50);
    expect(manifest.counts.users).toBe(0);
    expect(manifest.uploads).toEqual({ files: 2, bytes: 12 + 2048 });
    expect(checkBackup(folder)).toEqual([]);
    expect(fs.existsSync(path.join(folder, "app.db-wal"))).toBe(false);

    const fresh = path.join(dir, "fresh");
    restore({ from: folder, databasePath: path.join(fresh, "app.db"), uploadsDir: path.join(fresh, "uploads") });
    expect(integrity(path.join(fresh, "app.db"))).toBe("ok");
    const restored = new Database(path.join(fresh, "app.db"), { readonly: true });
    expect(rowCounts(restored)).toEqual(manifest.counts);
    restored.close();
    expect(fs.readFileSync(path.join(fresh, "uploads", "eng-1", "a.pdf"), "utf8")).toBe("%PDF-1.4 one");
  });

  it("refuses to restore over data unless forced, and refuses a damaged backup", async () => {
    const { folder } = await backup({ sqlite: live, uploadsDir: uploads(), target: path.join(dir, "b1") });
    const target = { databasePath: path.join(dir, "live.db"), uploadsDir: uploads() };
    expect(() => restore({ from: folder, ...target })).toThrow(/already holds data/);

    fs.writeFileSync(path.join(folder, "uploads", "extra.txt"), "x");
    expect(checkBackup(folder)).toEqual([expect.stringMatching(/^uploads: 3 files/)]);
    expect(() => restore({ from: folder, ...target, force: true })).toThrow(/not sound/);
    expect(checkBackup(path.join(dir, "nothing"))).toEqual([expect.stringMatching(/manifest.json is missing/)]);
  });

  it("keeps the newest backups and removes the older ones", async () => {
    const root = path.join(dir, "backups");
    for (let i = 1; i <= 4; i++) {
      await backup({ sqlite: live, uploadsDir: uploads(), root, now: new Date(Date.UTC(2026, 0, i)) });
    }
    const removed = pruneBackups(root, 2);
    expect(removed.map((p) => path.basename(p))).toEqual(["2026-01-01T00-00-00-000Z", "2026-01-02T00-00-00-000Z"]);
    expect(fs.readdirSync(root).sort()).toEqual(["2026-01-03T00-00-00-000Z", "2026-01-04T00-00-00-000Z"]);
  });
});
