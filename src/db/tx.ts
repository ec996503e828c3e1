import { followUpsOf } from "./follow-ups.js";
import type { SqliteHandle } from "./sqlite-handle.js";

/**
 * Runs fn inside BEGIN IMMEDIATE ... COMMIT (ROLLBACK if it throws) and returns its result.
 *
 * Why IMMEDIATE: it takes SQLite's write lock up front, so "check capacity, then insert"
 * cannot interleave with another writer's check (a DEFERRED transaction would only
 * upgrade at the first write, and two of them could both pass the check).
 *
 * Why synchronous only: nothing may await between the check and the write, or another
 * request on this same connection could run inside our transaction. Do all async work
 * (parsing, hashing, remote calls) before calling immediate(); better-sqlite3 throws if
 * fn returns a promise. Called inside another immediate(), it nests as a SAVEPOINT.
 */
export function immediate<T>(sqlite: SqliteHandle, fn: () => T): T {
  // The hook runs at the outermost BEGIN only: a savepoint inside it holds the same write
  // lock, so no other process can have committed since (it ran three times a booking, issue 17).
  const begun = sqlite.inTransaction ? undefined : onBegin.get(sqlite);
  const body = begun ? () => caughtUp(sqlite, begun, fn) : fn;
  let runner = runners.get(sqlite);
  if (!runner) {
    runner = { wrapped: sqlite.transaction(() => runner!.body!()), body: null };
    runners.set(sqlite, runner);
  }
  // The one wrapper per handle runs whatever body is current; nesting saves and restores
  // it. Why not sqlite.transaction(fn) per call: better-sqlite3 builds four wrapper
  // functions and defines their properties on every call, ~10 µs each, three times a
  // booking (issue 17). Its wrapper is re-entrant (BEGIN or SAVEPOINT by inTransaction).
  const outer = runner.body;
  runner.body = body;
  const asked = followUpsOf(sqlite);
  const mark = asked?.length ?? 0;
  try {
    return runner.wrapped.immediate() as T;
  } catch (e) {
    // Its savepoint is undone, and so are the follow-ups asked for inside it.
    if (asked) asked.length = mark;
    throw e;
  } finally {
    runner.body = outer;
  }
}

interface Runner {
  wrapped: { immediate(): unknown };
  body: (() => unknown) | null;
}
const runners = new WeakMap<SqliteHandle, Runner>();

const onBegin = new WeakMap<SqliteHandle, () => void>();

/** Handles inside an outermost immediate() whose hook has run: nothing new can arrive until it ends. */
const locked = new WeakSet<SqliteHandle>();

function caughtUp<T>(sqlite: SqliteHandle, hook: () => void, fn: () => T): T {
  hook();
  locked.add(sqlite);
  try {
    return fn();
  } finally {
    locked.delete(sqlite);
  }
}

/**
 * True inside a write transaction whose beforeEveryWrite hook already ran: this handle
 * holds the write lock, so no other connection can have committed since the hook caught
 * up, and asking again (the change feed's probe, once per booking in a group) is waste.
 */
export function caughtUpUnderLock(sqlite: SqliteHandle): boolean {
  return locked.has(sqlite);
}

/**
 * Runs `hook` first thing inside every outermost immediate() on this handle, with the
 * write lock held: Runtimes.sync() catches the in-memory indexes up with the other processes'
 * commits (db/change-feed.ts) before the write re-checks anything against them.
 */
export function beforeEveryWrite(sqlite: SqliteHandle, hook: () => void): void {
  onBegin.set(sqlite, hook);
}
