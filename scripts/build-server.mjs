// `npm run build` (and `prestart`): transpiles src/**/*.ts to plain ESM in dist/, which
// `npm start` and `npm run bench:http` run with bare `node`. Plain .mjs, so it needs no
// TypeScript runner itself. `node scripts/build-server.mjs [srcDir] [outDir]` builds
// another tree (A/B experiments, bench/http-cpu.ts); outDir must sit one level below the
// repository root, like dist/ (see the migrations note below).
//
// Why not run src/ under tsx: tsx transforms with esbuild's keepNames, which wraps every
// function and class in a `__name(fn, "name")` call; closures created per request (hono
// middleware, zod checks, the core's scans) then pay that call each time. The same code
// transpiled once, without keepNames, costs the server measurably less CPU per request
// (bench/JOURNAL.md).
//
// File by file, not one bundle: every module keeps its own import.meta.url at the same
// depth (src/db/open.ts → dist/db/open.js, so "../../db/migrations" still finds the
// committed migrations), and no identifier is renamed by scope hoisting.
//
// esbuild comes through tsx (scripts/esbuild.mjs).

import { readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEsbuild, NODE_ESM } from "./esbuild.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = resolve(ROOT, process.argv[2] ?? "src");
const OUT = resolve(ROOT, process.argv[3] ?? "dist");

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    // src/web/ is browser code, bundled by build-web.mjs below, never run by the server.
    if (e.isDirectory()) return p === join(SRC, "web") ? [] : tsFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

const started = performance.now();
const esbuild = await loadEsbuild(ROOT);
const entryPoints = tsFiles(SRC);
// A fresh tree each time: a module deleted from src/ must not linger in dist/.
rmSync(OUT, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: OUT,
  outbase: SRC,
  bundle: false,
  ...NODE_ESM,
});
console.error(
  `built ${entryPoints.length} modules into ${relative(ROOT, OUT)}/ in ${Math.round(performance.now() - started)} ms`,
);

// The browser bundles go into dist/web/ after the fresh tree above (src/node/web-assets.ts).
const { buildWeb } = await import("./build-web.mjs");
await buildWeb(ROOT, { write: true });
