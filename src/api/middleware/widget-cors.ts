import type { Context, Handler, MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps.js";
import { addResponseHeader } from "../response-headers.js";

// CORS for the dealer website widget, on PUBLIC routes only (src/routes/public.ts wires
// it). The allowed origins are the dealer's `widgetOrigins`, compared exactly by a
// function: we never echo an arbitrary Origin, never send "*", and never allow
// credentials (the widget needs no cookies, and staff tokens must not travel from a
// widget page: Authorization is not an allowed request header). Staff routes get none
// of this, so a browser on a widget origin cannot read them.

/** Request headers a widget may send cross-origin. */
export const WIDGET_ALLOW_HEADERS = ["Content-Type", "Idempotency-Key", "X-Request-Id"];
/** Response headers a widget script may read. */
export const WIDGET_EXPOSE_HEADERS = ["Retry-After", "Location", "ETag", "Idempotent-Replayed", "X-Request-Id"];
const EXPOSE = WIDGET_EXPOSE_HEADERS.join(", ");
const MAX_AGE_SECONDS = 600;

/** The allowlist that applies to this request, or null (unknown dealer: allow nothing). */
export type OriginsOf = (c: Context<AppEnv>) => readonly string[] | null;

function allowed(c: Context<AppEnv>, originsOf: OriginsOf): string | null {
  const origin = c.req.header("Origin");
  // No Origin: not a cross-origin browser call (server, curl, same-origin), nothing to add.
  if (!origin) return null;
  return originsOf(c)?.includes(origin) ? origin : null;
}

/**
 * On the real request: allow the listed origin to read the response (errors included).
 * The headers go to the response whatever answers it, 404s and 429s too: the edge
 * applies them once the response is final (api/response-headers.ts).
 */
export function widgetCors(originsOf: OriginsOf): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const origin = allowed(c, originsOf);
    addResponseHeader(c, "Vary", "Origin");
    if (origin) {
      addResponseHeader(c, "Access-Control-Allow-Origin", origin);
      addResponseHeader(c, "Access-Control-Expose-Headers", EXPOSE);
    }
    return next();
  };
}

/**
 * The preflight (OPTIONS) for a public path. `methods` are that path's PUBLIC methods
 * only: GET /v1/dealers/{id} is public, PUT on the same path is admin, so a preflight
 * asking for PUT gets no CORS headers and the browser never sends it.
 */
export function widgetPreflight(methods: readonly string[], originsOf: OriginsOf): Handler<AppEnv> {
  return (c) => {
    c.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    const asked = (c.req.header("Access-Control-Request-Method") ?? "").toUpperCase();
    const origin = methods.includes(asked) ? allowed(c, originsOf) : null;
    if (origin) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Allow-Methods", methods.join(", "));
      c.header("Access-Control-Allow-Headers", WIDGET_ALLOW_HEADERS.join(", "));
      c.header("Access-Control-Max-Age", String(MAX_AGE_SECONDS));
    }
    return c.body(null, 204);
  };
}
