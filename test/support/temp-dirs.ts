import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Temp directories the test helpers make, removed when the test process exits, whatever
// the test did. A test that never called close() or stop(), and a server killed with
// SIGKILL (its writer's socket directory, node/socket-dir.ts, is removed only by a clean
// shutdown), used to leave its directory behind: ~70 in /tmp after each CI run.
//
// Not before its test file is done: a test may reopen a directory after its first app
// closed (a restart), and a helper's own close() or stop() still removes its directory at
// once. Under vitest that is the setup file's afterAll (temp-dirs-cleanup.ts), after the
// file's own hooks. Trap: vitest ends its forked workers without Node's "exit" event, so
// the exit hook here serves other processes (scripts, a child a test spawns) only.

const owned = new Set<string>();
let hooked = false;

/** Removes `path` (a directory) when its test file is done or this process exits, unless disowned first. */
export function removeWhenDone(path: string): void {
  owned.add(path);
  if (hooked) return;
  hooked = true;
  process.on("exit", removeOwned);
}

/** Removes every directory still owned, now. */
export function removeOwned(): void {
  for (const dir of owned) rmSync(dir, { recursive: true, force: true });
  owned.clear();
}

/** Removes `path` now (a helper's own close() or stop()): nothing left for later. */
export function removeNow(path: string): void {
  rmSync(path, { recursive: true, force: true });
  owned.delete(path);
}

/** `path` is handed on to someone else: this process leaves it alone. */
export function disown(path: string): void {
  owned.delete(path);
}

/** A fresh directory under the system temp dir, removed at exit at the latest. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  removeWhenDone(dir);
  return dir;
}
