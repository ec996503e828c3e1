import { z } from "@hono/zod-openapi";
import type { Context, Next } from "hono";

// A documented path parameter that is an enum (`/appointments/{id}/{action}`, action one of
// confirm, cancel, …) is SERVED as one static path per value (`/appointments/:id/confirm`, …),
// while /openapi.json keeps the one documented operation (api/route-validation.ts).
//
// Why: hono's fastest router (RegExpRouter, one regular expression for every route) cannot
// hold a parameter segment beside static siblings (`/:id/:action` next to `/:id/progress`).
// One such route made hono's SmartRouter fall back to its TrieRouter for EVERY request,
// ~2 µs per match in a tight loop and several times that inside a loaded server (issue 17).
//
// When the enum is the path's LAST segment, a wildcard fallback (`/appointments/:id/*`,
// which RegExpRouter allows beside static siblings) still answers any other value with the
// parameter's own 400 validation_failed, as before. Trap: the fallback is registered with
// the enum's route, so a deeper route registered LATER (`/:id/possible-match/apply`) also
// matches it; its auth and handler run only on the one segment it serves, and every other
// path goes on (next()) untouched, to that route or to the 404.

type Fixed = Record<string, string>;

export interface ServedPath {
  /** The path in OpenAPI form, `{param}`, as the route config has it. */
  path: string;
  /** The parameters this path fixes (or reads from the URL), merged into c.req.param() before validation. */
  fixed: Fixed | ((c: Context) => Fixed) | null;
  /** The wildcard that answers values outside the enum: its middleware and handler go through onlyWhereFallbackServes(). */
  fallback: boolean;
}

/** The paths to serve a documented path at: itself, or one per enum value (+ the fallback). */
export function servedPaths(path: string, params: unknown): ServedPath[] {
  const shape = params instanceof z.ZodObject ? (params.shape as Record<string, unknown>) : {};
  let out: ServedPath[] = [{ path, fixed: null, fallback: false }];
  let last: string | null = null;
  for (const name of Object.keys(shape)) {
    const schema = shape[name];
    const token = `{${name}}`;
    if (!(schema instanceof z.ZodEnum) || !path.includes(token)) continue;
    const values = (schema as z.ZodEnum).options.map(String);
    out = out.flatMap((p) =>
      values.map((value) => ({
        path: p.path.replace(token, value),
        fixed: { ...(p.fixed as Fixed), [name]: value },
        fallback: false,
      })),
    );
    if (path.endsWith(`/${token}`)) last = name;
  }
  if (last !== null && out.length > 1) {
    const name = last;
    const fromUrl = (c: Context): Fixed => ({ [name]: lastSegment(c.req.path) });
    out.push({ path: `${path.slice(0, -`/{${name}}`.length)}/*`, fixed: fromUrl, fallback: true });
  }
  return out;
}

/**
 * Hono route path ("POST /a/:id/confirm") → the documented one it serves ("POST /a/:id/:action"),
 * for every path served in place of a documented one: what a test that compares the router
 * with /openapi.json reads (test/support/routes.ts).
 */
const documentedOf = new WeakMap<object, Map<string, string>>();

export function recordServed(app: object, method: string, served: string, documented: string): void {
  let map = documentedOf.get(app);
  if (!map) documentedOf.set(app, (map = new Map()));
  map.set(`${method.toUpperCase()} ${honoPath(served)}`, `${method.toUpperCase()} ${honoPath(documented)}`);
}

/** The documented "METHOD /hono/:path" a served one stands for (itself when it is documented as served). */
export function documentedRoute(app: object, route: string): string {
  return documentedOf.get(app)?.get(route) ?? route;
}

/** An OpenAPI path ("/a/{id}") as hono routes it ("/a/:id"). */
export const honoPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ":$1");

/** The path's last segment, decoded; as sent when it is no valid escape (a 400 then, never a 500). */
function lastSegment(path: string): string {
  const raw = path.slice(path.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

type Handler = (c: Context, next: Next) => unknown;

/** The hono paths registered as enum fallbacks ("/…/:id/*"), for the access log. */
const fallbacks = new Set<string>();

export const isFallbackRoute = (honoRoutePath: string): boolean => fallbacks.has(honoRoutePath);

/**
 * Does a fallback route serve this request path: exactly one more, non-empty segment past
 * its prefix? (`/…/:id` and `/…/:id/` are no action; `/…/:id/x/y` is some deeper route's.)
 */
export function fallbackServes(honoRoutePath: string, requestPath: string): boolean {
  const parts = requestPath.split("/");
  return parts.length === honoRoutePath.split("/").length && parts[parts.length - 1] !== "";
}

/**
 * A fallback's handler, and each of its route's middleware (auth), run only where it
 * serves; anywhere else the request goes on untouched to the routes after it (or 404).
 */
export function onlyWhereFallbackServes(h: Handler, honoRoutePath: string): Handler {
  fallbacks.add(honoRoutePath);
  return (c, next) => (fallbackServes(honoRoutePath, c.req.path) ? h(c, next) : next());
}
