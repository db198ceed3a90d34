/**
 * The servers the benchmark measures: the built app (build/server.js, production) on a copy of a
 * benchmark database, and a bare Remix app built from the same dependencies under .cache/bench/bare
 * (one route, no session, no root loader) for the per-request floor.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export type Server = {
  url: string;
  /** Lines the server wrote on stdout since it started (its JSON log). */
  lines: string[];
  child: ChildProcess;
  stop: () => Promise<void>;
};

async function waitFor(url: string, child: ChildProcess, what: string) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${what} did not answer ${url} within 120 s`);
}

/** The servers this process started: stopped if the benchmark itself is stopped or fails. */
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill("SIGKILL");
    process.exit(130);
  });
}

function spawnServer(args: string[], env: Record<string, string>, port: number, what: string, keepLines: boolean) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", (code, signal) => {
    running.delete(child);
    if (!stopping) console.log(`  !! ${what} exited by itself (code ${code}, signal ${signal})`);
  });
  let stopping = false;
  const lines: string[] = [];
  let rest = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    if (!keepLines) return;
    const text = rest + chunk.toString();
    const parts = text.split("\n");
    rest = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${what}] ${chunk}`));
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  return { child, lines, stop };
}

/** Runs `npm run build` when build/ is older than the sources (or missing). */
export function ensureAppBuilt() {
  const newest = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .reduce((m, e) => Math.max(m, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
  const built = fs.existsSync("build/server.js") ? fs.statSync("build/server.js").mtimeMs : 0;
  const sources = Math.max(newest("app"), newest("server"), newest("db/migrations"));
  if (built > sources) return;
  console.log("Building the app (npm run build) …");
  execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}

/** The built app on `database` (a copy of a benchmark database: the benchmark writes to it). */
export async function startApp(
  port: number,
  database: string,
  extra: Record<string, string> = {},
  keepLines = false,
): Promise<Server> {
  const url = `http://localhost:${port}`;
  const env = {
    NODE_ENV: "production",
    BASE_URL: url,
    DATABASE_PATH: database,
    UPLOADS_DIR: path.join(path.dirname(database), "uploads"),
    BENCH_TRIVIAL: "1",
    // Production requires it (event check-in links); any 32+ characters serve the benchmark.
    CHECKIN_SECRET: "bench-checkin-secret-0123456789abcdef",
    FLAG_SWEEP_MINUTES: "0",
    MAIL_WORKER_SECONDS: "0",
    RATE_LIMIT_POSTS_PER_MINUTE: "0",
    // One JSON line per request, as in production (and the sweep's line, which the probe waits for).
    LOG_LEVEL: "info",
    ...extra,
  };
  const server = spawnServer(["build/server.js"], env, port, `app:${port}`, keepLines);
  await waitFor(`${url}/healthz`, server.child, `the app on port ${port}`);
  return { url, ...server };
}

const BARE = path.resolve(".cache/bench/bare");

const BARE_FILES: Record<string, string> = {
  // The Remix compiler finds its server runtime among the dependencies.
  "package.json": JSON.stringify({
    type: "module",
    sideEffects: false,
    dependencies: { "@remix-run/node": "*", "@remix-run/react": "*", "@remix-run/express": "*", react: "*" },
  }),
  "remix.config.js": `export default { serverModuleFormat: "esm", serverPlatform: "node", future: {
    v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true } };\n`,
  "app/root.tsx": `import { Links, Meta, Outlet, Scripts } from "@remix-run/react";
export default function App() {
  return (<html lang="vi"><head><meta charSet="utf-8" /><Meta /><Links /></head>
    <body><Outlet /><Scripts /></body></html>);
}\n`,
  "app/routes/_index.tsx": `import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
export function loader() { return json({ one: 1 }); }
export default function Index() { const { one } = useLoaderData<typeof loader>(); return <h1>Bare page {one}</h1>; }\n`,
  "server.mjs": `import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
installGlobals({ nativeFetch: true });
const dir = path.dirname(new URL(import.meta.url).pathname);
const build = await import(pathToFileURL(path.join(dir, "build/index.js")).href);
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/build", express.static(path.join(dir, "public/build"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT));\n`,
};

/**
 * The route files of the app, each as a one-line route of the same file name: a bare app with the
 * app's route table (Remix's work per request grows with the number of routes, ADR 014).
 */
function appRouteFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync("app/routes")) {
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name) || /^_index\.tsx?$/.test(name)) continue;
    files[`app/routes/${name.replace(/\.ts$/, ".tsx")}`] =
      `export function loader() { return null; }\nexport default function R() { return <p>route</p>; }\n`;
  }
  return files;
}

/**
 * A bare Remix page from the same dependencies (Express, compression, the Remix handler; no
 * session, no root loader, no i18n), built once under .cache/bench/bare — alone, or (`withRoutes`)
 * beside one-line copies of every route file of the app, under .cache/bench/bare-routes.
 */
export async function startBare(port: number, withRoutes = false): Promise<Server & { routes: number }> {
  const files = withRoutes ? { ...BARE_FILES, ...appRouteFiles() } : BARE_FILES;
  const dir = withRoutes ? `${BARE}-routes` : BARE;
  const key = crypto.createHash("sha256").update(JSON.stringify(files)).digest("hex").slice(0, 12);
  const stamp = path.join(dir, "build/.key");
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== key) {
    console.log(`Building the bare Remix app under ${path.relative(process.cwd(), dir)} …`);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const remix = path.resolve("node_modules/@remix-run/dev/dist/cli.js");
    execFileSync(process.execPath, [remix, "build"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    fs.writeFileSync(stamp, key);
  }
  const url = `http://localhost:${port}`;
  const what = withRoutes ? "bare-routes" : "bare";
  const server = spawnServer([path.join(dir, "server.mjs")], { NODE_ENV: "production" }, port, what, false);
  await waitFor(url, server.child, `the ${what} Remix app`);
  // The root and the routes/ files (the root is a route too).
  const routes = 1 + Object.keys(files).filter((f) => f.startsWith("app/routes/")).length;
  return { url, routes, ...server };
}
