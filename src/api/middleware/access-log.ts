import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import { fallbackServes, isFallbackRoute } from "../enum-paths.js";

// One JSON line per request (api/middleware/edge.ts writes it). Logs the route PATTERN
// (/v1/dealers/:dealerId), never the raw URL, query, headers or body: those can carry
// emails, phones, VINs and tokens.

/** `started`: performance.now() when the request arrived (never deps.now: it may be frozen). */
export function accessLine(c: Context, started: number, requestId: string): object {
  const status = c.res.status;
  const line = {
    level: status >= 500 ? "error" : "info",
    msg: "request",
    method: c.req.method,
    route: routePattern(c),
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    requestId,
  };
  // A cluster worker's booking: run by the writer as a verb call, or here because the
  // writer could not be reached (api/remote-verbs.ts).
  const writtenBy = c.get("writtenBy");
  return writtenBy === undefined ? line : { ...line, writtenBy };
}

/**
 * The pattern of the route that answered: the last one the chain reached (c.req.routeIndex),
 * not the last one matched (an enum path's fallback, api/enum-paths.ts, matches after the
 * static action routes and may never run); when catch-all middleware answered (the writer
 * guard's 503, the body limit's 413), the first route in line, which would have; null for a 404.
 */
function routePattern(c: Context): string | null {
  const routes = matchedRoutes(c);
  const path = c.req.path;
  const answers = (r: { method: string; path: string }) =>
    r.method !== "ALL" && !(isFallbackRoute(r.path) && !fallbackServes(r.path, path));
  for (let i = Math.min(c.req.routeIndex, routes.length - 1); i >= 0; i--)
    if (answers(routes[i])) return routes[i].path;
  // Catch-all middleware answered: the first route in line, as hono would have run it.
  for (const r of routes) if (answers(r)) return r.path;
  return null;
}

const EMAIL_RE = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;
const PHONE_RE = /\+?\d[\d ().-]{6,}\d/g;

/**
 * Masks emails and phone-like digit runs in free text (error messages can quote input,
 * e.g. a JSON parse error or a SQLite constraint message). Defence in depth only: the
 * primary rule is to not put personal data into messages at all.
 */
export function redact(text: string): string {
  return text.replace(EMAIL_RE, "[email]").replace(PHONE_RE, "[number]");
}
