import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.js";
import type { Db } from "./sqlite-handle.js";

// Node-only: reads migrations from disk. Takes an already-open handle because only
// src/node.ts constructs better-sqlite3 (one place decides file paths and lifetimes).

/** Resolved from this file, not from cwd, so tests and `npm start` work from anywhere. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../db/migrations", import.meta.url));

export function prepareDatabase(sqlite: BetterSqlite3.Database): Db {
  // WAL: readers never block the single writer. synchronous=FULL: a 201 means the
  // booking survives a power cut (NORMAL may lose the last commits in WAL mode).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  // Per connection, off by default in SQLite: must be set on every open.
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Savepoint and statement journals in memory, not in temp files: a group commit runs
  // every write in its own SAVEPOINT, and SQLite copies each page a savepoint first
  // touches into its sub-journal — on disk by default, spilled past 64 KiB. That was
  // ~190 KiB of write() per booking, three times the WAL itself (issue 17). These
  // journals only ever undo a savepoint inside the open transaction; they play no part
  // in durability (the WAL does), so memory loses nothing a crash could need.
  // Trap: changing temp_store drops every TEMP object of the connection, the change
  // feed's triggers among them (db/change-feed.ts): set it here, before anything else.
  sqlite.pragma("temp_store = MEMORY");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}
