// Preloaded into a spawned server (NODE_OPTIONS=--require) by test/node/commit-sync.test.ts:
// every fs.fdatasync the server makes is written down (the file's path, one line each) to
// FDATASYNC_PROBE_LOG, and held FDATASYNC_PROBE_DELAY_MS before it runs, so a test can
// see which file is synced and that an answer waited for its sync.
const fs = require("node:fs");
const { syncBuiltinESMExports } = require("node:module");

const log = process.env.FDATASYNC_PROBE_LOG;
const delay = Number(process.env.FDATASYNC_PROBE_DELAY_MS || 0);
const real = fs.fdatasync;
fs.fdatasync = (fd, callback) => {
  let path = "?";
  try {
    path = fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {}
  if (log) fs.appendFileSync(log, `${path}\n`);
  setTimeout(() => real(fd, callback), delay);
};
// ESM's `import { fdatasync } from "node:fs"` sees the patched function too.
syncBuiltinESMExports();
