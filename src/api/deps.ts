import type { RemoteVerbs } from "./verb-call.js";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { DealerConfig } from "../core/dealer-config.js";
import type { ChangeFeed } from "../db/change-feed.js";
import type { WriteQueue } from "../db/group-commit.js";
import type { Db, SqliteHandle } from "../db/sqlite-handle.js";
import type { LogFn } from "../lib/log.js";
import { derivedDevSecret, type ServerSecrets } from "../lib/sealing.js";
import type { Ctx } from "../scheduler/context.js";
import type { Journey } from "../scheduler/journey/service.js";
import type { MessagingDeps } from "../scheduler/journey/transports.js";
import type { Runtimes } from "../scheduler/runtime.js";
import type { PublicLimiters, RateLimits } from "./rate-limit.js";

// Everything the HTTP layer needs from the outside world, passed in by the runtime entry
// (src/node.ts, tests, a future Workers entry). Nothing here may pull in node: modules.

export type { LogFn };

export interface AppDeps {
  /** drizzle over the same connection as `sqlite`. */
  db: Db;
  /** Raw synchronous handle, for immediate() transactions and hot prepared statements. */
  sqlite: SqliteHandle;
  /** Epoch ms. Frozen when SCHEDULER_NOW is set, so never use it to measure durations. */
  now: () => number;
  /** Bootstrap admin bearer token (SCHEDULER_ADMIN_TOKEN). */
  adminToken: string;
  /**
   * PITLANE_SECRET (and PITLANE_SECRET_PREVIOUS while rotating): the key material that
   * seals what must be recovered (lib/sealing.ts). Absent (in-process tests): derived
   * from adminToken, as the Node entry does in development.
   */
  serverSecrets?: ServerSecrets;
  /** One JSON object per call; defaults to a JSON line on stdout. Pass () => {} to silence. */
  log?: LogFn;
  /**
   * Called after a dealer's configuration was committed (created or replaced), so the
   * scheduler can rebuild its in-memory state. Runs synchronously before the response;
   * if it throws, the client gets a 500 but the new config is already stored.
   */
  onDealerChanged?: (dealerId: string, config: DealerConfig) => void;
  /**
   * The caller's network address, for per-address rate limits on public routes. The
   * runtime entry knows how to read it (src/node.ts: the socket's remote address);
   * default "unknown", i.e. every caller shares one bucket.
   */
  clientAddress?: (c: Context) => string;
  /** Public-route rate limits; `false` turns them off (load tests). Default DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits | false;
  /**
   * Monotonic milliseconds for the rate limiter; default performance.now(). Never
   * deps.now: SCHEDULER_NOW freezes that clock, and a frozen bucket never refills.
   */
  monotonicNow?: () => number;
  /**
   * Active future bookings (requested/confirmed, reception ahead) one customer email or
   * phone may hold per dealer through the public booking route; 0 = no cap. Staff
   * bookings are not capped. Default DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT.
   */
  maxActiveBookingsPerContact?: number;
  /**
   * Set when other processes write the same database (src/node.ts, WORKERS > 1): the
   * in-memory indexes replay their commits (db/change-feed.ts). Absent: this process is
   * the only writer.
   */
  changeFeed?: ChangeFeed;
  /**
   * Set in a worker that is not the writer (src/node.ts, WORKERS > 1): bookings run in the
   * writer as verb calls (api/remote-verbs.ts). Absent: this process writes itself.
   */
  remoteVerbs?: RemoteVerbs;
  /**
   * The browser bundles (scripts/build-web.mjs): bundle name (a folder of src/web/) →
   * JavaScript source, served by routes/web/asset.ts. Node reads them from dist/web/
   * (src/node/web-assets.ts); absent, those routes answer 404.
   */
  webAssets?: Record<string, string>;
  /**
   * Group commit (db/group-commit.ts): the booking, move and lifecycle writes that arrive
   * in one event-loop turn share one transaction (one fsync), each in its own savepoint.
   * Node sets it; a Durable Object must not (its input gate would open while a write
   * waits). createApp turns it into `writes`.
   */
  groupCommit?: boolean | { onGroup?: (size: number) => void };
  /** Set by createApp from groupCommit: the queue the write routes hand their verb to. */
  writes?: WriteQueue;
  /**
   * Email (SMTP, built by src/node.ts with nodemailer: Node only), the SMS provider and
   * the manage-link base for customer messages. Absent: webhooks only.
   */
  messaging?: MessagingDeps;
}

const derived = new Map<string, ServerSecrets>();
/** deps.serverSecrets, or the development secret derived from the admin token (cached: HKDF per request is waste). */
export function serverSecretsOf(deps: Pick<AppDeps, "serverSecrets" | "adminToken">): ServerSecrets {
  if (deps.serverSecrets) return deps.serverSecrets;
  let s = derived.get(deps.adminToken);
  if (!s) {
    s = { current: derivedDevSecret(deps.adminToken), previous: [] };
    derived.set(deps.adminToken, s);
  }
  return s;
}

export const DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT = 3;

/** The per-contact cap a write's Ctx carries (a request's, or a verb call's in the writer). */
export function contactCapOf(deps: Pick<AppDeps, "maxActiveBookingsPerContact">): number {
  return deps.maxActiveBookingsPerContact ?? DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT;
}

/**
 * API-key roles. advisor/admin are the dealer's STAFF; client is a server-side
 * integration (owner-app backend, DMS bridge) that books like the public route but may
 * assert verified facts, and never reaches the staff routes (scheduler/trust.ts).
 */
export const ROLES = ["advisor", "admin", "client"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who the caller is, once authenticated (see api/auth.ts): the bootstrap token from the
 * environment (every dealer, everything), or a dealer's API key with a role.
 */
export type Principal =
  | { kind: "root" }
  | { kind: "key"; dealerId: string; role: Role; keyId: string; channel?: string };

/**
 * The app's services, built once by createApp from the runtime's AppDeps: what the edge
 * builds each request's Ctx from, and what the auth and rate-limit middlewares read
 * (`c.get("services")`), so no registrar needs more than the app.
 */
export interface Services extends AppDeps {
  log: LogFn;
  /** The dealers' in-memory scheduling state. */
  runtimes: Runtimes;
  /** Timers and outbox delivery over the same state. */
  journey: Journey;
  /** Public-route rate limits (routes/public.ts) and the hosted pages' own buckets; null when off. */
  limiters: { api: PublicLimiters; pages: PublicLimiters } | null;
}

export interface AppEnv {
  Variables: {
    services: Services;
    /** This request's services for the verbs, built once by the edge (api/request-context.ts); the journey for tickNow. */
    ctx: Ctx & { journey: Journey };
    requestId: string;
    /** How this request's write ran when another process is the writer (api/remote-verbs.ts), for the access log. */
    writtenBy?: "writer" | "here";
    principal?: Principal;
    /** Headers for this request's response (api/response-headers.ts), lower-case names. */
    responseHeaders?: Record<string, string>;
    /** The response jsonResponse() built with those headers already in it. */
    headersApplied?: Response;
  };
}

export type ApiApp = OpenAPIHono<AppEnv>;

export const defaultLog: LogFn = (line) => console.log(JSON.stringify(line));
