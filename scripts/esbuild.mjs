// The esbuild both plain-JS builds use (scripts/build-server.mjs for `npm start`,
// bench/run.mjs for the benches), and the options they share: Node 20 ESM, no
// keepNames (the point of building at all: see build-server.mjs).
//
// esbuild is tsx's own dependency (always installed with it); it is resolved through tsx
// so the build works whether or not npm hoisted it to node_modules/esbuild.

import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function loadEsbuild(root) {
  const require = createRequire(join(root, "package.json"));
  let from;
  try {
    from = createRequire(require.resolve("tsx/package.json")).resolve("esbuild");
  } catch {
    from = require.resolve("esbuild");
  }
  return import(pathToFileURL(from).href);
}

export const NODE_ESM = { format: "esm", platform: "node", target: "node20", sourcemap: "linked", logLevel: "warning" };
