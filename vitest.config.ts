import { defineConfig } from "vitest/config";

// Sized for a 2-core CI box: two forked workers (forks, not threads: better-sqlite3 is a
// native addon and some tests spawn the real server). Generous timeouts because those
// tests start a Node process with tsx, which takes a few seconds on a cold cache.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/property-seed.ts", "test/support/temp-dirs-cleanup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
  },
});
