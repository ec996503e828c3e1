import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_TOKEN, FIXED_NOW } from "./app.js";

// Spawns the REAL server (`node --import tsx src/node.ts`) on a free port over a temp-file
// database, exactly as `npm start` runs it, and waits until /health answers.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface SpawnOptions {
  /** Extra/overriding environment variables (e.g. SEED_DEMO: "0"). */
  env?: Record<string, string>;
  /** Reuse a database file (e.g. to restart on the same data); default: a fresh temp file. */
  dbPath?: string;
  readyTimeoutMs?: number;
}

export interface SpawnedServer {
  baseUrl: string;
  dbPath: string;
  child: ChildProcess;
  /** Every stdout line so far (the server logs one JSON object per line). */
  stdoutLines(): string[];
  stderr(): string;
  /** Resolves with the exit code (null if killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, wait for exit, remove the temp dir (if we created it). Returns the exit code. */
  stop(): Promise<number | null>;
}

export async function spawnServer(options: SpawnOptions = {}): Promise<SpawnedServer> {
  const ownDir = options.dbPath ? undefined : mkdtempSync(join(tmpdir(), "pitlane-srv-"));
  const dbPath = options.dbPath ?? join(ownDir!, "scheduler.db");
  const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: dbPath,
      SCHEDULER_ADMIN_TOKEN: ADMIN_TOKEN,
      SCHEDULER_NOW: FIXED_NOW,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

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

  const cleanup = () => ownDir && rmSync(ownDir, { recursive: true, force: true });
  const fail = (why: string): never => {
    child.kill("SIGKILL");
    cleanup();
    throw new Error(`${why}\nstdout:\n${lines.join("\n")}\nstderr:\n${err}`);
  };

  // The port is only known once the server logs its "listening" line.
  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
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
    baseUrl,
    dbPath,
    child,
    exited,
    stdoutLines: () => [...lines, ...(partial ? [partial] : [])],
    stderr: () => err,
    kill: (signal = "SIGTERM") => void child.kill(signal),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const { code } = await exited;
      cleanup();
      return code;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
