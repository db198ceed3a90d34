import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["db/test/global-setup.ts"],
    setupFiles: ["db/test/setup.ts"],
    environment: "node",
    // Test files share one module graph per worker instead of re-importing drizzle, React and the
    // app for each of ~40 files: the whole run takes seconds instead of ~25 s idle (~50 s on a busy
    // machine), and `vitest run -t "name"` (which still has to collect every file) likewise.
    // What isolation gave us is kept by db/test/setup.ts: each file still gets its own copy of the
    // migrated database and its own process.env. A test that needs vi.mock of an app module must
    // undo it (vi.doUnmock + vi.resetModules) in its afterAll.
    isolate: false,
    // Measured: the slowest test takes ~1.5 s idle (argon2 hashing, the award race's worker
    // threads); 15 s leaves room for a machine under heavy load without hiding a hang.
    testTimeout: 15_000,
    env: { LOG_LEVEL: "silent", NODE_ENV: "test", BASE_URL: "http://localhost:3000" },
  },
});
