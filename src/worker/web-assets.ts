import board from "../../dist/web/board.txt";
import manage from "../../dist/web/manage.txt";
import widget from "../../dist/web/widget.txt";

// AppDeps.webAssets on the Worker: the browser bundles that Node reads from dist/web/
// (src/node/web-assets.ts), here bundled into the Worker as text. wrangler.toml's [build]
// runs `node scripts/build-web.mjs --text` before every bundling, so they are never stale.
// Trap: a new src/web/<name>/main.tsx is served on Node at once but here only once it is
// listed below.

export const WEB_ASSETS: Record<string, string> = { board, manage, widget };
