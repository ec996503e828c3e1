import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import { BetterSQLiteSession } from "drizzle-orm/better-sqlite3/session";
import { BaseSQLiteDatabase, SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import * as schema from "../db/schema.js";
import type { Db, SqliteHandle } from "../db/sqlite-handle.js";

// drizzle over ANY synchronous SqliteHandle, assembled as drizzle-orm/better-sqlite3's
// driver does it, minus that module's top-level `import Client from "better-sqlite3"`
// (a native addon that must never be bundled into the Worker).
//
// Why not drizzle-orm/durable-sqlite: its run() returns nothing, and the repos read
// `.changes` from run() for their compare-and-set writes (If-Match, status transitions).
// With the better-sqlite3 session every query goes through our handle's prepare(), whose
// run() reports SQLite's changes() (durable-sqlite.ts).

export function drizzleOver(sqlite: SqliteHandle): Db {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  // The session's client type is better-sqlite3's Database; it only ever calls prepare()
  // and transaction(), which SqliteHandle provides with the same meaning.
  const session = new BetterSQLiteSession(sqlite as never, dialect, relational);
  const db = new BaseSQLiteDatabase("sync", dialect, session, relational);
  // As drizzle() does: the repos run their raw statements on it (db/repos/rows.ts sqliteOf).
  return Object.assign(db, { $client: sqlite }) as unknown as Db;
}
