import type { SqliteHandle } from "../db/sqlite-handle.js";
import { immediate } from "../db/tx.js";
import { sha256Hex } from "../lib/digest.js";

// drizzle's migrator semantics, for a runtime without a filesystem: the same journal, the
// same SQL files, the same bookkeeping table (__drizzle_migrations: hash = sha256 of the
// file, created_at = the journal's `when`; a migration runs when it is newer than the
// last recorded one), so a Durable Object's schema is exactly what Node's migrate()
// builds (test/worker/migrate.test.ts compares the two).
//
// Differences that the runtime forces: everything runs in ONE immediate() (the DO's
// transactionSync: BEGIN/COMMIT statements are refused), and blank statements are
// skipped (0001 is an empty file; the DO's exec refuses SQL without a statement).

export interface Journal {
  entries: ReadonlyArray<{ idx: number; tag: string; when: number }>;
}

/** Migration SQL by journal tag, e.g. { "0000_init": "CREATE TABLE ..." }. */
export type MigrationFiles = Readonly<Record<string, string>>;

const BREAKPOINT = "--> statement-breakpoint";

export function migrate(sqlite: SqliteHandle, journal: Journal, files: MigrationFiles): number {
  // Checked before anything runs: a missing file must not leave a half-migrated schema.
  const pending = journal.entries.map((e) => {
    const sql = files[e.tag];
    if (sql === undefined)
      throw new Error(`migration ${e.tag} is in the journal but not bundled (src/worker/migrations.ts)`);
    return { ...e, sql };
  });
  return immediate(sqlite, () => {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    const last = sqlite
      .prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1')
      .get() as { created_at: number } | undefined;
    let applied = 0;
    for (const m of pending) {
      if (last && Number(last.created_at) >= m.when) continue;
      for (const stmt of m.sql.split(BREAKPOINT)) if (stmt.trim() !== "") sqlite.exec(stmt);
      sqlite
        .prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)')
        .run(sha256Hex(m.sql), m.when);
      applied++;
    }
    return applied;
  });
}
