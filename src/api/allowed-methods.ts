import type { Hono } from "hono";

// A request whose path is served, but not with its method, is a 405 with the methods
// that are (RFC 9110 §15.5.6: the Allow header), not a 404 that reads as "no such path".
// Asked only on the not-found path: the routes' patterns are compiled once, on the first.

type Routes = Hono["routes"];

interface Pattern {
  method: string;
  re: RegExp;
}

/** "/v1/dealers/:dealerId/holds/:holdId" → a RegExp of the whole path. */
function compile(path: string): RegExp {
  const parts = path.split("/").map((seg) => {
    if (seg.startsWith(":")) return "[^/]+";
    return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${parts.join("/")}$`);
}

const compiled = new WeakMap<Routes, Pattern[]>();

/** The methods some route serves `path` with (HEAD with GET), in a stable order; [] when none. */
export function allowedMethods(routes: Routes, path: string): string[] {
  let patterns = compiled.get(routes);
  if (!patterns) {
    // "ALL" entries are middleware (app.use), not routes; a "*" route is a fallback that
    // answers what its enum does not name (api/enum-paths.ts), not a method to offer.
    patterns = routes
      .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
      .map((r) => ({ method: r.method, re: compile(r.path) }));
    compiled.set(routes, patterns);
  }
  const found = new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method));
  if (found.has("GET")) found.add("HEAD");
  return ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter((m) => found.has(m));
}
