import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// `npm test` installs the browser tier's Chromium first (pretest: scripts/ensure-chromium.sh);
// `npx vitest run test/browser/…` skips that. So the browser helpers run the same script
// when the binary is missing, before the first launch in a test process.
//
// Trap: two test workers may both find it missing at once, and two apt-get runs fight over
// dpkg's lock; the script runs under flock(1) (util-linux) where there is one.

/** What `npm test` runs first. */
export const ENSURE_SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), "../../scripts/ensure-chromium.sh");

const LOCK = join(tmpdir(), "pitlane-ensure-chromium.lock");

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `script` (which installs Chromium or says how) when `bin` is not an executable; throws when it fails. */
export function ensureChromium(bin: string, script = ENSURE_SCRIPT): void {
  if (executable(bin)) return;
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, {
      env: { ...process.env, PITLANE_CHROMIUM: bin },
      stdio: ["ignore", "inherit", "inherit"],
    });
  try {
    run("flock", [LOCK, "sh", script]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e; // the script failed: its message is above
    run("sh", [script]); // no flock on this machine
  }
}
