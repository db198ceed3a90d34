import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "server/**/*.test.ts"],
    globalSetup: ["db/test/global-setup.ts"],
    setupFiles: ["db/test/setup.ts"],
    environment: "node",
    // The machine is shared and noisy: a test that passes in a second may take ten under load.
    testTimeout: 30_000,
    env: { LOG_LEVEL: "silent", NODE_ENV: "test", BASE_URL: "http://localhost:3000" },
  },
});
