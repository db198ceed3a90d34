import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT } from "../app/lib/body-limit";
import { trustProxyProblem, trustProxySetting } from "./app";
import { bodyLimit, errorHandler, originCheck, postRateLimit, requestContext } from "./middleware";

const BASE = "http://ketnoiso.test";
let url: string;
const servers: Server[] = [];

async function serve(app: express.Express): Promise<string> {
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((r) => server.once("listening", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const app = express();
  app.use(requestContext());
  app.use(bodyLimit([BASE]));
  app.use(originCheck([BASE]));
  app.post("/boom", () => {
    throw new Error("boom smtp://u:secret@h");
  });
  app.all("*", (req, res) => {
    req.resume();
    req.on("end", () => res.send(`ok ${res.locals.requestId}`));
  });
  app.use(errorHandler([BASE]));
  url = await serve(app);
});
afterAll(() => {
  for (const server of servers) server.close();
});

/** A request with exactly these headers (fetch would not let a test set Host). */
function send(
  base: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const body = opts.body ?? "";
    const request = http.request(`${base}${path}`, {
      method: opts.method ?? "POST",
      headers: { "Content-Length": String(Buffer.byteLength(body)), ...opts.headers },
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
    });
    // The server may close the connection before the whole body is sent; the answer still comes.
    request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : reject(error)));
    request.end(body);
  });
}

// The site's own form post: its Origin and Host are BASE_URL's.
const own = { Origin: BASE, Host: "ketnoiso.test", "Content-Type": "application/x-www-form-urlencoded" };

describe("the server's own layers", () => {
  it("gives every request an id, sent back as X-Request-Id", async () => {
    const response = await fetch(`${url}/`);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toBe(`ok ${id}`);
  });

  it("refuses a form over 1 MB with a 413 page in the user's language, before reading it", async () => {
    const response = await send(url, "/login", {
      headers: { ...own, Cookie: "lang=en", Referer: `${BASE}/login?x=1` },
      body: "a".repeat(FORM_BODY_LIMIT + 1),
    });
    expect(response.status).toBe(413);
    expect(response.text).toContain('<html lang="en">');
    expect(response.text).toContain("What you sent is too large");
    expect(response.text).toContain('href="/login?x=1"');
    const atLimit = await send(url, "/login", { headers: own, body: "a".repeat(FORM_BODY_LIMIT) });
    expect(atLimit.status).toBe(200);
  });

  it("answers a declared 100 MB body at once, without waiting for it", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${url}/login`, {
        method: "POST",
        headers: { ...own, "Content-Length": String(100 * 1024 * 1024) },
      });
      request.on("response", (response) => {
        resolve(response.statusCode!);
        request.destroy();
      });
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : reject(error)));
      request.write("a".repeat(1024)); // and never the rest
    });
    expect(status).toBe(413);
  });

  it("answers in Vietnamese by default, and ignores a malformed lang cookie", async () => {
    const response = await send(url, "/login", {
      headers: { ...own, Cookie: "lang=%E0%A4%A" },
      body: "a".repeat(FORM_BODY_LIMIT + 1),
    });
    expect(response.status).toBe(413);
    expect(response.text).toContain("Dữ liệu gửi lên quá lớn");
  });

  it("refuses a state-changing request from another origin, or addressed to another host", async () => {
    const post = (headers: Record<string, string>) =>
      send(url, "/forgot-password", { headers, body: "email=a%40b.vn" });
    expect((await post({ ...own, Origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ ...own, Host: "evil.example", Origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ ...own, Host: "evil.example" })).status).toBe(403);
    expect((await post({ ...own, "X-Forwarded-Host": "evil.example" })).status).toBe(403);
    expect((await post({ Host: "ketnoiso.test" })).status).toBe(403); // no Origin at all
    expect((await post(own)).status).toBe(200);
  });

  it("answers a last-resort error with a 500 page and no stack", async () => {
    const response = await send(url, "/boom", { headers: own });
    expect(response.status).toBe(500);
    expect(response.text).toContain("Đã có lỗi xảy ra");
    expect(response.text).not.toContain("boom");
  });

  it("limits state-changing requests per address with a 429 page, and never limits reads", async () => {
    const app = express();
    app.use(requestContext());
    app.use(postRateLimit(3, [BASE]));
    app.all("*", (_req, res) => res.send("ok"));
    const limited = await serve(app);
    const post = () => send(limited, "/login?lang=en", { headers: own });
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("60");
    expect(refused.text).toContain("Too many forms were sent from your network address");
    expect((await send(limited, "/", { method: "GET" })).status).toBe(200);
  });
});

describe("TRUST_PROXY", () => {
  it("trusts no proxy when unset, a hop count, or a list of addresses", () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting("")).toBe(false);
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("loopback, 10.0.0.0/8")).toEqual(["loopback", "10.0.0.0/8"]);
  });

  it("names a value Express would not take", () => {
    expect(trustProxyProblem("loopback")).toBeNull();
    expect(trustProxyProblem("not-an-address")).toMatch(/^TRUST_PROXY: /);
    expect(trustProxyProblem("true")).toMatch(/^TRUST_PROXY: /);
  });
});
