/**
 * `npm start`: applies migrations (a failure stops here and changes nothing), seeds the demo data
 * when the database is empty outside production, then serves the built Remix app.
 */
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { openSqlite } from "../db/client.server";
import { runMigrations } from "../db/migrate";
import { env } from "../app/utils/env.server";
import { originAllowed } from "../app/utils/csrf";
import { log } from "../app/utils/log.server";

installGlobals({ nativeFetch: true });

const config = env();
const production = config.NODE_ENV === "production";

function prepareDatabase() {
  const sqlite = openSqlite(config.DATABASE_PATH);
  try {
    runMigrations(sqlite);
    log.info("migrations applied", { database: config.DATABASE_PATH });
  } catch (error) {
    log.error("migration failed; the database was left as it was", { error: String(error) });
    sqlite.close();
    process.exit(1);
  }
  return sqlite;
}

async function seedIfEmpty(sqlite: ReturnType<typeof openSqlite>) {
  if (production) return;
  const { isEmpty, seed, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../db/seed");
  if (!isEmpty(sqlite)) return;
  await seed(sqlite);
  console.log("\nDemo data created. Sign in at /login with password %s as:", DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) console.log("  %s  (%s)", account.email, account.note);
  console.log("");
}

const sqlite = prepareDatabase();
await seedIfEmpty(sqlite);
sqlite.close();

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

app.use((req, res, next) => {
  const id = crypto.randomUUID();
  const start = process.hrtime.bigint();
  res.setHeader("X-Request-Id", id);
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    log.info("request", {
      id,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
    });
  });
  next();
});

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("hex");
  next();
});

app.use(
  helmet({
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: production,
    referrerPolicy: { policy: "same-origin" },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": [
          "'self'",
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          (_req, res) => `'nonce-${(res as any).locals.cspNonce}'`,
        ],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
      },
    },
  }),
);

app.use((req, res, next) => {
  const allowed = [`${req.protocol}://${req.get("host")}`];
  if (config.BASE_URL) allowed.push(new URL(config.BASE_URL).origin);
  if (originAllowed(req.method, req.get("origin"), allowed)) return next();
  log.warn("refused a request from a foreign or missing origin", {
    method: req.method,
    path: req.path,
    origin: req.get("origin") ?? null,
  });
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send(
      "Yêu cầu bị từ chối: không đến từ trang của Kết Nối Số.\nRequest refused: it did not come from Kết Nối Số's own pages.",
    );
});

app.use(compression());
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({ ip: req.ip ?? "", cspNonce: res.locals.cspNonce as string }),
  }),
);

const server = app.listen(config.PORT, () => {
  log.info("listening", { url: config.BASE_URL ?? `http://localhost:${config.PORT}` });
  console.log(`Kết Nối Số is serving http://localhost:${config.PORT}`);
});

// The periodic risk-flag sweep (DESIGN §10), every FLAG_SWEEP_MINUTES (default 15; 0 turns it off).
const sweepMinutes = Number(process.env.FLAG_SWEEP_MINUTES ?? 15);
if (sweepMinutes > 0) {
  const { sweep } = await import("../app/models/flags.server");
  const timer = setInterval(() => {
    sweep()
      .then((r) => log.info("flag sweep", r))
      .catch((error) => log.error("flag sweep failed", { error: String(error) }));
  }, sweepMinutes * 60_000);
  timer.unref();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
