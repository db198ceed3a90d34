/**
 * The Express layers in front of Remix: a request id and one log line per request, the general
 * per-address limit on state-changing requests, the body cap, the Origin check, and the last-resort
 * error handler. Each refuses with a page in the user's language.
 */
import crypto from "node:crypto";
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { bodyLimitFor, checkBody } from "../app/lib/body-limit";
import { createWindowLimiter } from "../app/lib/rate-limit";
import { isSafeMethod, originAllowed } from "../app/utils/csrf";
import { log } from "../app/utils/log.server";
import { requestLang, statusPage, type PageKind } from "./pages";

export type Locals = { requestId: string; cspNonce: string };

export function locals(res: Response): Locals {
  return res.locals as Locals;
}

function sendPage(req: Request, res: Response, kind: PageKind, status: number, origins: readonly string[]) {
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .set("Cache-Control", "no-store")
    .send(statusPage(kind, status, requestLang(req), { referer: req.get("referer"), origins }));
}

/**
 * A request id (also sent back as X-Request-Id, and passed to Remix in the load context) and one
 * JSON line per request: id, method, path (never the query, which can hold a token), status,
 * duration, client address.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const id = crypto.randomUUID();
    const start = process.hrtime.bigint();
    res.locals.requestId = id;
    res.locals.cspNonce = crypto.randomBytes(16).toString("hex");
    res.setHeader("X-Request-Id", id);
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      log.info("request", {
        id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ip: req.ip,
      });
    });
    next();
  };
}

/**
 * At most `perMinute` state-changing requests a minute from one address (0: no limit), well above
 * what a person filling in forms reaches; above it, 429 with a page in the user's language.
 */
export function postRateLimit(perMinute: number, origins: readonly string[]): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  const limiter = createWindowLimiter(perMinute, 60_000);
  return (req, res, next) => {
    if (isSafeMethod(req.method) || limiter.hit(req.ip ?? "")) return next();
    log.warn("rate limited", { id: locals(res).requestId, ip: req.ip, method: req.method, path: req.path });
    res.set("Retry-After", "60");
    sendPage(req, res, "rateLimited", 429, origins);
  };
}

/**
 * Bodies within their limit (forms 1 MB, the engagement page's uploads their own), declared by
 * Content-Length; the rest is refused before a byte is read, and the connection is closed so the
 * client stops sending.
 */
export function bodyLimit(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const limit = bodyLimitFor(req.path, req.get("content-type"));
    const verdict = checkBody(
      req.method,
      { contentLength: req.get("content-length"), transferEncoding: req.get("transfer-encoding") },
      limit,
    );
    if (verdict === "ok") return next();
    log.warn("request body refused", {
      id: locals(res).requestId,
      verdict,
      length: req.get("content-length") ?? null,
      limit,
      path: req.path,
    });
    res.set("Connection", "close");
    req.resume(); // whatever arrives is discarded, never kept
    if (verdict === "too_large") sendPage(req, res, "tooLarge", 413, origins);
    else sendPage(req, res, "lengthRequired", 411, origins);
  };
}

/**
 * Every state-changing request must carry one of this site's origins (BASE_URL), never Host's, and
 * be addressed to BASE_URL's host (Remix compares Origin with X-Forwarded-Host or Host and would
 * throw; a request that names another host is refused here with a 403 instead).
 */
export function originCheck(origins: readonly string[]): RequestHandler {
  const hosts = origins.map((o) => new URL(o).host);
  return (req, res, next) => {
    if (isSafeMethod(req.method)) return next();
    const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
    const originOk = originAllowed(req.method, req.get("origin"), origins);
    if (originOk && host && hosts.includes(host)) return next();
    log.warn(
      originOk ? "refused a request addressed to another host" : "refused a request from a foreign or missing origin",
      {
        id: locals(res).requestId,
        method: req.method,
        path: req.path,
        origin: req.get("origin") ?? null,
        host: host ?? null,
      },
    );
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(
        "Yêu cầu bị từ chối: không đến từ trang của Kết Nối Số.\nRequest refused: it did not come from Kết Nối Số's own pages.",
      );
  };
}

/** What Remix could not handle itself: logged with the request id, answered without a stack. */
export function errorHandler(origins: readonly string[]): ErrorRequestHandler {
  return (error, req, res, next) => {
    log.error("request failed", { id: locals(res).requestId, method: req.method, path: req.path, error });
    if (res.headersSent) return next(error);
    sendPage(req, res, "server", 500, origins);
  };
}
