import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// The browser bundles (scripts/build-web.mjs) for AppDeps.webAssets. Built by `npm start`
// (prestart) into dist/web/; when the server runs from src/ under tsx (the real-server
// tests), they are bundled in memory at start, so a test never serves a stale bundle.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FROM_SOURCE = import.meta.url.includes("/src/node/");

export async function loadWebAssets(root = ROOT): Promise<Record<string, string>> {
  if (FROM_SOURCE) {
    const { buildWeb } = await import(pathToFileURL(join(root, "scripts/build-web.mjs")).href);
    return buildWeb(root);
  }
  const dist = join(root, "dist/web");
  if (!existsSync(dist)) return {};
  const out: Record<string, string> = {};
  for (const f of readdirSync(dist)) if (f.endsWith(".js")) out[f.slice(0, -3)] = readFileSync(join(dist, f), "utf8");
  return out;
}
