import type { SqliteHandle } from "./sqlite-handle.js";
import { collectingFollowUps, type FollowUp, runFollowUps } from "./follow-ups.js";
import { immediate } from "./tx.js";

// Group commit: the writes that reach this process in one turn of the event loop share
// ONE `BEGIN IMMEDIATE … COMMIT`, i.e. one fsync of the WAL, instead of one each.
//
// How writes come to overlap although better-sqlite3 is synchronous: the commit's fsync
// blocks the loop, and meanwhile the kernel queues the next requests. The turn after the
// commit parses all of them (their handlers run one after another in the same poll
// phase); each handler hands its write to run() and waits. The queue flushes in the
// check phase (setImmediate), after that poll phase: so the writes that arrived while the
// previous commit was in flight are exactly the ones committed together. At low load a
// group is one write and costs what a plain immediate() costs, plus one loop turn.
//
// Each write runs in its own SAVEPOINT (the verb's own immediate() nests as one): a
// refused booking rolls back alone and answers its own 409, and the next write of the
// group re-checks against everything before it. The verbs update the in-memory index
// right after their savepoint is released, before the group commits, so the next write
// in the group sees it; nobody is answered before the COMMIT returned, so an answered
// write is durable. Should the COMMIT itself fail (disk full, I/O error), every write of
// the group is answered with that error and `onAbort` drops the in-memory state, which
// the next request rebuilds from storage. A write's follow-up rows (follow-ups.ts
// afterGroupWrites: a booking's timers and notice) go in after the group's last write, in
// the same transaction; should one fail, so does the group, as for a failed COMMIT.
//
// Trap: a write must not await anything (it runs inside the open transaction; the
// callback of run() is synchronous for that reason, as immediate()'s is).

export interface WriteQueue {
  /** Runs fn in the next group's transaction (its own savepoint); settles after the COMMIT. */
  run<T>(fn: () => T): Promise<T>;
}

interface Pending {
  fn: () => unknown;
  ok: (v: unknown) => void;
  fail: (e: unknown) => void;
}

export interface GroupCommitOptions {
  /** Called when a group's COMMIT failed after its writes touched the in-memory state. */
  onAbort?: () => void;
  /** When the group flushes; default setImmediate (after the loop's I/O callbacks). */
  schedule?: (flush: () => void) => void;
  /** Called after each group with its size (benches, logs). */
  onGroup?: (size: number) => void;
}

export class GroupCommit implements WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
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
    if (group.length === 0) return;
    const results: Array<{ ok: true; v: unknown } | { ok: false; e: unknown }> = [];
    const later: FollowUp[] = [];
    try {
      immediate(this.sqlite, () => {
        collectingFollowUps(this.sqlite, later, () => {
          for (const w of group) {
            try {
              // Nested immediate(): a SAVEPOINT, rolled back alone (its follow-ups with it) when fn throws.
              results.push({ ok: true, v: immediate(this.sqlite, w.fn) });
            } catch (e) {
              results.push({ ok: false, e });
            }
          }
        });
        try {
          runFollowUps(later);
        } catch (e) {
          throw new FollowUpsFailed(e);
        }
      });
    } catch (e) {
      // The COMMIT (or BEGIN, or a follow-up) failed: nothing of the group is stored.
      if (results.length > 0) this.options.onAbort?.();
      for (const w of group) w.fail(e);
      return;
    }
    this.options.onGroup?.(group.length);
    for (let i = 0; i < group.length; i++) {
      const r = results[i];
      if (r.ok) group[i].ok(r.v);
      else group[i].fail(r.e);
    }
  }
}

/**
 * A follow-up row failed (a bug, or the disk): the whole group is rolled back, since a
 * write's own rows are already past their savepoint. Every write of the group gets this
 * error, never the follow-up's own: a refusal meant for one booking must not reach the
 * others as theirs.
 */
export class FollowUpsFailed extends Error {
  constructor(cause: unknown) {
    super("a write's follow-up rows failed; the group was rolled back", { cause });
  }
}

/** Runs a write through the queue when there is one, else right away (one transaction of its own). */
export function write<T>(queue: WriteQueue | undefined, fn: () => T): T | Promise<T> {
  return queue ? queue.run(fn) : fn();
}
