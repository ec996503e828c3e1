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
  const begun = onBegin.get(sqlite);
  return sqlite.transaction(begun ? () => (begun(), fn()) : fn).immediate();
}

const onBegin = new WeakMap<SqliteHandle, () => void>();

/**
 * Runs `hook` first thing inside every immediate() on this handle, with the write lock
 * held: Runtimes.sync() catches the in-memory indexes up with the other processes'
 * commits (db/change-feed.ts) before the write re-checks anything against them.
 */
export function beforeEveryWrite(sqlite: SqliteHandle, hook: () => void): void {
  onBegin.set(sqlite, hook);
}
