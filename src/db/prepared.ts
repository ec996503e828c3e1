import { getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { SqliteHandle, SqliteStatement } from "./sqlite-handle.js";

// The one statement cache: every repository statement (src/db/repos) is prepared once
// per connection and kept here, keyed by the connection object (a WeakMap: a closed
// connection's statements go with it). SQLite's prepare costs 5-10 µs, running a
// prepared statement 1-7 µs.
//
// One style: raw SQL (positional `?`, which Durable Object SQL needs too) behind typed
// repository functions, rows shaped by the schema (repos/rows.ts). Measured against
// drizzle's builder with bench/sql-style.bench.ts (README "Persistence"): building a
// drizzle query per call costs 60-400 µs; drizzle `.prepare()`d once per connection is
// 1-3 µs slower per write than the raw statement (a 33-column read is a toss-up); and
// raw SQL also says what the repositories need and drizzle's builder does not (INDEXED
// BY, UNION, RETURNING, json_each).

const perHandle = new WeakMap<object, Map<string, unknown>>();

/** `build()`'s value for this connection under `key`, built on first use. */
export function once<T>(handle: object, key: string, build: () => T): T {
  let m = perHandle.get(handle);
  if (!m) perHandle.set(handle, (m = new Map()));
  let v = m.get(key) as T | undefined;
  if (v === undefined) {
    v = build();
    m.set(key, v);
  }
  return v;
}

/** A raw SQL statement prepared once per connection (the text is the key). */
export function stmt(sqlite: SqliteHandle, source: string): SqliteStatement {
  return once(sqlite, source, () => sqlite.prepare(source));
}

type ColumnDefault = { key: string; fill: () => unknown };
const defaultsOf = new WeakMap<SQLiteTable, ColumnDefault[]>();

/** Each column's default filler, read from the schema once per table (not per insert: issue 17). */
function columnDefaults(table: SQLiteTable): ColumnDefault[] {
  let d = defaultsOf.get(table);
  if (!d) {
    d = Object.entries(getTableColumns(table)).map(([key, col]) => {
      const c = col as { default?: unknown; defaultFn?: () => unknown; hasDefault: boolean };
      const literal = c.hasDefault && c.default !== undefined ? c.default : null;
      // $defaultFn runs per row (a fresh id, a timestamp); a literal is shared.
      return { key, fill: c.defaultFn ?? (() => literal) };
    });
    defaultsOf.set(table, d);
  }
  return d;
}

/**
 * The row with every column present, as an INSERT naming only the row's keys would
 * store it: a missing column takes its schema default (literal or $defaultFn), else NULL.
 */
export function withDefaults(table: SQLiteTable, row: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const { key, fill } of columnDefaults(table)) if (out[key] === undefined) out[key] = fill();
  return out;
}
