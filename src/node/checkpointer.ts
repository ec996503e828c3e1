import { Worker } from "node:worker_threads";

// WAL checkpoints off the write path (issue 17).
//
// In WAL mode every commit appends pages to the -wal file; a checkpoint copies them back
// into the database file and fsyncs it. By default SQLite does that inside the COMMIT
// that crosses 1000 pages: on the event loop, in the middle of a group of bookings that
// all wait for it (it was most of the COMMIT's share of a booking's CPU profile).
//
// Here a worker thread with its own connection runs a PASSIVE checkpoint every
// `intervalMs`. PASSIVE never waits for and never blocks the writer: it copies what was
// committed when it started, and the writer keeps appending meanwhile. Once everything
// is copied, the writer's next transaction starts the WAL over from its beginning, so
// the file stays as small as one interval's writes.
//
// Safety: a checkpoint is crash-safe at any moment (the WAL stays authoritative until the
// database file is synced), so this changes no durability promise. The writer's own
// automatic checkpoint stays on with a high threshold (BACKSTOP_PAGES) in case this
// thread dies or falls behind: the WAL can never grow without bound.
//
// Trap: the worker is an eval'd CommonJS script (no file of its own), so it runs the same
// from src/ under tsx and from dist/; it loads better-sqlite3 from the path given.

export const BACKSTOP_PAGES = 20_000; // ≈ 80 MB of WAL at 4 KiB pages

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export interface CheckpointerOptions {
  /** The database file (not ":memory:"). */
  path: string;
  /** require.resolve("better-sqlite3"), resolved by the caller (src/node.ts owns the driver). */
  driver: string;
  intervalMs: number;
  onCheckpoint?: (r: CheckpointResult) => void;
  onError?: (message: string) => void;
}

export interface Checkpointer {
  /** Stops the thread and closes its connection (before the writer's close, so the writer is last out). */
  stop(): Promise<void>;
}

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("synchronous = FULL");
const tick = () => {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    if (r.log > 0) parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e) });
  }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { path: options.path, driver: options.driver, intervalMs: options.intervalMs },
  });
  // The thread must not keep a process alive that has nothing else to do.
  worker.unref();
  worker.on("message", (m: CheckpointResult | { error: string }) => {
    if ("error" in m) options.onError?.(m.error);
    else options.onCheckpoint?.(m);
  });
  worker.on("error", (e) => options.onError?.(String(e)));
  let exited = false;
  worker.once("exit", () => {
    exited = true;
  });
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((done) => {
        if (exited) return done();
        worker.once("exit", () => done());
        worker.postMessage("stop");
        // A thread stuck in a long checkpoint is not waited for past this.
        setTimeout(() => void worker.terminate(), 5_000).unref();
      })),
  };
}
