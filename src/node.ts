import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { Temporal } from "@js-temporal/polyfill";
import Database from "better-sqlite3";
import { z } from "./lib/zod.js";
import { FrozenNow, opt } from "./api/settings.js";
import { createAppWithJourney } from "./app.js";
import { loadWebAssets } from "./node/web-assets.js";
import { smtpTransport } from "./node/mailer.js";
import type { MessagingDeps } from "./scheduler/journey/transports.js";
import { DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT, defaultLog, type LogFn } from "./api/deps.js";
import { derivedDevSecret, previousSecrets, type ServerSecrets } from "./lib/sealing.js";
import { useDigests } from "./lib/digest.js";
import { nodeDigests } from "./node/digests.js";
import { walCommitWatch } from "./node/wal-watch.js";
import { ChangeFeed } from "./db/change-feed.js";
import { purgeExpired } from "./db/repos/idempotency.js";
import { prepareDatabase } from "./db/open.js";
import { seedDemoIfEmpty } from "./db/seed-demo.js";
import { BACKSTOP_PAGES, startCheckpointer } from "./node/checkpointer.js";
import { exitWithPrimary, runPrimary, workerCount, workerIndex } from "./node/cluster.js";
import { listenUrl } from "./node/listen-url.js";
import { stdoutLog } from "./node/stdout-log.js";
import {
  clientAddressOf,
  forwardingFetch,
  isBookingPath,
  listenForWrites,
  remoteVerbsAt,
  servingBookings,
  verbSocketPath,
  writerSocketPath,
} from "./node/writer.js";
import { releaseSocketDir, socketDirPath } from "./node/socket-dir.js";
import { listenForVerbs } from "./node/verb-socket.js";
import { adoptConnection, handOffWhenIdle, isAdopt, type RawHandle, sendToPrimary } from "./node/handoff.js";
import type { HttpBindings } from "@hono/node-server";

// Node entry point, and the ONLY module that imports better-sqlite3. `npm start` runs it;
// tests import startServer()/openDatabase() instead (main() runs only when executed).

// Empty strings count as unset ("PORT=" in a compose file should mean the default).

export const Env = z.object({
  NODE_ENV: opt(z.string().optional()),
  PORT: opt(z.coerce.number().int().min(0).max(65535).default(8787)),
  HOST: opt(z.string().optional()),
  DATABASE_PATH: opt(z.string().default("./data/scheduler.db")),
  SCHEDULER_ADMIN_TOKEN: opt(z.string().min(8, "use at least 8 characters").optional()),
  /** Seals recoverable secrets (lib/sealing.ts); required in production. */
  PITLANE_SECRET: opt(z.string().min(32, "use at least 32 characters (e.g. openssl rand -base64 32)").optional()),
  /** Older PITLANE_SECRETs still accepted for opening while rotating, comma-separated. */
  PITLANE_SECRET_PREVIOUS: opt(z.string().optional()),
  SCHEDULER_NOW: FrozenNow,
  SEED_DEMO: opt(z.enum(["0", "1", "false", "true"]).default("1")),
  /** "off" disables the public routes' rate limits (load tests, benches). */
  RATE_LIMITS: opt(z.enum(["on", "off"]).default("on")),
  /** How often due timers run and the outbox is delivered (ms); 0 = never (use POST /v1/admin/tick). */
  JOURNEY_INTERVAL_MS: opt(z.coerce.number().int().min(0).max(3_600_000).default(5000)),
  /** Active future public bookings per customer email/phone per dealer; 0 = no cap. */
  MAX_ACTIVE_BOOKINGS_PER_CONTACT: opt(
    z.coerce.number().int().min(0).max(1000).default(DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT),
  ),
  /** Server processes on one port over one database file; "auto" = one per CPU (node/cluster.ts). */
  WORKERS: opt(z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default("auto")),
  /** "off": every write commits alone (one fsync each) instead of in groups (db/group-commit.ts); for A/B benches. */
  GROUP_COMMIT: opt(z.enum(["on", "off"]).default("on")),
  /** WAL checkpoints in a background thread every CHECKPOINT_MS (node/checkpointer.ts); 0 = SQLite's own, in the COMMIT. */
  CHECKPOINT_MS: opt(z.coerce.number().int().min(0).max(60_000).default(200)),
  /** WORKERS > 1: "writer" = worker 0 commits every write, the others forward them (node/writer.ts); "any" = each worker writes. */
  WRITE_ROUTING: opt(z.enum(["writer", "any"]).default("writer")),
  /** Customer email over SMTP: smtp://host:port or smtps://user:pass@host:465 (unset: no email). */
  SMTP_URL: opt(
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "expected smtp://host:port or smtps://user:pass@host:465")
      .optional(),
  ),
  /** Sender address unless a dealer sets messaging.email.from. */
  MAIL_FROM: opt(z.string().email().default("pitlane@localhost")),
  /** Base URL of this server as customers reach it (manage links in messages). */
  PUBLIC_URL: opt(
    z
      .string()
      .regex(/^https?:\/\/\S+$/, "expected an http(s) URL")
      .optional(),
  ),
  /** Twilio-compatible SMS provider (all three needed for SMS). */
  TWILIO_ACCOUNT_SID: opt(z.string().optional()),
  TWILIO_AUTH_TOKEN: opt(z.string().optional()),
  TWILIO_FROM: opt(z.string().optional()),
  TWILIO_BASE_URL: opt(
    z
      .string()
      .regex(/^https?:\/\/\S+$/, "expected an http(s) URL")
      .default("https://api.twilio.com"),
  ),
});
export type Env = z.infer<typeof Env>;

export function openDatabase(path: string) {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  const db = prepareDatabase(sqlite);
  return { sqlite, db };
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  log?: LogFn;
  /**
   * This process is worker #n of a cluster (node/cluster.ts): other processes write the
   * same file, so the indexes follow the change feed; the primary already migrated and
   * seeded; only worker 0 runs the journey's timers and the hourly purge.
   */
  worker?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, waits for in-flight requests (max drainMs), closes the database. */
  close(drainMs?: number): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  // The booking path's SHA-256 through OpenSSL: the same bytes as @noble/hashes.
  useDigests(nodeDigests);
  const log = options.log ?? defaultLog;
  const parsed = Env.safeParse(options.env ?? process.env);
  if (!parsed.success) {
    throw new Error(
      "Invalid environment: " + parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  const env = parsed.data;
  const adminToken = adminTokenOf(env, log);
  const serverSecrets = serverSecretsOf(env, adminToken, log);
  const now = clockOf(env);
  const worker = options.worker;
  const lead = worker === undefined || worker === 0;

  const { sqlite, db } = worker === undefined ? prepareStorage(env, log) : openDatabase(env.DATABASE_PATH);
  // Each read asks the WAL-index header first, SQL only when something was committed (node/wal-watch.ts).
  const changeFeed =
    worker === undefined
      ? undefined
      : new ChangeFeed(sqlite, env.DATABASE_PATH === ":memory:" ? undefined : walCommitWatch(env.DATABASE_PATH));
  const purge = () => {
    purgeExpired(sqlite, now());
    changeFeed?.prune();
  };
  if (lead) purge();
  // The process that commits the writes checkpoints off its event loop (issue 17).
  const checkpointer =
    lead && env.CHECKPOINT_MS > 0 && env.DATABASE_PATH !== ":memory:"
      ? startCheckpointer({
          path: env.DATABASE_PATH,
          driver: createRequire(import.meta.url).resolve("better-sqlite3"),
          intervalMs: env.CHECKPOINT_MS,
          onError: (error) => log({ level: "warn", msg: "checkpoint failed", error: error.slice(0, 200) }),
        })
      : undefined;
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const purgeTimer = lead ? setInterval(purge, 60 * 60 * 1000).unref() : undefined;

  // WORKERS > 1: one writer per file (node/writer.ts); worker 0 takes the writes. The
  // others send it bookings as verb calls (api/remote-verbs.ts) and other writes as HTTP.
  const writerPath =
    worker !== undefined && env.WRITE_ROUTING === "writer" ? writerSocketPath(env.DATABASE_PATH) : undefined;
  const verbs = writerPath && worker !== 0 ? remoteVerbsAt(verbSocketPath(writerPath)) : undefined;
  const { app, journey, serveCall } = createAppWithJourney({
    db,
    sqlite,
    now,
    adminToken,
    serverSecrets,
    log,
    // The TCP peer. Behind a reverse proxy every client shares the proxy's address, so the
    // per-address limits then act as one global limit: configure the proxy to limit, or
    // extend this to trust its X-Forwarded-For.
    // On worker 0's Unix socket (node/writer.ts) the forwarding worker names the client.
    clientAddress: (c) => clientAddressOf((c.env as HttpBindings).incoming),
    rateLimits: env.RATE_LIMITS === "off" ? false : undefined,
    maxActiveBookingsPerContact: env.MAX_ACTIVE_BOOKINGS_PER_CONTACT,
    changeFeed,
    webAssets: await loadWebAssets(),
    groupCommit: env.GROUP_COMMIT === "on",
    messaging: messagingOf(env),
    remoteVerbs: verbs,
  });
  // The journey's timers and outbox: caught up at once (a restart fires what fell due
  // while down), then every JOURNEY_INTERVAL_MS. With SCHEDULER_NOW the clock stands
  // still, so only POST /v1/admin/tick { now } moves the timers forward.
  const journeyTick = () =>
    void journey
      .tickIfIdle(now())
      ?.catch((err) => log({ level: "error", msg: "journey tick failed", error: String(err).slice(0, 200) }));
  // Leased claims make ticks from several workers safe; one ticker is enough.
  const journeyTimer =
    lead && env.JOURNEY_INTERVAL_MS > 0 ? setInterval(journeyTick, env.JOURNEY_INTERVAL_MS).unref() : undefined;
  if (journeyTimer) journeyTick();
  const writerServer = writerPath && worker === 0 ? await listenForWrites(writerPath, app.fetch) : undefined;
  let stoppingVerbs = false;
  const verbServer =
    writerPath && worker === 0
      ? // Once stopping, the database is about to close under any call that still arrives.
        await listenForVerbs(verbSocketPath(writerPath), (f) => serveCall(f, stoppingVerbs))
      : undefined;
  // A connection moves to where its writes cost least (node/handoff.ts).
  let http: import("node:http").Server | undefined;
  const handOff = (to: "writer" | "worker") => (e: HttpBindings) =>
    e.outgoing.once("finish", () => http && handOffWhenIdle(e.incoming, e.outgoing, http, sendToPrimary(to)));
  const fetch = !writerPath
    ? app.fetch
    : worker === 0
      ? servingBookings(app.fetch, handOff("worker"))
      : forwardingFetch(writerPath, app.fetch, handOff("writer"), isBookingPath);
  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: fetch as typeof app.fetch, port: env.PORT, hostname: env.HOST }, () => ok(s));
    s.once("error", fail);
  }).catch(async (err) => {
    // e.g. EADDRINUSE: release the database before reporting.
    clearInterval(purgeTimer);
    clearInterval(journeyTimer);
    writerServer?.close();
    verbServer?.close();
    await checkpointer?.stop();
    sqlite.close();
    changeFeed?.close(); // after the connection: closing the -shm descriptor drops its locks
    throw err;
  });
  http = server as import("node:http").Server;
  const adopt = (message: unknown, handle: unknown) =>
    isAdopt(message) && handle && adoptConnection(http!, handle as RawHandle);
  if (writerPath) process.on("message", adopt);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = listenUrl(env.HOST, port);
  log({
    level: "info",
    msg: worker === undefined ? "listening" : "worker listening",
    ...(worker === undefined ? {} : { worker }),
    url,
    database: env.DATABASE_PATH,
    frozenNow: env.SCHEDULER_NOW ?? null,
    rateLimits: env.RATE_LIMITS,
    maxActiveBookingsPerContact: env.MAX_ACTIVE_BOOKINGS_PER_CONTACT,
  });

  let closing: Promise<void> | undefined;
  const close = (drainMs = 10_000) =>
    (closing ??= new Promise<void>((done) => {
      clearInterval(purgeTimer);
      clearInterval(journeyTimer);
      // close() stops accepting; the callback fires once every connection has ended.
      // Keep-alive sockets that go idle AFTER close() would otherwise linger until the
      // keep-alive timeout, so sweep them; the force timer caps a stuck request.
      writerServer?.close();
      writerServer?.closeIdleConnections?.();
      verbServer?.close();
      const sweep = setInterval(() => http.closeIdleConnections?.(), 100);
      const force = setTimeout(() => http.closeAllConnections?.(), drainMs).unref();
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(force);
        // Only after the last request (and the last journey tick): closing earlier would
        // fail them mid-transaction. The other workers drain too, and their bookings come
        // here as verb calls: served until they have gone (or drainMs), then refused.
        // The checkpointer's connection goes first, so the writer's close is the last one
        // out: it checkpoints what is left and removes the -wal file.
        void (verbServer?.drained(drainMs) ?? Promise.resolve())
          .then(() => {
            stoppingVerbs = true;
            return journey.idle();
          })
          .then(() => checkpointer?.stop())
          .finally(() => {
            sqlite.close();
            changeFeed?.close(); // after the connection: closing the -shm descriptor drops its locks
            done();
          });
      });
    }));
  return { url, port, close };
}

/** Email, SMS and the manage-link base from the environment (each part only when configured). */
export function messagingOf(env: Env): MessagingDeps {
  const sms =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
      ? {
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          from: env.TWILIO_FROM,
          baseUrl: env.TWILIO_BASE_URL,
        }
      : undefined;
  return {
    mail: env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : undefined,
    sms,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  };
}

/** The admin token from the environment, or (outside production) a generated one, logged once. */
export function adminTokenOf(env: Env, log: LogFn): string {
  if (env.SCHEDULER_ADMIN_TOKEN) return env.SCHEDULER_ADMIN_TOKEN;
  if (env.NODE_ENV === "production") throw new Error("SCHEDULER_ADMIN_TOKEN is required when NODE_ENV=production");
  const adminToken = randomBytes(24).toString("base64url");
  log({
    level: "warn",
    msg: "generated a development admin token; set SCHEDULER_ADMIN_TOKEN to choose one",
    adminToken,
  });
  return adminToken;
}

/** PITLANE_SECRET (+ previous ones), or (outside production) one derived from the admin token, loudly. */
export function serverSecretsOf(env: Env, adminToken: string, log: LogFn): ServerSecrets {
  const previous = previousSecrets(env.PITLANE_SECRET_PREVIOUS);
  if (env.PITLANE_SECRET) return { current: env.PITLANE_SECRET, previous };
  if (env.NODE_ENV === "production") throw new Error("PITLANE_SECRET is required when NODE_ENV=production");
  log({
    level: "warn",
    msg: "PITLANE_SECRET is not set: using a development secret derived from the admin token; set PITLANE_SECRET (required in production)",
  });
  return { current: derivedDevSecret(adminToken), previous };
}

function clockOf(env: Env): () => number {
  const frozen = env.SCHEDULER_NOW ? Temporal.Instant.from(env.SCHEDULER_NOW).epochMilliseconds : undefined;
  return frozen === undefined ? () => Date.now() : () => frozen;
}

/** Opens (and migrates) the database and seeds the demo dealer when asked to. */
export function prepareStorage(env: Env, log: LogFn) {
  const opened = openDatabase(env.DATABASE_PATH);
  if (env.SEED_DEMO === "1" || env.SEED_DEMO === "true") {
    if (seedDemoIfEmpty(opened.db, opened.sqlite, clockOf(env)()))
      log({ level: "info", msg: "seeded demo dealer", dealerId: "demo" });
  }
  return opened;
}

async function main(): Promise<void> {
  // Batched stdout (one write per event-loop turn, flushed on exit), not console.log per line.
  const worker = workerIndex();
  const { log } = stdoutLog(process.stdout, worker);
  const fatal = (err: unknown): never => {
    log({ level: "fatal", msg: "startup failed", error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  };
  if (worker === undefined) {
    // Several workers: this process only prepares the file and supervises (node/cluster.ts).
    const parsed = Env.safeParse(process.env);
    const workers = parsed.success ? workerCount(parsed.data.WORKERS) : 1;
    if (parsed.success && workers > 1) {
      try {
        const adminToken = adminTokenOf(parsed.data, log);
        const secret = serverSecretsOf(parsed.data, adminToken, log).current;
        prepareStorage(parsed.data, log).sqlite.close();
        return runPrimary({
          count: workers,
          env: { SCHEDULER_ADMIN_TOKEN: adminToken, PITLANE_SECRET: secret, SEED_DEMO: "0" },
          log,
          // Only once every worker is gone: a writer restarted alone, or workers still
          // draining, keep using the directory (node/socket-dir.ts).
          onStopped:
            parsed.data.WRITE_ROUTING === "writer"
              ? () => releaseSocketDir(socketDirPath(parsed.data.DATABASE_PATH))
              : undefined,
        });
      } catch (err) {
        fatal(err);
      }
    }
  }

  if (worker !== undefined) exitWithPrimary(log);
  let running: RunningServer;
  try {
    running = await startServer({ env: process.env, log, worker });
  } catch (err) {
    fatal(err);
  }
  const shutdown = (signal: string) => {
    log({ level: "info", msg: "shutting down", signal, ...(worker === undefined ? {} : { worker }) });
    running.close().then(
      () => {
        log({ level: "info", msg: "stopped", ...(worker === undefined ? {} : { worker }) });
        process.exit(0);
      },
      (err) => {
        log({ level: "error", msg: "shutdown failed", error: String(err) });
        process.exit(1);
      },
    );
  };
  // A worker gets Ctrl-C's SIGINT from the terminal AND the primary's SIGTERM: the second
  // must not kill it mid-drain (a single process keeps the default: a second signal kills).
  const on = worker === undefined ? process.once.bind(process) : process.on.bind(process);
  let stopping = false;
  const once = (signal: string) => () => {
    if (!stopping) shutdown(signal);
    stopping = true;
  };
  on("SIGTERM", once("SIGTERM"));
  on("SIGINT", once("SIGINT"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main();
}
