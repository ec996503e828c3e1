import { fileURLToPath, pathToFileURL } from "node:url";

// The browser bundles for in-process apps (createTestApp({ deps: { webAssets } })),
// bundled from src/web/ once per test process.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let built: Promise<Record<string, string>> | undefined;

export function testWebAssets(): Promise<Record<string, string>> {
  built ??= import(pathToFileURL(`${ROOT}scripts/build-web.mjs`).href).then((m) => m.buildWeb(ROOT));
  return built;
}
