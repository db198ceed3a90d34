/**
 * db/schema.ts and the committed migrations agree: drizzle-kit, run against a copy of
 * db/migrations, finds nothing to generate. When it fails, run
 * `npx drizzle-kit generate --name <what_changed>` and commit the migration with the schema.
 * The second test shows the check can fail: a table added to the schema is noticed.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const DRIZZLE_KIT = path.resolve("node_modules/.bin/drizzle-kit");
// drizzle-kit wants a path relative to the working directory for --out.
const WORK = path.join(".cache", "test", `migrations-check-${crypto.randomUUID().slice(0, 8)}`);

afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

/** Generates against a fresh copy of the migrations; the new files drizzle-kit wrote. */
function generate(schema: string, name: string): { added: string[]; output: string } {
  const out = path.join(WORK, name);
  fs.cpSync("db/migrations", out, { recursive: true });
  const before = new Set(fs.readdirSync(out));
  const run = spawnSync(DRIZZLE_KIT, ["generate", "--dialect", "sqlite", "--schema", schema, "--out", out], {
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
    // A rename makes drizzle-kit ask a question; with no one to answer, stop rather than hang.
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 25_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(run.status, output).toBe(0);
  return { added: fs.readdirSync(out).filter((f) => !before.has(f)), output };
}

describe("the committed migrations", () => {
  it("are all that db/schema.ts needs", { timeout: 30_000 }, () => {
    const { added, output } = generate("db/schema.ts", "current");
    expect(added, output).toEqual([]);
    expect(output).toContain("No schema changes");
  });

  it("would not be, were a table added to the schema", { timeout: 30_000 }, () => {
    fs.mkdirSync(WORK, { recursive: true });
    const probe = path.join(WORK, "schema-with-probe.ts");
    fs.writeFileSync(
      probe,
      [
        `export * from ${JSON.stringify(path.resolve("db/schema.ts"))};`,
        `import { sqliteTable, text } from "drizzle-orm/sqlite-core";`,
        `export const schemaProbe = sqliteTable("schema_probe", { id: text("id").primaryKey() });`,
      ].join("\n"),
    );
    const { added } = generate(probe, "changed");
    const sql = added.filter((f) => f.endsWith(".sql"));
    expect(sql).toHaveLength(1);
    expect(fs.readFileSync(path.join(WORK, "changed", sql[0]!), "utf8")).toContain("`schema_probe`");
  });
});
