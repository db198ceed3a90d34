import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    globalSetup: ["db/test/global-setup.ts"],
    setupFiles: ["db/test/setup.ts"],
    environment: "node",
    // Test files share one module graph per worker instead of re-importing drizzle, React and the
    // app for each of ~40 files: the whole run takes seconds instead of ~25 s idle (~50 s on a busy
    // machine), and `vitest run -t "name"` (which still has to collect every file) likewise.
    // What isolation gave us is kept by db/test/setup.ts: each file still gets its own copy of the
    // migrated database and its own process.env. A test that needs vi.mock of an app module must
    // undo it (vi.doUnmock + vi.resetModules) in its afterAll.
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "server/**/*.test.ts"],
    isolate: false,
    // Measured with the machine at a load of ~10 on 2 cores: the slowest ordinary test takes
    // 0.7 s; the award race (worker threads, 3.6 s) and the schema check (drizzle-kit, 1.5 s)
    // set their own 30 s. 15 s is a 20-fold margin that still stops a hang quickly.
    testTimeout: 15_000,
    env: { LOG_LEVEL: "silent", NODE_ENV: "test", BASE_URL: "http://localhost:3000" },
  },
});
