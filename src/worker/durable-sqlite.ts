import type { SqliteHandle, SqliteRunResult, SqliteStatement } from "../db/sqlite-handle.js";

// The better-sqlite3-shaped SqliteHandle (src/db/sqlite-handle.ts) over a Durable
// Object's SQLite storage, so repos, immediate() and drizzle run unchanged in the DO.
//
// - immediate() → ctx.storage.transactionSync: synchronous like better-sqlite3's, commits
//   when fn returns, rolls back when it throws; a nested call is a savepoint. The SQL
//   statements BEGIN/SAVEPOINT are refused by the runtime, so nothing else may start one.
// - run().changes comes from SQLite's changes(), NOT cursor.rowsWritten: rowsWritten also
//   counts index entries (an UPDATE of one row in a table with two indexes reports 4),
//   and the compare-and-set writes (If-Match, leases) test `changes === 1`.
// - The schema is created on the FIRST WRITE, not on wake-up. A request for a dealer that
//   does not exist wakes a Durable Object of that name; until something is written, its
//   reads find no rows (exactly what an empty database answers) and nothing is stored, so
//   a flood of made-up dealer ids leaves no storage behind.

/** Runs the migrations (src/worker/migrations.ts) over this handle. */
export type Provision = (sqlite: SqliteHandle) => void;

const MIGRATIONS_TABLE = "__drizzle_migrations";
/** Statements that only read: answered with no rows while there is no schema. */
const READ_ONLY = /^\s*select\b/i;

type Params = unknown[];
type Cursor = ReturnType<SqlStorage["exec"]>;

export class DurableSqlite implements SqliteHandle {
  private depth = 0;
  private provisioned: boolean;
  /** Statements run that may have written (anything but a SELECT): the alarm is re-planned only when this moves. */
  writes = 0;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly provision: Provision,
  ) {
    this.provisioned = this.schemaPresent();
    // A woken object with a schema applies migrations deployed since it last ran.
    if (this.provisioned) this.provision(this);
  }

  /** Whether this object has ever stored anything (its schema exists). */
  get hasSchema(): boolean {
    return this.provisioned;
  }

  readonly open = true;

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  prepare(source: string): SqliteStatement & { raw(): RawStatement } {
    return new DurableStatement(this, source, false);
  }

  transaction<T>(fn: () => T): { immediate(): T; deferred(): T } {
    const run = () => this.inTx(fn);
    // drizzle's session calls .deferred(); the app calls .immediate(). A Durable Object has
    // one connection and no concurrent writers, so the two are the same thing here.
    return { immediate: run, deferred: run };
  }

  exec(source: string): void {
    this.cursor(source, []);
  }

  /** The Durable Object owns the storage's lifetime: nothing to close. */
  close(): void {}

  /** @internal Executes one statement; null = a read while there is no schema (no rows). */
  cursor(source: string, params: Params): Cursor | null {
    if (!this.provisioned) {
      if (READ_ONLY.test(source)) return null;
      this.createSchema();
    }
    if (!READ_ONLY.test(source)) this.writes++;
    return this.storage.sql.exec(source, ...params.map(bind));
  }

  private inTx<T>(fn: () => T): T {
    this.depth++;
    try {
      return this.storage.transactionSync(() => {
        const result = fn();
        // better-sqlite3 refuses this too: an await inside would let other requests run
        // between the check and the write, and the commit would not cover the async part.
        if (result && typeof (result as { then?: unknown }).then === "function") {
          throw new TypeError("transaction function returned a promise; transactions must be synchronous");
        }
        return result;
      });
    } catch (err) {
      // A rolled-back outermost transaction may have taken the schema it created with it.
      if (this.depth === 1) this.provisioned = this.schemaPresent();
      throw err;
    } finally {
      this.depth--;
    }
  }

  private createSchema(): void {
    this.provisioned = true; // before migrating: the migrations write through this handle
    try {
      this.provision(this);
    } catch (err) {
      this.provisioned = this.schemaPresent();
      throw err;
    }
  }

  private schemaPresent(): boolean {
    return (
      this.storage.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", MIGRATIONS_TABLE).toArray()
        .length > 0
    );
  }
}

export interface RawStatement {
  get(...params: Params): unknown[] | undefined;
  all(...params: Params): unknown[][];
}

class DurableStatement implements SqliteStatement {
  constructor(
    private readonly db: DurableSqlite,
    private readonly source: string,
    private readonly rawRows: boolean,
  ) {}

  run(...params: Params): SqliteRunResult {
    const cursor = this.db.cursor(this.source, params);
    if (!cursor) return { changes: 0, lastInsertRowid: 0 };
    for (const _ of cursor); // run to completion (RETURNING rows, multi-row effects)
    const r = this.db.cursor("SELECT changes() AS c, last_insert_rowid() AS r", [])!.one() as { c: number; r: number };
    return { changes: r.c, lastInsertRowid: r.r };
  }

  get(...params: Params): any {
    const cursor = this.db.cursor(this.source, params);
    if (!cursor) return undefined;
    const first = this.rawRows ? cursor.raw().next() : cursor.next();
    return first.done ? undefined : first.value;
  }

  all(...params: Params): any[] {
    const cursor = this.db.cursor(this.source, params);
    if (!cursor) return [];
    return this.rawRows ? [...cursor.raw()] : cursor.toArray();
  }

  /** Rows as arrays in column order (drizzle's session reads selected fields this way). */
  raw(): RawStatement {
    return new DurableStatement(this.db, this.source, true) as unknown as RawStatement;
  }
}

/** SQLite values the runtime accepts; better-sqlite3 also takes bigint, the DO API does not. */
function bind(v: unknown): unknown {
  if (typeof v === "bigint") {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
      throw new RangeError("integer parameter out of the safe range");
    return Number(v);
  }
  return v;
}
