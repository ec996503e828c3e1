import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { LogFn } from "../api/deps.js";
import { isAdopt, type RawHandle } from "./handoff.js";
import { listenUrl } from "./listen-url.js";

// WORKERS > 1: one primary and N server processes on one port and one SQLite file.
//
// Why: a Node process answers HTTP on one core, and the HTTP work (parsing, routing,
// validation, JSON, the socket writes) is most of an availability search's cost; the
// search itself is ~10 % of it. N processes use N cores for the same dealer.
//
// How it stays correct (db/change-feed.ts, scheduler/runtime.ts sync()):
//  - every write still re-checks inside BEGIN IMMEDIATE, which SQLite serialises across
//    processes; right after BEGIN the process replays the others' commits into its
//    in-memory indexes, so the re-check sees every committed booking;
//  - searches replay them too, before answering (a cheap probe when nothing changed).
//
// A worker whose primary is killed exits by itself (Node's cluster worker leaves when its
// IPC channel closes), and the listening socket dies with the primary: after a SIGKILL the
// port and the file are free for a restart, as with a single process.
//
// The primary serves nothing: it migrates and seeds once, forks the workers, restarts one
// that dies, and on SIGTERM/SIGINT lets each drain (the same shutdown as a single
// process) before exiting. The primary's socket hands each new connection to a worker
// in turn (Node's round-robin scheduling); a keep-alive connection stays with its worker.
//
// Per-process state a deployment should know about: the public rate limits count per
// worker (a client spread over N connections gets up to N times the limit); the journey's
// timers run in worker 0 only (claims are leased, so extra ticks would be safe anyway).

export const WORKER_INDEX_ENV = "PITLANE_WORKER_INDEX";

export function workerCount(setting: "auto" | number): number {
  return setting === "auto" ? availableParallelism() : setting;
}

/** This process's worker index when it is a cluster worker, else undefined. */
export function workerIndex(): number | undefined {
  return cluster.isWorker ? Number(process.env[WORKER_INDEX_ENV]) : undefined;
}

export interface PrimaryOptions {
  count: number;
  /** Environment for the workers on top of ours (the resolved admin token, no re-seeding). */
  env: Record<string, string>;
  log: LogFn;
  /** After the last worker exited on shutdown, before the primary exits (the writer's socket directory goes). */
  onStopped?: () => void;
}

const RESTART_DELAY_MS = 1000;

export function runPrimary({ count, env, log, onStopped }: PrimaryOptions): void {
  let stopping = false;
  let listening = 0;
  const alive = new Set<Worker>();
  const codes: number[] = [];
  /** Workers whose HTTP port is up, by index: worker 0 is the writer (node/writer.ts). */
  const serving = new Map<number, Worker>();

  // A connection a worker hands over after a write (node/handoff.ts) goes to the writer, or
  // to the other workers in turn; back to its sender while none is serving. The primary
  // never reads it: it holds the raw handle only until it has sent it on.
  let turn = 0;
  const others = () => [...serving].filter(([i]) => i !== 0).map(([, w]) => w);
  const relay = (from: Worker) => (message: unknown, handle: unknown) => {
    if (!isAdopt(message) || !handle) return;
    const raw = handle as RawHandle;
    // Shutting down: every worker is draining; the client's idle connection just closes.
    if (stopping) return raw.close();
    const workers = others();
    const to = (message.to === "writer" ? serving.get(0) : workers[turn++ % Math.max(1, workers.length)]) ?? from;
    try {
      to.send(message, handle as never, undefined, () => raw.close());
    } catch {
      raw.close();
    }
  };

  const fork = (index: number) => {
    const w = cluster.fork({ ...env, [WORKER_INDEX_ENV]: String(index) });
    alive.add(w);
    const onListening = (address: { address: string | null; port: number; addressType: number | string }) => {
      // Worker 0 also listens on the writer's Unix socket (node/writer.ts); whichever came
      // first, only the HTTP port counts (addressType -1 is a Unix socket).
      if (address.addressType === -1 || !(address.port > 0)) return;
      w.off("listening", onListening);
      serving.set(index, w);
      // The tests and operators read the port from this line: once, when all are up.
      if (++listening !== count) return;
      log({
        level: "info",
        msg: "listening",
        url: listenUrl(address.address ?? undefined, address.port),
        workers: count,
      });
    };
    w.on("listening", onListening);
    w.on("message", relay(w));
    w.once("exit", (code, signal) => {
      alive.delete(w);
      if (serving.get(index) === w) serving.delete(index);
      if (stopping) {
        codes.push(code ?? 1);
        if (alive.size === 0) {
          const failed = codes.some((c) => c !== 0);
          log({
            level: failed ? "error" : "info",
            msg: "stopped",
            workers: count,
            ...(failed ? { exitCodes: codes } : {}),
          });
          onStopped?.();
          process.exit(failed ? 1 : 0);
        }
        return;
      }
      log({ level: "error", msg: "worker died; restarting it", worker: index, code, signal });
      setTimeout(() => !stopping && fork(index), RESTART_DELAY_MS).unref();
    });
  };

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log({ level: "info", msg: "shutting down", signal });
    if (alive.size === 0) {
      onStopped?.();
      process.exit(0);
    }
    for (const w of alive) w.process.kill("SIGTERM");
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  for (let i = 0; i < count; i++) fork(i);
}

/**
 * In a worker: exit when the primary is gone, also when Node's own way does not fire.
 * Node's cluster worker exits on its IPC channel's 'disconnect'; but while a handle this
 * worker sent (a connection handed over, node/handoff.ts) waits for the primary's
 * acknowledgement, Node postpones 'disconnect' until that acknowledgement, which a
 * SIGKILLed primary never sends, and the worker lived on as an orphan holding the
 * database. A worker whose parent changed (adopted by init) has lost its primary.
 */
export function exitWithPrimary(log: LogFn, everyMs = 250): void {
  const primary = process.ppid;
  setInterval(() => {
    if (process.ppid === primary) return;
    log({ level: "error", msg: "the primary is gone; this worker leaves", worker: workerIndex() });
    process.exit(1);
  }, everyMs).unref();
}
