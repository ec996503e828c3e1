import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { socketDirPath } from "../../src/node/socket-dir.js";
import { ADMIN_TOKEN, FIXED_NOW } from "./app.js";
import { removeNow, removeWhenDone, tempDir } from "./temp-dirs.js";

// Spawns the REAL server (`node --import tsx src/node.ts`: the code `npm start` runs from
// its dist/ build) on a free port over a temp-file database, and waits until /health
// answers. With runtime "worker" it spawns `npm run dev:worker` instead (scripts/dev-worker.ts: the
// Worker and its Durable Objects on local workerd), over a temp state directory.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type ServerRuntime = "node" | "worker";

export interface SpawnOptions {
  /** Default "node". */
  runtime?: ServerRuntime;
  /** Extra/overriding environment variables (e.g. SEED_DEMO: "0"). */
  env?: Record<string, string>;
  /**
   * Reuse a database file (e.g. to restart on the same data); default: a fresh temp file.
   * For the worker runtime, a state DIRECTORY (WORKER_STATE_DIR).
   */
  dbPath?: string;
  readyTimeoutMs?: number;
}

export interface SpawnedServer {
  runtime: ServerRuntime;
  baseUrl: string;
  dbPath: string;
  child: ChildProcess;
  /** Every stdout line so far (the server logs one JSON object per line). */
  stdoutLines(): string[];
  stderr(): string;
  /** Resolves with the exit code (null if killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The whole process tree: for the worker, tsx, wrangler and workerd alike. */
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, wait for exit, remove the temp dir (if we created it). Returns the exit code. */
  stop(): Promise<number | null>;
}

export async function spawnServer(options: SpawnOptions = {}): Promise<SpawnedServer> {
  const runtime = options.runtime ?? "node";
  const worker = runtime === "worker";
  const ownDir = options.dbPath ? undefined : tempDir("pitlane-srv-");
  // The Worker's temp files (miniflare makes a directory under os.tmpdir() per start and,
  // killed, never removes it: ~100 empty ones in /tmp after a CI run) go to a directory of
  // ours instead, removed with the server.
  const scratch = worker ? tempDir("pitlane-wtmp-") : undefined;
  const dbPath = options.dbPath ?? (worker ? ownDir! : join(ownDir!, "scheduler.db"));
  // A cluster's writer sockets (node/socket-dir.ts): a SIGKILLed server leaves them.
  if (!worker) removeWhenDone(socketDirPath(dbPath));
  const child = spawn(process.execPath, ["--import", "tsx", worker ? "scripts/dev-worker.ts" : "src/node.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(scratch ? { TMPDIR: scratch } : {}),
      PORT: "0",
      HOST: "127.0.0.1",
      [worker ? "WORKER_STATE_DIR" : "DATABASE_PATH"]: dbPath,
      SCHEDULER_ADMIN_TOKEN: ADMIN_TOKEN,
      SCHEDULER_NOW: FIXED_NOW,
      // The Worker as built for deploy, without wrangler's file watcher: an edit elsewhere
      // in the tree must not restart it under a test (scripts/dev-worker.ts).
      ...(worker ? { WORKER_WATCH: "0" } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // The worker is a tree (tsx → wrangler → workerd): its own process group, so that one
    // signal reaches workerd too and a SIGKILL crashes the Durable Objects for real.
    detached: worker,
  });
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (worker) process.kill(-child.pid!, sig);
      else child.kill(sig);
    } catch {} // already gone
  };

  const lines: string[] = [];
  let partial = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );

  const cleanup = () => {
    if (ownDir) removeNow(ownDir);
    if (scratch) removeNow(scratch);
  };
  const fail = (why: string): never => {
    signal("SIGKILL");
    cleanup();
    throw new Error(`${why}\nstdout:\n${lines.join("\n")}\nstderr:\n${err}`);
  };

  // The port is only known once the server logs its "listening" line.
  // wrangler bundles the Worker with esbuild before workerd starts: slower on 2 cores.
  const deadline = Date.now() + (options.readyTimeoutMs ?? (worker ? 60_000 : 45_000));
  let baseUrl: string | undefined;
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  while (!baseUrl) {
    if (exitedEarly) fail("server exited during startup");
    if (Date.now() > deadline) fail("server did not log a listening line in time");
    for (const l of lines) {
      try {
        const o = JSON.parse(l);
        if (o.msg === "listening") baseUrl = o.url;
      } catch {}
    }
    if (!baseUrl) await sleep(50);
  }
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {}
    if (exitedEarly) fail("server exited before /health answered");
    if (Date.now() > deadline) fail("/health did not answer in time");
    await sleep(50);
  }

  return {
    runtime,
    baseUrl,
    dbPath,
    child,
    exited,
    stdoutLines: () => [...lines, ...(partial ? [partial] : [])],
    stderr: () => err,
    kill: (sig = "SIGTERM") => signal(sig),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) signal("SIGTERM");
      const { code } = await exited;
      if (worker) signal("SIGKILL"); // whatever of the tree outlived its parent
      cleanup();
      return code;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
