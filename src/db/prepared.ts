import { getTableColumns, sql, type Placeholder } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { SqliteHandle, SqliteStatement } from "./sqlite-handle.js";

// Statements prepared once per connection. Building a drizzle query costs 40-220 µs
// (a select of all appointment columns: ~220 µs) and SQLite's prepare another 5-10 µs;
// running the prepared statement costs 1-7 µs. So every statement on the write paths is
// built once per connection (drizzle `.prepare()` with placeholders, which keeps the
// schema's column mapping: camelCase keys, booleans) and cached here, keyed by the
// connection object (a WeakMap: a closed connection's statements go with it).
//
// Measured (bench/prepared.bench.ts-style loop, 20k runs, one process): find by id
// drizzle-built 219 µs, drizzle-prepared 1.2-1.5 µs, raw better-sqlite3 0.7 µs; audit
// insert 42-60 µs, 5-7 µs, 3-4.5 µs. drizzle-prepared is within ~2 µs of raw and keeps
// one source of truth for column names and types, so that is what the repos use.

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

export const ph = (name: string): Placeholder => sql.placeholder(name);

/**
 * { key: placeholder(key) } for these keys: the values of a prepared insert or update.
 * Typed loosely on purpose (drizzle wants the table's exact insert shape); the values
 * passed at run time are the typed rows.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export function placeholders(keys: readonly string[]): any {
  return Object.fromEntries(keys.map((k) => [k, ph(k)]));
}

/** Every column's key: one prepared INSERT serves every row shape (see withDefaults). */
export function columnKeys(table: SQLiteTable): string[] {
  return Object.keys(getTableColumns(table));
}

/**
 * The row with every column present, as an INSERT naming only the row's keys would
 * store it: a missing column takes its schema default (literal or $defaultFn), else NULL.
 */
export function withDefaults(table: SQLiteTable, row: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    if (out[key] !== undefined) continue;
    const c = col as { default?: unknown; defaultFn?: () => unknown; hasDefault: boolean };
    out[key] = c.defaultFn ? c.defaultFn() : c.hasDefault && c.default !== undefined ? c.default : null;
  }
  return out;
}

/** A stable key for a patch's shape: the same set of columns shares one prepared UPDATE. */
export function shapeOf(patch: object): string {
  return Object.keys(patch)
    .filter((k) => (patch as Record<string, unknown>)[k] !== undefined)
    .sort()
    .join(",");
}
