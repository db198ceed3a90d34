/**
 * A clean stop (SIGTERM from systemd, Ctrl-C): stop accepting connections, let the requests in
 * flight finish (closing idle keep-alive connections at once, and any still busy after the grace
 * period), stop the background jobs, then checkpoint the write-ahead log into the database file
 * and close it, so that nothing is left in `-wal`.
 */
import type { Server } from "node:http";
import type Database from "better-sqlite3";
import { log } from "../app/utils/log.server";
import { stopAll, type Stop } from "./background";

export async function stopGracefully(opts: {
  server: Server;
  background: readonly Stop[];
  sqlite: Database.Database;
  graceMs: number;
}): Promise<void> {
  const { server, sqlite } = opts;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const grace = setTimeout(() => {
    log.warn("requests still running after the grace period; closing their connections");
    server.closeAllConnections();
  }, opts.graceMs);
  try {
    await Promise.all([closed, stopAll(opts.background)]);
  } finally {
    clearInterval(idle);
    clearTimeout(grace);
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
}
