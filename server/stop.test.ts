import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../db/client.server";
import { every } from "./background";
import { stopGracefully } from "./stop";

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a clean stop", () => {
  it("finishes the request in flight, refuses new ones, stops the jobs, and leaves no -wal behind", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kns-stop-"));
    const file = path.join(dir, "app.db");
    const sqlite = openSqlite(file);
    sqlite.exec("CREATE TABLE t (x TEXT)");
    const insert = sqlite.prepare("INSERT INTO t VALUES (?)");
    for (let i = 0; i < 2000; i++) insert.run("a fairly long row to grow the write-ahead log ".repeat(4));
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const server = http.createServer((_req, res) => setTimeout(() => res.end("finished"), 400));
    server.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    let jobRuns = 0;
    const job = every("test job", 20, () => {
      jobRuns += 1;
    });

    const inFlight = fetch(url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 100));
    const stopped = stopGracefully({ server, background: [job], sqlite, graceMs: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(url)).rejects.toThrow();
    expect(await inFlight).toBe("finished");
    await stopped;

    const runs = jobRuns;
    await new Promise((r) => setTimeout(r, 100));
    expect(jobRuns).toBe(runs);
    expect(sqlite.open).toBe(false);
    const wal = `${file}-wal`;
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
  });
});
