import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The fixtures call the app's models in the test workers: their log lines are not the server's.
process.env.LOG_LEVEL ??= "silent";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE = "e2e/.data/e2e.db";

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser if installed. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

const launchOptions = {
  executablePath: chromiumPath(),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Measured on this 2-core machine with other work keeping the load at ~14: the slowest test took
  // 20.5 s, the whole run 4.6 min (55 tests). 45 s is twice the slowest under that load; a test
  // that needs more is doing too much and should start from fixtures.
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } },
    {
      name: "no-js",
      grep: /@nojs/,
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false, launchOptions },
    },
  ],
  webServer: {
    // The compiled server, as in production; its bundle is rebuilt here so that a `remix build`
    // alone (as helpers run it) is enough before the journeys.
    command: `rm -rf e2e/.data && node scripts/build-server.mjs && node --enable-source-maps build/server.js`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    // Migrating and seeding an empty database took 8 s at a load of ~14.
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_PATH: E2E_DATABASE,
      NODE_ENV: "test",
      BASE_URL: `http://localhost:${PORT}`,
      LOG_LEVEL: "silent",
      // Two workers posting forms as fast as a browser can are not people: the general limit is
      // raised here, and e2e/operations.spec.ts checks it on a server of its own.
      RATE_LIMIT_POSTS_PER_MINUTE: "5000",
    },
  },
});
