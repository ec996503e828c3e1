import { closeSync, openSync, readSync, realpathSync } from "node:fs";
import { endianness } from "node:os";
import type { CommitWatch } from "../db/change-feed.js";

// "Has any connection committed since I last looked?", for the change feed's every read
// (db/change-feed.ts), answered from the WAL-index header instead of from SQL.
//
// Why: in a cluster each search asks the feed first, and the feed's probe (PRAGMA
// data_version and the newest seq, one SELECT) costs what a statement costs in a loaded
// server: a read transaction with its shared-memory locks, ~25 µs of a ~150 µs search
// (issue 17: 9,400 searches/s with the probe, 11,300 without it, same box). Between two
// commits the answer is always "no", and the header says so with one pread.
//
// What is read: the first 96 bytes of the -shm file, the two copies of the WAL-index
// header (https://www.sqlite.org/walformat.html, "The WAL-Index Header"). Every commit
// rewrites it (its change counter iChange, mxFrame and checksums move on), and so does
// a checkpoint's restart of the WAL. A commit writes the second copy, then the first: a
// commit whose COMMIT has returned (whose 201 a client may hold) has changed both, and
// copies that differ are a commit halfway. Same bytes as the last look: no commit, by
// anyone, since. Different bytes (our own commits too): the caller asks SQL, as before.
//
// Which file: the -shm of the database file as SQLite resolved it (symbolic links
// followed: a stale file beside a link must not stand in for the live one). And should
// the watch ever read the wrong file anyway, the change feed checks one quiet answer in
// CHECK_EVERY against SQL and drops the watch when it lied (db/change-feed.ts).
//
// Traps: the baseline is the header read BEFORE the SQL look, and it moves only when the
// caller says that look succeeded (settled), so a look that threw is not forgotten and a
// commit between the read and the look is looked at again. No -shm file (another VFS,
// locking_mode=EXCLUSIVE), a short read or a header that is not whole means "ask SQL": the hint only ever saves
// a probe. Closing the descriptor drops this process's POSIX locks on the file, SQLite's
// too: close() only after the connections are closed (node.ts).

/** Both copies of the WAL-index header (48 bytes each); a commit writes the second, then the first. */
const HEADER = 48;
/** WALINDEX_MAX_VERSION: the header's iVersion in every SQLite since 3.7.0. */
const IVERSION = 3007000;
const LE = endianness() === "LE";

/**
 * The watch over the -shm of the database file SQLite really opened: `databasePath`
 * resolved as SQLite resolves it (symbolic links followed), or no watch at all (null:
 * ask SQL every time) when it cannot be resolved.
 */
export function walCommitWatch(databasePath: string): CommitWatch | null {
  let shm: string;
  try {
    shm = `${realpathSync(databasePath)}-shm`;
  } catch {
    return null;
  }
  const seen = Buffer.alloc(HEADER);
  const now = Buffer.alloc(2 * HEADER);
  let fd: number | null = null;
  /** seen holds the header of the last look SQL settled. */
  let known = false;
  /** now holds the headers read by the last quiet(), and they looked whole. */
  let fresh = false;
  const read = (): boolean => {
    try {
      fd ??= openSync(shm, "r");
      if (readSync(fd, now, 0, 2 * HEADER, 0) !== 2 * HEADER) return false;
    } catch {
      return false;
    }
    // A header SQLite wrote (its version, isInit set) whose two copies agree: else a
    // commit is halfway through it, or this is not a WAL index at all.
    const version = LE ? now.readUInt32LE(0) : now.readUInt32BE(0);
    return version === IVERSION && now[12] === 1 && now.compare(now, HEADER, 2 * HEADER, 0, HEADER) === 0;
  };
  return {
    quiet: () => {
      fresh = read();
      return fresh && known && now.compare(seen, 0, HEADER, 0, HEADER) === 0;
    },
    // The header as read BEFORE the SQL look: a commit after that read and before the
    // look is in what SQL saw, and changes the header again for the next quiet().
    settled: () => {
      known = fresh;
      if (known) now.copy(seen, 0, 0, HEADER);
    },
    forget: () => {
      known = false;
    },
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
      known = false;
    },
  };
}
