import type { OpenAPIHono } from "@hono/zod-openapi";
import type { DealerConfig } from "../core/dealer-config.js";
import type { Db, SqliteHandle } from "../db/sqlite-handle.js";

// Everything the HTTP layer needs from the outside world, passed in by the runtime entry
// (src/node.ts, tests, a future Workers entry). Nothing here may pull in node: modules.

export type LogFn = (line: object) => void;

export interface AppDeps {
  /** drizzle over the same connection as `sqlite`. */
  db: Db;
  /** Raw synchronous handle, for immediate() transactions and hot prepared statements. */
  sqlite: SqliteHandle;
  /** Epoch ms. Frozen when SCHEDULER_NOW is set, so never use it to measure durations. */
  now: () => number;
  /** Bootstrap admin bearer token (SCHEDULER_ADMIN_TOKEN). */
  adminToken: string;
  /** One JSON object per call; defaults to a JSON line on stdout. Pass () => {} to silence. */
  log?: LogFn;
  /**
   * Called after a dealer's configuration was committed (created or replaced), so the
   * scheduler can rebuild its in-memory state. Runs synchronously before the response;
   * if it throws, the client gets a 500 but the new config is already stored.
   */
  onDealerChanged?: (dealerId: string, config: DealerConfig) => void;
  // LEAD: replace with the scheduling services (capacity index, search, booking).
  scheduler?: unknown;
}

/** Who the caller is, once authenticated (see api/auth.ts). */
export type Principal = { kind: "admin" } | { kind: "staff"; dealerId: string };

export interface AppEnv {
  Variables: {
    requestId: string;
    principal?: Principal;
  };
}

export type ApiApp = OpenAPIHono<AppEnv>;

export const defaultLog: LogFn = (line) => console.log(JSON.stringify(line));
