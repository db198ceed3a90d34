import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { absoluteUrl } from "./email.server";
import { configurationProblems } from "./env.server";
import { allowedOrigins, baseUrl, siteUrl } from "./url.server";

const saved = { ...process.env };
beforeEach(() => {
  process.env.BASE_URL = "https://ketnoiso.example.vn";
});
afterEach(() => {
  for (const key of ["BASE_URL", "NODE_ENV", "PORT"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("links come from BASE_URL, whatever the request's Host", () => {
  it("builds a reset link on BASE_URL for a request that names another host", () => {
    const request = new Request("http://evil.example/forgot-password", {
      method: "POST",
      headers: { Host: "evil.example", Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
    });
    expect(absoluteUrl(request, "/reset-password?token=abc")).toBe(
      "https://ketnoiso.example.vn/reset-password?token=abc",
    );
  });

  it("builds links outside a request the same way", () => {
    expect(siteUrl("/notifications")).toBe("https://ketnoiso.example.vn/notifications");
    expect(baseUrl()).toBe("https://ketnoiso.example.vn");
  });

  it("accepts BASE_URL's origin as the only Origin", () => {
    process.env.BASE_URL = "https://ketnoiso.example.vn/";
    expect(allowedOrigins()).toEqual(["https://ketnoiso.example.vn"]);
  });

  it("falls back to http://localhost:PORT in development only", () => {
    delete process.env.BASE_URL;
    process.env.NODE_ENV = "development";
    process.env.PORT = "3999";
    expect(siteUrl("/login")).toBe("http://localhost:3999/login");
    expect(allowedOrigins()).toContain("http://localhost:3999");
    process.env.NODE_ENV = "production";
    expect(() => siteUrl("/login")).toThrow(/BASE_URL/);
  });
});

describe("configuration problems", () => {
  it("refuses production without BASE_URL, naming it", () => {
    const secret = "s".repeat(32);
    const problems = configurationProblems({ NODE_ENV: "production", CHECKIN_SECRET: secret });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BASE_URL is required in production/);
    expect(configurationProblems({ NODE_ENV: "production", BASE_URL: "https://x.vn", CHECKIN_SECRET: secret })).toEqual(
      [],
    );
    expect(configurationProblems({ NODE_ENV: "production", BASE_URL: "https://x.vn" })[0]).toMatch(
      /^CHECKIN_SECRET is required in production/,
    );
    expect(configurationProblems({ NODE_ENV: "development" })).toEqual([]);
  });

  it("names a malformed variable", () => {
    expect(configurationProblems({ BASE_URL: "ketnoiso.vn" })[0]).toMatch(/^BASE_URL/);
    expect(configurationProblems({ BASE_URL: "https://x.vn/app" })[0]).toMatch(/^BASE_URL: .*without a path/);
    expect(configurationProblems({ RATE_LIMIT_POSTS_PER_MINUTE: "lots" })[0]).toMatch(/^RATE_LIMIT_POSTS_PER_MINUTE/);
  });
});
