import type { ApiApp } from "../../api/deps.js";

// Serves one browser bundle (AppDeps.webAssets) at a fixed path, e.g. /widget.js. Plain
// app.get, not app.openapi: a script is not part of the JSON contract.
//
// Trap: a `<script type="module">` from another origin is fetched in CORS mode, so a
// bundle that dealer sites embed needs `crossOrigin: true` (it is public and carries no
// credentials, so `*` is right for it and for nothing else).

export interface WebAssetOptions {
  crossOrigin?: boolean;
}

export function registerWebAsset(app: ApiApp, path: string, name: string, options: WebAssetOptions = {}): void {
  app.get(path, (c) => {
    const deps = c.get("services");
    const code = deps.webAssets?.[name];
    if (code === undefined) return c.notFound();
    c.header("content-type", "text/javascript; charset=utf-8");
    // Short: a new release must reach dealer sites the same day.
    c.header("cache-control", "public, max-age=300");
    c.header("x-content-type-options", "nosniff");
    if (options.crossOrigin) c.header("access-control-allow-origin", "*");
    return c.body(code);
  });
}
