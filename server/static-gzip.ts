/**
 * The build's scripts and styles, gzipped once at the highest level and kept in memory. Their names
 * carry a hash of their content, so each is compressed on its first request and served as is after;
 * `compression()` compresses each response anew at its default level (6), which sends ~3 % more.
 * A request that does not accept gzip, or for another file, goes on to express.static.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { RequestHandler } from "express";

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export function gzippedAssets(directory: string): RequestHandler {
  const root = path.resolve(directory);
  const cache = new Map<string, Buffer | null>();
  return (req, res, next) => {
    const type = TYPES[path.extname(req.path)];
    if ((req.method !== "GET" && req.method !== "HEAD") || !type || !req.acceptsEncodings("gzip")) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep)) return next();
    let body = cache.get(file);
    if (body === undefined) {
      body = fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }) : null;
      cache.set(file, body);
    }
    if (!body) return next();
    res.set({
      "Content-Type": type,
      "Content-Encoding": "gzip",
      "Content-Length": String(body.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
