import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { removeCompanions, stamp, verifyDatabaseFile, type FileReport } from "./db-file.js";

// `npm run backup [-- <dest.db>]`: a consistent copy of DATABASE_PATH (default
// ./data/scheduler.db) while the server keeps running, into ./backups/<timestamp>.db by
// default. SQLite's online backup API copies page by page under a read transaction, so
// the copy is one committed state even if bookings land meanwhile (never cp the file:
// a copy taken mid-write, or without its -wal, can be torn or stale).
// The copy is switched to rollback-journal mode (one self-contained file) and checked
// with PRAGMA integrity_check before the script reports success.

export interface BackupResult extends FileReport {
  source: string;
  backup: string;
  bytes: number;
}

export async function backupDatabase(source: string, dest: string): Promise<BackupResult> {
  mkdirSync(dirname(dest), { recursive: true });
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  const copy = new Database(dest);
  try {
    // The source is in WAL mode and so is the copy's header; a backup should need no -wal.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  removeCompanions(dest);
  const report = verifyDatabaseFile(dest);
  return { source, backup: dest, bytes: statSync(dest).size, ...report };
}

async function main(): Promise<void> {
  const source = resolve(process.env.DATABASE_PATH || "./data/scheduler.db");
  const dest = resolve(process.argv[2] ?? `./backups/scheduler-${stamp()}.db`);
  try {
    console.log(JSON.stringify(await backupDatabase(source, dest)));
  } catch (err) {
    console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
