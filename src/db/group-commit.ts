import type { SqliteHandle } from "./sqlite-handle.js";
import { immediate } from "./tx.js";

// Group commit: the writes that reach this process in one turn of the event loop share
// ONE `BEGIN IMMEDIATE … COMMIT`, i.e. one fsync of the WAL, instead of one each.
//
// How writes come to overlap although better-sqlite3 is synchronous: a group's work (and,
// without `durable` below, its commit's fsync) holds the loop, and meanwhile the kernel
// queues the next requests. The turn after parses all of them (their handlers run one
// after another in the same poll phase); each handler hands its write to run() and waits.
// The queue flushes in the check phase (setImmediate), after that poll phase: so the
// writes that arrived while the previous group held the loop are exactly the ones
// committed together. At low load a group is one write and costs what a plain
// immediate() costs, plus one loop turn.
//
// Each write runs in its own SAVEPOINT (the verb's own immediate() nests as one): a
// refused booking rolls back alone and answers its own 409, and the next write of the
// group re-checks against everything before it. The verbs update the in-memory index
// right after their savepoint is released, before the group commits, so the next write
// in the group sees it; nobody is answered before the COMMIT returned, so an answered
// write is durable. Should the COMMIT itself fail (disk full, I/O error), every write of
// the group is answered with that error and `onAbort` drops the in-memory state, which
// the next request rebuilds from storage.
//
// Trap: a write must not await anything (it runs inside the open transaction; the
// callback of run() is synchronous for that reason, as immediate()'s is).
//
// With `durable` (Node: node/wal-sync.ts) the COMMIT does not wait for the disk inside the
// loop: the group commits without SQLite's fsync, its writes are answered once
// `durable.sync` reports the log on disk, and meanwhile the loop runs the next group. Syncs
// run one at a time and each covers every group committed before it started, so answers
// still come in commit order. A failed sync fails its writes and calls `onSyncFailure`:
// after fsync(2) failed, the kernel may have dropped the pages and a later sync could
// wrongly succeed, so the process must stop acknowledging (node.ts exits; PostgreSQL does
// the same since 2018's "fsyncgate").

export interface WriteQueue {
  /** Runs fn in the next group's transaction (its own savepoint); settles once the COMMIT is durable. */
  run<T>(fn: () => T): Promise<T>;
}

interface Pending {
  fn: () => unknown;
  ok: (v: unknown) => void;
  fail: (e: unknown) => void;
}

/** How a runtime makes a group durable off the event loop (node/wal-sync.ts). */
export interface Durability {
  /** Runs the group's transaction so that its COMMIT does not wait for the disk. */
  commitRelaxed<T>(commit: () => T): T;
  /** Calls back once everything committed before the call is on disk (or with why not). */
  sync(done: (err: Error | null) => void): void;
}

export interface GroupCommitOptions {
  /** Called when a group's COMMIT failed after its writes touched the in-memory state. */
  onAbort?: () => void;
  /** When the group flushes; default setImmediate (after the loop's I/O callbacks). */
  schedule?: (flush: () => void) => void;
  /** Called after each group with its size (benches, logs). */
  onGroup?: (size: number) => void;
  /** Answer after a sync off the loop instead of SQLite's fsync inside the COMMIT. */
  durable?: Durability;
  /** A sync failed: what was committed may not be on disk (its writes failed already). */
  onSyncFailure?: (err: Error) => void;
}

export class GroupCommit implements WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  /** Committed groups' answers waiting for the next sync (durable only). */
  private unsynced: Array<() => void> = [];
  private failOnSync: Array<(e: Error) => void> = [];
  private syncing = false;
  private idle: Array<() => void> = [];
  private readonly schedule: (flush: () => void) => void;

  constructor(
    private readonly sqlite: SqliteHandle,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.schedule = options.schedule ?? ((f) => setImmediate(f));
  }

  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((ok, fail) => {
      this.pending.push({ fn, ok: ok as (v: unknown) => void, fail });
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
  }

  /** Commits everything queued so far as one transaction. */
  flush(): void {
    this.scheduled = false;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return this.settleIdle();
    const results: Array<{ ok: true; v: unknown } | { ok: false; e: unknown }> = [];
    const transaction = () =>
      immediate(this.sqlite, () => {
        for (const w of group) {
          try {
            // Nested immediate(): a SAVEPOINT, rolled back alone when fn throws.
            results.push({ ok: true, v: immediate(this.sqlite, w.fn) });
          } catch (e) {
            results.push({ ok: false, e });
          }
        }
      });
    const durable = this.options.durable;
    try {
      if (durable) durable.commitRelaxed(transaction);
      else transaction();
    } catch (e) {
      // The COMMIT (or BEGIN) failed: nothing of the group is stored.
      if (results.length > 0) this.options.onAbort?.();
      for (const w of group) w.fail(e);
      this.settleIdle();
      return;
    }
    this.options.onGroup?.(group.length);
    const answer = () => {
      for (let i = 0; i < group.length; i++) {
        const r = results[i];
        if (r.ok) group[i].ok(r.v);
        else group[i].fail(r.e);
      }
    };
    if (!durable) {
      answer();
      return this.settleIdle();
    }
    this.unsynced.push(answer);
    this.failOnSync.push((e) => {
      for (const w of group) w.fail(e);
    });
    this.syncNext(durable);
  }

  /** Starts a sync for every group committed so far, unless one is running (it starts the next when done). */
  private syncNext(durable: Durability): void {
    if (this.syncing) return;
    if (this.unsynced.length === 0) return this.settleIdle();
    this.syncing = true;
    const answers = this.unsynced;
    const failures = this.failOnSync;
    this.unsynced = [];
    this.failOnSync = [];
    durable.sync((err) => {
      this.syncing = false;
      if (err) {
        for (const f of failures) f(err);
        this.options.onSyncFailure?.(err);
      } else for (const a of answers) a();
      this.syncNext(durable);
    });
  }

  private settleIdle(): void {
    if (this.syncing || this.unsynced.length > 0 || this.pending.length > 0) return;
    const waiting = this.idle;
    this.idle = [];
    for (const w of waiting) w();
  }

  /** Resolves once nothing is queued, committing or waiting for a sync (shutdown, before closing the file). */
  drained(): Promise<void> {
    return new Promise((ok) => {
      this.idle.push(ok);
      this.settleIdle();
    });
  }
}

/** Runs a write through the queue when there is one, else right away (one transaction of its own). */
export function write<T>(queue: WriteQueue | undefined, fn: () => T): T | Promise<T> {
  return queue ? queue.run(fn) : fn();
}
