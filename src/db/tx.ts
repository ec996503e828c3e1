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
  const asked = followUps.get(sqlite);
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

/** The follow-ups asked for by the writes of the group being flushed on a handle. */
const followUps = new WeakMap<SqliteHandle, Array<() => void>>();

/**
 * A write's follow-up rows (a booking's timers and supervisor's notice): inside a group
 * commit's writes, after the group's last write, in the same transaction; anywhere else,
 * right away.
 *
 * Why: written inside each write's savepoint, the pages they touch are copied into that
 * savepoint's journal once per write; after the last write no write's savepoint is open,
 * and the group's follow-ups fill the same few pages together (0.96× and 0.88× of the
 * writer's CPU per booking in bench/write-verb.ts). Still in the transaction: a 201 still
 * means they are stored. A savepoint that is rolled back takes back the follow-ups asked
 * for inside it (immediate(), above).
 *
 * Trap: fn runs after the group's later writes, so it must not depend on anything they
 * change, and it sees the objects it closes over as they are then, not as they were.
 */
export function afterGroupWrites(sqlite: SqliteHandle, fn: () => void): void {
  const list = followUps.get(sqlite);
  if (list) list.push(fn);
  else fn();
}

/** Runs fn (a group's writes) with afterGroupWrites collecting into `list` on this handle. */
export function collectingFollowUps<T>(sqlite: SqliteHandle, list: Array<() => void>, fn: () => T): T {
  followUps.set(sqlite, list);
  try {
    return fn();
  } finally {
    followUps.delete(sqlite);
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
