import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema.js";

// Structural types for the storage handles, so runtime-agnostic code (app.ts, routes,
// repos) never imports better-sqlite3. A better-sqlite3 Database satisfies SqliteHandle;
// a Workers/Durable-Object adapter only has to provide the same synchronous surface.

export interface SqliteRunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface SqliteStatement {
  run(...params: unknown[]): SqliteRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqliteHandle {
  prepare(source: string): SqliteStatement;
  // Trap: the transaction wrapper must be synchronous; better-sqlite3 throws if fn
  // returns a promise, and that is the point (see tx.ts).
  transaction<T>(fn: () => T): { immediate(): T };
  exec(source: string): unknown;
  close(): unknown;
  readonly open: boolean;
  readonly inTransaction: boolean;
}

/** The drizzle database over the sync driver; queries run with .get()/.all()/.run(). */
export type Db = BaseSQLiteDatabase<"sync", SqliteRunResult, typeof schema>;
