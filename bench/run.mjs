// Runs a benchmark the way production runs the code: compiled once to plain JS, not
// under tsx (whose keepNames wraps every function in a __name() call and cost the core's
// scans about a third more). `node bench/run.mjs bench/core.bench.ts [args…]`
//
// The bench and the src/ modules it imports are bundled into a hidden file beside it
// (bench/.core.bench.mjs: same folder, so its import.meta.url paths still hold; npm
// packages stay external). It still runs with tsx loaded, only so that the bench's dynamic import
// of the brute-force reference (a .ts file under test/, deliberately not bundled) works.

import { spawnSync } from "node:child_process";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEsbuild, NODE_ESM } from "../scripts/esbuild.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node bench/run.mjs <bench/file.ts> [args…]");
  process.exit(2);
}

const esbuild = await loadEsbuild(ROOT);

const outfile = join(dirname(resolve(entry)), "." + basename(entry).replace(/\.ts$/, ".mjs"));
await esbuild.build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  packages: "external",
  ...NODE_ESM,
});
const run = spawnSync(process.execPath, ["--enable-source-maps", "--import", "tsx", outfile, ...args], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
