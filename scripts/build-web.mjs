// The browser bundles (the booking widget, the advisors' page): every folder of src/web/
// with a main.tsx (src/web/shared/ is imported, never an entry) becomes one minified ES
// module, dist/web/<folder>.js, with preact and everything else it imports inside it:
// Pitlane serves them itself, no CDN at run time.
//
// `node scripts/build-web.mjs` writes dist/web/ (build-server.mjs calls it for `npm
// start`); src/node/web-assets.ts and test/support/web-assets.ts call buildWeb() to
// bundle in memory when running from src/.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadEsbuild } from "./esbuild.mjs";

/** @returns {Promise<Record<string, string>>} bundle name → JavaScript source */
export async function buildWeb(root, { write = false, text = false } = {}) {
  const webDir = join(root, "src/web");
  const names = existsSync(webDir)
    ? readdirSync(webDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(webDir, e.name, "main.tsx")))
        .map((e) => e.name)
    : [];
  const esbuild = await loadEsbuild(root);
  const plugins = [minifiedStylesheet(esbuild)];
  const out = {};
  for (const name of names) {
    const result = await esbuild.build({
      entryPoints: [join(webDir, name, "main.tsx")],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      jsx: "automatic",
      jsxImportSource: "preact",
      write: false,
      legalComments: "none",
      logLevel: "warning",
      plugins,
    });
    out[name] = result.outputFiles[0].text;
  }
  if (write) {
    const dist = join(root, "dist/web");
    mkdirSync(dist, { recursive: true });
    for (const [name, code] of Object.entries(out)) writeFileSync(join(dist, `${name}.js`), code);
    // The Worker imports the same bundles as Text modules (wrangler's default rules make
    // *.txt one): src/worker/web-assets.ts. wrangler.toml's [build] writes them.
    if (text) for (const [name, code] of Object.entries(out)) writeFileSync(join(dist, `${name}.txt`), code);
  }
  return out;
}

/**
 * The pages' stylesheet (src/web/shared/styles.ts, one CSS template literal) minified as
 * CSS: esbuild's JS minifier leaves a string's spaces and line breaks alone, and they were
 * ~250 bytes of the widget's 25 KB gzipped budget (test/http/web-pages.test.ts).
 * Trap: the template must stay plain CSS, no `${…}` and no backslash: the build refuses it otherwise.
 */
function minifiedStylesheet(esbuild) {
  return {
    name: "minified-stylesheet",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]web[\\/]shared[\\/]styles\.ts$/ }, async (args) => {
        const source = readFileSync(args.path, "utf8");
        const found = source.match(/export const CSS = `([^`]*)`;/);
        // No `${…}` and no backslash: the CSS is minified as written, not as JavaScript reads it.
        if (!found || /\$\{|\\/.test(found[1]))
          throw new Error(`${args.path}: expected export const CSS = \`plain CSS\`; (no \${…}, no backslash)`);
        const { code } = await esbuild.transform(found[1], { loader: "css", minify: true });
        return {
          contents: source.replace(found[0], `export const CSS = ${JSON.stringify(code.trim())};`),
          loader: "ts",
        };
      });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const built = await buildWeb(root, { write: true, text: process.argv.includes("--text") });
  console.error(`built web bundles: ${Object.keys(built).join(", ") || "(none)"}`);
}
