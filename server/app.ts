/** The Express application around the Remix build: headers, limits, static files, then Remix. */
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { bodyLimit, errorHandler, locals, originCheck, postRateLimit, requestContext } from "./middleware";
import { gzippedAssets } from "./static-gzip";

export type AppOptions = {
  build: ServerBuild;
  mode: string;
  production: boolean;
  /** The Origins accepted on state-changing requests (BASE_URL's). */
  origins: readonly string[];
  /** Express's `trust proxy`: false (none), a hop count, or addresses and subnets. */
  trustProxy: false | number | string[];
  postsPerMinute: number;
};

/**
 * TRUST_PROXY as Express takes it: unset trusts no proxy (the client address is the socket's);
 * a number is a count of proxy hops; anything else a comma-separated list of addresses, subnets
 * or Express's names for them (`loopback`, `uniquelocal`).
 */
export function trustProxySetting(value: string | undefined): false | number | string[] {
  const v = value?.trim();
  if (!v) return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What is wrong with a TRUST_PROXY value, in words; null when Express accepts it. */
export function trustProxyProblem(value: string | undefined): string | null {
  const setting = trustProxySetting(value);
  if (setting === false) return null;
  if (Array.isArray(setting) && setting.some((s) => ["true", "false", "*"].includes(s.toLowerCase()))) {
    return "TRUST_PROXY: give a hop count (e.g. 1) or the proxy's addresses (e.g. loopback), not true/false/*";
  }
  try {
    express().set("trust proxy", setting);
    return null;
  } catch (error) {
    return `TRUST_PROXY: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function createApp(options: AppOptions) {
  const { origins, production } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy);

  app.use(requestContext());
  app.use(
    helmet({
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: production,
      referrerPolicy: { policy: "same-origin" },
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${locals(res as express.Response).cspNonce}'`],
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
  app.use(postRateLimit(options.postsPerMinute, origins));
  app.use(bodyLimit(origins));
  app.use(originCheck(origins));

  app.use("/build", gzippedAssets("public/build"));
  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // public/ holds files (favicon.svg, …), never a page: only a path with an extension may be one of
  // them, so a page's request does not look for a file on disk first (a stat per request).
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: options.mode,
      getLoadContext: (req, res) => ({
        ip: req.ip ?? "",
        cspNonce: locals(res).cspNonce,
        requestId: locals(res).requestId,
      }),
    }),
  );
  app.use(errorHandler(origins));
  return app;
}
