import type { AppDeps } from "../api/deps.js";
import type { Db, SqliteHandle } from "../db/sqlite-handle.js";
import { previousSecrets } from "../lib/sealing.js";
import { clockOf, type WorkerEnv } from "./env.js";

// AppDeps on Workers, for both the edge app (no storage) and a dealer's Durable Object.

export function workerAppDeps(env: WorkerEnv, db: Db, sqlite: SqliteHandle): AppDeps {
  return {
    db,
    sqlite,
    now: clockOf(env).now,
    adminToken: env.SCHEDULER_ADMIN_TOKEN,
    serverSecrets: { current: env.PITLANE_SECRET, previous: previousSecrets(env.PITLANE_SECRET_PREVIOUS) },
    // Set by Cloudflare's edge from the TCP peer (a client's own header is overwritten)
    // and kept when the Worker forwards the request to the Durable Object. Rate limits
    // therefore count per address PER DEALER here (one limiter per object), where Node's
    // one process counts per address across dealers.
    clientAddress: (c) => c.req.header("cf-connecting-ip") ?? "unknown",
    rateLimits: env.RATE_LIMITS === "off" ? false : undefined,
    maxActiveBookingsPerContact: env.MAX_ACTIVE_BOOKINGS_PER_CONTACT,
  };
}
