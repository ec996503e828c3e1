import { join } from "node:path";
import { type AppDeps, createAppWithJourney } from "../../src/app.js";
import { seedDemoIfEmpty } from "../../src/db/seed-demo.js";
import { openDatabase } from "../../src/node.js";
import { removeNow, tempDir } from "./temp-dirs.js";

// In-process app over a real SQLite FILE in a fresh temp dir (never :memory:, never a
// mocked db): same migrations, pragmas and WAL behaviour as production, without the
// cost of spawning a process. Use app.request() through the helpers below. The journey
// tests (test/support/journey.ts) build on it with a clock they move and restarts.

export const ADMIN_TOKEN = "test-admin";
export const FIXED_NOW = "2026-11-23T09:00:00Z";
export const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export interface TestAppOptions {
  /** ISO instant or epoch ms (the app clock is frozen there), or a clock the test moves. */
  now?: string | number | (() => number);
  /** Open the database already in this directory again (a restart); its owner removes it. */
  dir?: string;
  seedDemo?: boolean;
  /** Merged over the defaults (db, sqlite, now, adminToken, log capture). */
  deps?: Partial<AppDeps>;
}

export function createTestApp(options: TestAppOptions = {}) {
  const dir = options.dir ?? tempDir("pitlane-app-");
  const dbPath = join(dir, "scheduler.db");
  const { sqlite, db } = openDatabase(dbPath);
  const at = options.now ?? FIXED_NOW;
  const now = typeof at === "function" ? at : () => (typeof at === "number" ? at : Date.parse(at));
  const nowMs = now();
  const logs: Array<Record<string, unknown>> = [];
  const deps: AppDeps = {
    db,
    sqlite,
    now: typeof at === "function" ? at : () => nowMs,
    adminToken: ADMIN_TOKEN,
    log: (line) => logs.push(line as Record<string, unknown>),
    // In-process requests have no client address (all share one bucket): rate limits are
    // off unless a test turns them on (test/trust/rate-limit.test.ts).
    rateLimits: false,
    ...options.deps,
  };
  if (options.seedDemo) seedDemoIfEmpty(db, sqlite, nowMs);
  const { app, journey, runtimes } = createAppWithJourney(deps);

  const request = (path: string, init?: RequestInit) => app.request(path, init);
  /** JSON request; `body` is stringified unless it already is a string. */
  const json = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });

  return {
    app,
    journey,
    runtimes,
    deps,
    sqlite,
    db,
    dir,
    dbPath,
    logs,
    request,
    json,
    close() {
      if (sqlite.open) sqlite.close();
      if (!options.dir) removeNow(dir);
    },
  };
}

export type TestApp = ReturnType<typeof createTestApp>;
