/**
 * The server (`npm start`, compiled into build/server.js; production runs `node build/server.js`):
 * checks the configuration, applies migrations (a failure stops here and changes nothing), seeds
 * the demo data on an empty database outside production, serves the built Remix app with the
 * background jobs, and stops cleanly on SIGTERM/SIGINT.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { openSqlite, setConnection } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { sendDueReminders } from "../app/models/events.server";
import { optimizeDatabase, sweep } from "../app/models/flags.server";
import { mailStartupWarning, startMailWorker } from "../app/models/outbox.server";
import { activeAdminCount } from "../app/models/staff-accounts.server";
import { userCount } from "../app/models/users.server";
import { configurationProblems, env } from "../app/utils/env.server";
import { log } from "../app/utils/log.server";
import { allowedOrigins, baseUrl } from "../app/utils/url.server";
import { createApp, trustProxyProblem, trustProxySetting } from "./app";
import { every, type Stop } from "./background";
import { rememberRouteMatches } from "./route-matching";
import { stopGracefully } from "./stop";

/** How long a stop waits for requests in flight before it closes their connections. */
const STOP_GRACE_MS = 10_000;

installGlobals({ nativeFetch: true });
rememberRouteMatches(); // ADR 014: Remix matches the 75 routes several times a page

const problems = [...configurationProblems(), trustProxyProblem(process.env.TRUST_PROXY)].filter(
  (p): p is string => !!p,
);
if (problems.length) {
  for (const problem of problems) console.error(`Cannot start: ${problem}`);
  process.exit(1);
}
const config = env();
const production = config.NODE_ENV === "production";

const sqlite = openSqlite(config.DATABASE_PATH);
try {
  runMigrations(sqlite);
  log.info("migrations applied", { database: config.DATABASE_PATH });
} catch (error) {
  log.error("migration failed; the database was left as it was", { error });
  sqlite.close();
  process.exit(1);
}
setConnection(sqlite);
optimizeDatabase(); // the planner's statistics, refreshed when out of date (ADR 012); the sweep repeats it

// Demo data is a development tool (its generator, faker, is a dev dependency): it runs through
// tsx in a child process, so neither is ever loaded by the server itself.
if (!production && userCount() === 0) {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/seed.ts"], { stdio: "inherit" });
}
if (activeAdminCount() === 0) {
  log.warn("no active administrator", { hint: "npm run admin:create -- --email … --name …" });
  console.log(
    '\nNobody can administer this site yet. Create the first administrator with:\n  npm run admin:create -- --email you@example.vn --name "Họ và tên"\n',
  );
}

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const app = createApp({
  build,
  mode: config.NODE_ENV,
  production,
  origins: allowedOrigins(),
  trustProxy: trustProxySetting(config.TRUST_PROXY),
  postsPerMinute: config.RATE_LIMIT_POSTS_PER_MINUTE,
});

const server = app.listen(config.PORT, () => {
  log.info("listening", { port: config.PORT, url: baseUrl(), trustProxy: config.TRUST_PROXY ?? false });
  console.log(`Kết Nối Số is serving ${baseUrl()} (port ${config.PORT})`);
});

// Background jobs: one line each. Each returns how to stop it (see server/background.ts).
const mailWorker = startMailWorker(); // ADR 007: sends pending mail; nothing without SMTP_URL
const background: Stop[] = [
  every("flag sweep", config.FLAG_SWEEP_MINUTES * 60_000, async () => {
    const result = await sweep(); // docs/product.md §10, in slices (ADR 012)
    optimizeDatabase();
    return result;
  }),
  every("event reminders", 10 * 60_000, () => sendDueReminders()), // ADR 013: once, ~24 h before the start
  () => mailWorker.stop(),
];
const mailWarning = mailStartupWarning();
if (mailWarning) {
  log.warn(mailWarning);
  console.warn(mailWarning);
}

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) {
    log.warn("second signal: stopping at once", { signal });
    process.exit(1);
  }
  stopping = true;
  log.info("stopping", { signal });
  try {
    await stopGracefully({ server, background, sqlite, graceMs: STOP_GRACE_MS });
    log.info("stopped", { database: "checkpointed and closed" });
    process.exit(0);
  } catch (error) {
    log.error("stopping failed", { error });
    process.exit(1);
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, (s) => void stop(s));
