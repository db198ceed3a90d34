/**
 * The operator's documents stay true: every environment variable the code reads is in the README's
 * table and in docs/operations.md, and every npm script docs/operations.md names exists.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "../app/utils/env.server";

// Set by a tool or the system for the code, never a setting of this application.
const NOT_SETTINGS = new Set(["VITEST_POOL_ID", "PATH", "HOME"]);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|js)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

function variablesRead(): string[] {
  const files = [
    ...["app", "server", "scripts", "db", "e2e"].flatMap(sourceFiles),
    "playwright.config.ts",
    "drizzle.config.ts",
  ];
  const found = new Set<string>(ENV_VARIABLES);
  for (const file of files) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) found.add(m[1]!);
  }
  return [...found].filter((v) => !NOT_SETTINGS.has(v)).sort();
}

const readme = fs.readFileSync("README.md", "utf8");
const operations = fs.readFileSync("docs/operations.md", "utf8");

describe("the configuration is documented", () => {
  const variables = variablesRead();

  it("finds the variables the code reads", () => {
    expect(variables).toEqual(expect.arrayContaining(["BASE_URL", "TRUST_PROXY", "DATABASE_PATH", "E2E_PORT"]));
  });

  it.each(variables)("%s is a row of the README's configuration table and is in docs/operations.md", (variable) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${variable}\` +\\|`, "m"));
    expect(operations).toContain(`\`${variable}\``);
  });

  it("names only npm scripts that exist", () => {
    const scripts = Object.keys(JSON.parse(fs.readFileSync("package.json", "utf8")).scripts);
    const named = [...operations.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(scripts).toContain(name);
  });

  it("runs the production commands from the compiled build the build makes", () => {
    const builder = fs.readFileSync("scripts/build-server.mjs", "utf8");
    const named = [...operations.matchAll(/build\/([\w-]+)\.js/g)].map((m) => m[1]!).filter((n) => n !== "index");
    expect(named).toEqual(expect.arrayContaining(["server", "admin-create", "db-backup", "db-restore"]));
    for (const name of named) expect(builder).toMatch(new RegExp(`^\\s+"?${name}"?: "`, "m"));
  });
});
