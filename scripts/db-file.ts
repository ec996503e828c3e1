import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

// Shared by scripts/backup.ts and scripts/restore.ts: checks on a SQLite FILE, outside
// any running server.

export const TABLES = ["dealers", "appointments", "audit_log", "idempotency_keys", "api_keys"];

export interface FileReport {
  integrity: string;
  tables: Record<string, number>;
}

/** Opens read-only and runs PRAGMA integrity_check; throws unless it says "ok". */
export function verifyDatabaseFile(path: string): FileReport {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma("integrity_check", { simple: true }));
    if (integrity !== "ok") throw new Error(`${path}: integrity_check says ${integrity}`);
    const tables: Record<string, number> = {};
    const present = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (r) => r.name,
      ),
    );
    for (const t of TABLES)
      if (present.has(t)) tables[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    if (!present.has("dealers") || !present.has("appointments"))
      throw new Error(`${path}: not a Pitlane database (no dealers/appointments tables)`);
    return { integrity, tables };
  } finally {
    db.close();
  }
}

/**
 * Throws when another process has the database open (the server keeps its connection
 * for its whole life, and a live connection holds a shared lock that an EXCLUSIVE
 * locking-mode transaction cannot get; a SIGKILLed server's locks die with it). When
 * free, folds the WAL into the main file so the file alone is the whole database.
 * A damaged file (the reason to restore, sometimes) cannot be checked: returns a warning.
 * A guard against mistakes, not a lock: do not start the server while restoring.
 */
export function checkpointIfUnused(path: string): { warning?: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    db.pragma("wal_checkpoint(TRUNCATE)");
    return {};
  } catch (err) {
    if ((err as { code?: string }).code === "SQLITE_BUSY") {
      throw new Error(`${path} is in use by another process (is the server running?); stop it first`);
    }
    return { warning: `could not open ${path} to checkpoint it (${(err as Error).message}); kept as is` };
  } finally {
    db?.close();
  }
}

const COMPANIONS = ["-wal", "-shm", "-journal"];

/** The -wal/-shm companions; a stale WAL next to a replaced file would be replayed into it. */
export function removeCompanions(path: string): void {
  for (const suffix of COMPANIONS) if (existsSync(path + suffix)) rmSync(path + suffix);
}

/** Renames a database file together with whatever companions it has. */
export function moveWithCompanions(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of COMPANIONS) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
}

export const stamp = (d = new Date()) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
