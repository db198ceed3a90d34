/**
 * Compiles the server and the production commands with esbuild (after `remix build`), so that
 * production runs plain JavaScript: no tsx, no faker (dev dependencies) at run time.
 *
 *   build/server.js        server/index.ts           `npm start`, `npm run serve`
 *   build/admin-create.js  scripts/admin-create.ts   `npm run admin:create`
 *   build/db-backup.js     scripts/backup.ts         `npm run db:backup`
 *   build/db-restore.js    scripts/restore.ts        `npm run db:restore`
 *   build/migrations/      db/migrations             read by db/migrate.ts beside the bundle
 *
 * Packages stay in node_modules (imported at run time); the build fails if any bundle would
 * import a dev-only package.
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const OUT = "build";
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
// Every declared package stays external (esbuild 0.17's `packages: "external"` would also take
// the `~/` alias of tsconfig.json for a package).
const PACKAGES = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).flatMap((name) => [name, `${name}/*`]);
const DEV_ONLY = ["tsx", "@faker-js/faker", "esbuild", "vitest", "@remix-run/dev", "drizzle-kit", "@playwright/test"];

const result = await build({
  entryPoints: {
    server: "server/index.ts",
    "admin-create": "scripts/admin-create.ts",
    "db-backup": "scripts/backup.ts",
    "db-restore": "scripts/restore.ts",
  },
  outdir: OUT,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: PACKAGES,
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});

const bundled = Object.keys(result.metafile.inputs).filter((file) => file.includes("node_modules/"));
if (bundled.length) {
  console.error("Packages not declared in package.json were bundled:\n  " + bundled.join("\n  "));
  process.exit(1);
}

const forbidden = [];
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  for (const { path: imported } of output.imports ?? []) {
    if (DEV_ONLY.some((p) => imported === p || imported.startsWith(`${p}/`)))
      forbidden.push(`${file} imports ${imported}`);
  }
}
if (forbidden.length) {
  console.error("A production bundle would need a dev dependency:\n  " + forbidden.join("\n  "));
  process.exit(1);
}

fs.rmSync(path.join(OUT, "migrations"), { recursive: true, force: true });
fs.cpSync("db/migrations", path.join(OUT, "migrations"), { recursive: true });
console.log("Compiled build/server.js, build/admin-create.js, build/db-backup.js, build/db-restore.js");
