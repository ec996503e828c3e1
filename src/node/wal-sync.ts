import { closeSync, fdatasync, fstatSync, openSync, statSync } from "node:fs";
import type { Durability } from "../db/group-commit.js";

// Group commit's fsync off the event loop (issue 17): the group's COMMIT writes its WAL
// frames with synchronous=NORMAL (no fsync inside SQLite), then fdatasync(2) of the -wal
// file runs on libuv's thread pool, and the group's writes are answered when it returns.
// Meanwhile the loop runs the next group: its work overlaps the disk's flush of the last.
//
// Why this keeps a 201's promise ("the booking survives a power cut"): fdatasync flushes
// every page of the file written before the call, whichever descriptor wrote it, so once it
// returns the group's frames (and the WAL header, if the group restarted the log) are on
// disk: what synchronous=FULL's sync at COMMIT would have made durable. SQLite's own
// guarantees stay: NORMAL is corruption-safe in WAL mode (checkpoints still sync the WAL
// first), and every other write on the connection (configuration, the journey's runs)
// commits under FULL, because NORMAL is set for the group's transaction only.
//
// What others may see earlier: another connection can read a group's rows between its
// COMMIT and the fsync (a search shows the slot taken a millisecond before the booking's
// 201). Nothing that depends on them is acknowledged before they are durable: syncs run
// one at a time, in commit order, and a failed one stops the process (group-commit.ts).
//
// Trap: the descriptor must be the -wal file SQLite writes now. SQLite keeps that file
// (same inode) while any connection is open, and ours is; a restart of the log rewrites it
// in place. Should it ever be replaced (a restore under a running server), the inode check
// before each sync reopens it.

interface PragmaHandle {
  pragma(source: string): unknown;
}

export interface WalDurability extends Durability {
  /** Closes the -wal descriptor (at shutdown, after the last sync). */
  close(): void;
}

export function walDurability(sqlite: PragmaHandle, databasePath: string): WalDurability {
  const walPath = `${databasePath}-wal`;
  let fd: number | undefined;
  let ino = -1;
  const current = (): number => {
    const now = statSync(walPath).ino;
    if (fd === undefined || now !== ino) {
      if (fd !== undefined) closeSync(fd);
      fd = openSync(walPath, "r");
      ino = fstatSync(fd).ino;
    }
    return fd;
  };
  return {
    // Trap: not prepared once. SQLite applies `PRAGMA synchronous` while it compiles the
    // statement, so re-running a prepared one changes nothing (test/db/group-commit-sync.test.ts).
    commitRelaxed(commit) {
      sqlite.pragma("synchronous = NORMAL");
      try {
        return commit();
      } finally {
        sqlite.pragma("synchronous = FULL");
      }
    },
    sync(done) {
      let target: number;
      try {
        target = current();
      } catch (e) {
        return done(e as Error);
      }
      fdatasync(target, (err) => done(err));
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
