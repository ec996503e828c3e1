import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// The browser bundles (scripts/build-web.mjs) for AppDeps.webAssets. Built by `npm start`
// (prestart) into dist/web/; when the server runs from src/ under tsx (the real-server
// tests), they are bundled from src/web at start, so a test never serves a stale bundle.
//
// Trap: bundling costs ~1 s of CPU (seconds on a loaded box) and the real-server tests
// start dozens of servers, each with WORKERS processes. So the bundles are cached under
// node_modules/.cache, keyed by a fingerprint of every file they are built from.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FROM_SOURCE = import.meta.url.includes("/src/node/");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * The folders a bundle can be built from: the pages, the core they import (status rules,
 * words, civil dates) and what the core imports (lib), as test/architecture/import-graph
 * allows them. Trap: a folder left out here serves a stale bundle after a change made only
 * there (a core-only change to the board's buttons did, in the real-server tests).
 */
const BUNDLE_SOURCES = ["src/web", "src/core", "src/lib"];

export function fingerprint(root: string): string {
  const h = createHash("sha256");
  const sources = BUNDLE_SOURCES.flatMap((dir) => filesUnder(join(root, dir)));
  for (const f of [...sources, join(root, "scripts/build-web.mjs")].sort()) {
    const st = statSync(f);
    h.update(`${relative(root, f)}|${st.size}|${st.mtimeMs}\n`);
  }
  return h.digest("hex").slice(0, 16);
}

function readBundles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith(".js")) out[f.slice(0, -3)] = readFileSync(join(dir, f), "utf8");
  return out;
}

async function fromSource(root: string): Promise<Record<string, string>> {
  const cache = join(root, "node_modules/.cache/pitlane-web", fingerprint(root));
  if (existsSync(join(cache, ".complete"))) return readBundles(cache);
  const { buildWeb } = await import(pathToFileURL(join(root, "scripts/build-web.mjs")).href);
  const built: Record<string, string> = await buildWeb(root);
  try {
    // Another process may be writing the same entry: write aside, then rename (atomic).
    const tmp = `${cache}.${process.pid}.tmp`;
    mkdirSync(tmp, { recursive: true });
    for (const [name, code] of Object.entries(built)) writeFileSync(join(tmp, `${name}.js`), code);
    writeFileSync(join(tmp, ".complete"), "");
    if (!existsSync(cache)) renameSync(tmp, cache);
  } catch {
    // A cache is only a cache: serving what was just built is always right.
  }
  return built;
}

export async function loadWebAssets(root = ROOT): Promise<Record<string, string>> {
  if (FROM_SOURCE) return fromSource(root);
  const dist = join(root, "dist/web");
  return existsSync(dist) ? readBundles(dist) : {};
}
