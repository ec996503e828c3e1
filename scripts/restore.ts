import { existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import {
  checkpointIfUnused,
  moveWithCompanions,
  removeCompanions,
  stamp,
  verifyDatabaseFile,
  type FileReport,
} from "./db-file.js";

// `npm run restore -- <backup.db>`: puts a backup in place of DATABASE_PATH (default
// ./data/scheduler.db). The SERVER MUST BE STOPPED: it keeps dealers' schedules in memory
// and would not see the restored data. The script refuses when the file is in use.
//
// Steps: verify the backup (integrity_check); fold the current database's WAL into it
// and keep it as <path>.pre-restore-<timestamp> (nothing is ever deleted); copy the
// backup next to the target with the online backup API, verify the copy, and rename it
// into place (atomic on one file system). The server migrates the restored file on start.

export interface RestoreResult extends FileReport {
  restored: string;
  from: string;
  previous: string | null;
  warning?: string;
}

export async function restoreDatabase(backup: string, target: string): Promise<RestoreResult> {
  verifyDatabaseFile(backup);
  mkdirSync(dirname(target), { recursive: true });
  let previous: string | null = null;
  let warning: string | undefined;
  if (existsSync(target)) {
    ({ warning } = checkpointIfUnused(target));
    previous = `${target}.pre-restore-${stamp()}`;
    // With its -wal/-shm, if any are left: a WAL left next to the target would be
    // replayed into the restored file.
    moveWithCompanions(target, previous);
  }
  const staging = `${target}.restoring`;
  removeCompanions(staging);
  const src = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await src.backup(staging);
  } finally {
    src.close();
  }
  const report = verifyDatabaseFile(staging);
  removeCompanions(staging);
  renameSync(staging, target);
  return { restored: target, from: backup, previous, ...(warning ? { warning } : {}), ...report };
}

async function main(): Promise<void> {
  const backup = process.argv[2];
  if (!backup) {
    console.error("usage: npm run restore -- <backup.db>   (target: DATABASE_PATH, default ./data/scheduler.db)");
    process.exit(2);
  }
  const target = resolve(process.env.DATABASE_PATH || "./data/scheduler.db");
  try {
    console.log(JSON.stringify(await restoreDatabase(resolve(backup), target)));
  } catch (err) {
    console.error(`restore failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
