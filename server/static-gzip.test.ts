import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzippedAssets } from "./static-gzip";

let dir: string;
let url: string;
let close: () => void;
const script = `export const words = ${JSON.stringify("Kết Nối Số ".repeat(500))};\n`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "assets-"));
  fs.mkdirSync(path.join(dir, "routes"));
  fs.writeFileSync(path.join(dir, "routes", "needs.$needId-ABC.js"), script);
  fs.writeFileSync(path.join(dir, "data.json"), "{}");
  const app = express();
  app.use("/build", gzippedAssets(dir));
  app.use("/build", express.static(dir));
  await new Promise<void>((resolve) => {
    const server = app.listen(0, () => {
      url = `http://localhost:${(server.address() as { port: number }).port}/build`;
      close = () => server.close();
      resolve();
    });
  });
});
afterAll(() => {
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function get(p: string, encoding: string) {
  // fetch would decompress: read the raw bytes through node's http.
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(`${url}${p}`, { headers: { "Accept-Encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("the build's scripts, gzipped once", () => {
  it("sends a script gzipped at level 9, cached for a year, the same bytes every time", async () => {
    const first = await get("/routes/needs.$needId-ABC.js", "gzip, deflate, br");
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers["content-type"]).toMatch(/^application\/javascript/);
    expect(first.headers["cache-control"]).toContain("immutable");
    expect(zlib.gunzipSync(first.body).toString()).toBe(script);
    expect(first.body.length).toBe(zlib.gzipSync(script, { level: 9 }).length);
    expect((await get("/routes/needs.$needId-ABC.js", "gzip")).body.equals(first.body)).toBe(true);
  });

  it("leaves other files, missing ones, paths outside and clients without gzip to express.static", async () => {
    const plain = await get("/routes/needs.$needId-ABC.js", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect((await get("/data.json", "gzip")).headers["content-encoding"]).toBeUndefined();
    expect((await get("/missing.js", "gzip")).status).toBe(404);
    expect((await get("/..%2f..%2fetc%2fpasswd.js", "gzip")).status).toBe(404);
  });
});
