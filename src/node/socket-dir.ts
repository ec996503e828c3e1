import { chmodSync, lstatSync, mkdirSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { nodeDigests } from "./digests.js";

// Where the writer's Unix sockets live (WORKERS > 1, node/writer.ts): a directory that
// only this user can enter, one per database file.
//
// Why not the sockets straight in the temp dir: what reaches them is believed (a booking's
// caller and role travel in the verb call; the client's address in a header), so whoever
// can connect acts as any caller, staff included. A socket's mode comes from the umask
// (0775 under a umask of 002: the whole group could connect), and in the sticky /tmp
// another user may take the name first: our unlink of it fails, and the workers would
// hand customers' bookings to that user's listener. A 0700 directory of our own closes
// both: nobody else can reach a socket inside it, or put one there.
//
// Trap: the check must hold for the directory as found, not just as made (mkdir does
// nothing when the name exists): an existing entry that is a symlink, belongs to another
// user or is open to others is refused, with a sentence that says what to do.

const ownUid = (): number => process.getuid?.() ?? 0;

/** Where `databasePath`'s writer sockets live (nothing is created). */
export function socketDirPath(databasePath: string, uid: number = ownUid()): string {
  const h = nodeDigests.sha256Hex(resolve(databasePath)).slice(0, 16);
  return join(tmpdir(), `pitlane-${uid}-${h}`);
}

/** Creates (or checks) the private directory for `databasePath`'s writer sockets; throws when it is not ours alone. */
export function privateSocketDir(databasePath: string, uid: number = ownUid()): string {
  const dir = socketDirPath(databasePath, uid);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  // A parent others may write to without the sticky bit would let them rename our
  // directory away between this check and the socket's use.
  const parent = lstatSync(dirname(dir));
  if ((parent.mode & 0o022) !== 0 && (parent.mode & 0o1000) === 0) {
    throw new Error(
      `refusing to put the writer's sockets under ${dirname(dir)}: others may write there and it is not sticky; set TMPDIR to a directory of your own`,
    );
  }
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) {
    throw new Error(
      `refusing to put the writer's sockets in ${dir}: it must be a directory of user ${uid} that no one else can enter (mode 0700); remove it, or set TMPDIR to a directory of your own`,
    );
  }
  return dir;
}

/**
 * The primary, once every worker has exited (the writer's servers closed, which removes
 * their sockets): the directory goes too, so a temp dir does not collect one per database
 * ever served. Never earlier: a writer restarted alone, or workers still draining, keep
 * using it, and a name freed while they run could be taken by another user. Left when not
 * empty (a socket of a killed writer: the next start reuses the directory and replaces it),
 * and when it is not ours (rmdir of another user's entry in a sticky dir fails).
 */
export function releaseSocketDir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {}
}

/** After listen(): the socket itself is this user's only, whatever the umask. */
export function ownSocketOnly(path: string): void {
  chmodSync(path, 0o600);
}
