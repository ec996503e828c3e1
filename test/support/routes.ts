import type { Hono } from "hono";
import { documentedRoute } from "../../src/api/enum-paths.js";

// The app's routes as the router serves them, named by the DOCUMENTED path each stands for:
// a documented enum parameter is served as one static path per value, plus a fallback
// (src/api/enum-paths.ts), and a test comparing the router with /openapi.json wants the
// one operation back. Catch-all middleware (ALL) and CORS preflights (OPTIONS) are left out.

/** "METHOD /hono/:path" of every served route, once each. */
export function servedRoutes(app: Hono<never>): Array<{ method: string; path: string }> {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of app.routes) {
    if (r.method === "ALL" || r.method === "OPTIONS") continue;
    const key = documentedRoute(app, `${r.method} ${r.path}`);
    const space = key.indexOf(" ");
    seen.set(key, { method: key.slice(0, space), path: key.slice(space + 1) });
  }
  return [...seen.values()];
}
