import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { withDefaults } from "../prepared.js";
import type { Db, SqliteHandle } from "../sqlite-handle.js";

// Raw statements with the schema (schema.ts) as the one source of column names and
// types. A table's SELECT list aliases every column to its schema key, so SQLite hands
// back rows already shaped like `$inferSelect`; the only values that need converting are
// the boolean columns (stored 0/1), both ways: better-sqlite3 and Durable Object SQL bind
// numbers, not booleans. Parameters are positional (`?`): DO SQL binds no @names.

type Row = Record<string, unknown>;

/**
 * The connection under a drizzle handle (drizzle() sets $client; worker/drizzle.ts does
 * too). Transitional: the repos that callers reach with `db` run raw statements on its
 * connection; they take the SqliteHandle itself once the request context (issue 18,
 * item 1) hands every verb one storage handle.
 */
export function sqliteOf(db: Db): SqliteHandle {
  return (db as unknown as { $client: SqliteHandle }).$client;
}

export interface TableRows<Select, Insert> {
  readonly name: string;
  /** `"id" AS "id", "dealer_id" AS "dealerId", …` for `SELECT ${t.columns} FROM ${t.name}`. */
  readonly columns: string;
  /** INSERT of every column (values from `values`). */
  readonly insert: string;
  /** Stored row → schema row (booleans back from 0/1), in place. */
  decode(row: unknown): Select | undefined;
  decodeAll(rows: unknown[]): Select[];
  /** Every column's value in column order, as a full insert stores it (schema defaults for missing keys). */
  values(row: Insert): unknown[];
  /** `"a" = ?, "b" = ?` for these keys, and their values in that order. */
  set(patch: Partial<Insert>): { sql: string; keys: string[]; params: unknown[] };
}

export function tableRows<T extends SQLiteTable>(table: T): TableRows<T["$inferSelect"], T["$inferInsert"]> {
  const cols = Object.entries(getTableColumns(table)).map(([key, c]) => ({
    key,
    name: c.name,
    bool: c.columnType === "SQLiteBoolean",
  }));
  const sqlName = new Map(cols.map((c) => [c.key, c.name]));
  const column = (k: string) => {
    const n = sqlName.get(k);
    if (n === undefined) throw new Error(`${getTableName(table)} has no column ${k}`); // a code bug, never input
    return n;
  };
  const bools = cols.filter((c) => c.bool).map((c) => c.key);
  const isBool = new Set(bools);
  const encode = (k: string, v: unknown) => (isBool.has(k) && typeof v === "boolean" ? (v ? 1 : 0) : v);
  const decode = (row: unknown) => {
    if (row === undefined) return undefined;
    const r = row as Row;
    for (const k of bools) if (r[k] !== null) r[k] = Number(r[k]) === 1; // as drizzle reads them
    return r as T["$inferSelect"];
  };
  const name = getTableName(table);
  return {
    name,
    columns: cols.map((c) => `"${c.name}" AS "${c.key}"`).join(", "),
    insert: `INSERT INTO "${name}" (${cols.map((c) => `"${c.name}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
    decode,
    decodeAll: (rows) => rows.map((r) => decode(r)!),
    values(row) {
      const full = withDefaults(table, row as object);
      return cols.map((c) => encode(c.key, full[c.key]));
    },
    set(patch) {
      const keys = Object.keys(patch)
        .filter((k) => (patch as Row)[k] !== undefined)
        .sort();
      return {
        sql: keys.map((k) => `"${column(k)}" = ?`).join(", "),
        keys,
        params: keys.map((k) => encode(k, (patch as Row)[k])),
      };
    },
  };
}
