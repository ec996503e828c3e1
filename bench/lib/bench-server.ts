// The server a bench measures: what every bench gives it (the Node server's environment,
// the Worker's bindings), so that all of them measure the same configuration, and the wait
// for it to answer.

import { ADMIN_TOKEN, NOW_ISO, sleep } from "../http-setup.js";

export const BENCH_SETTINGS = {
  SCHEDULER_ADMIN_TOKEN: ADMIN_TOKEN,
  // Required with NODE_ENV=production and on the Worker (sealed idempotent replays); any
  // 32+ characters for a bench.
  PITLANE_SECRET: "bench-only-secret-0123456789abcdef",
  SCHEDULER_NOW: NOW_ISO,
  SEED_DEMO: "0",
  // The loads come from one address and reuse customers: measure the engine, not the
  // abuse limits (429s and too_many_bookings would make the figures meaningless).
  RATE_LIMITS: "off",
  MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0",
};

/** The Node server's environment: production, on 127.0.0.1:port, its own database file; `extra` last (WORKERS, GROUP_COMMIT, …). */
export function serverEnv(port: number, databasePath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    ...BENCH_SETTINGS,
    ...extra,
  };
}

/** Polls GET /health every 50 ms until it answers 2xx: false once `gone()` (the process exited) or after `timeoutMs`. */
export async function serverUp(url: string, timeoutMs = 30_000, gone: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) return true;
    } catch {}
    if (gone() || Date.now() > deadline) return false;
    await sleep(50);
  }
}
