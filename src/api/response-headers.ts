import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import type { AppEnv } from "./deps.js";

// Headers our middlewares add to EVERY response of a request (X-Request-Id, the widget's
// CORS headers), collected as a plain record on the context and applied once, by the edge
// middleware, after the response is final: error responses and raw Responses get them too.
//
// Why not c.header(): every header hono holds for a response lives in a web `Headers`
// object, which @hono/node-server then converts back to Node's header record. For a
// response with more than one header that round trip (object, validation, a sorted
// iteration) was ~5 % of the server's CPU per availability search. A hot route can answer
// with jsonResponse(), which writes the record straight into the Response: node-server
// passes a plain record to Node as it is, and the edge then has nothing left to add.
//
// Trap: jsonResponse() does not see headers set with c.header() (hono keeps them private),
// so use it only on routes whose middleware and handler set headers through this module.
// (rate-limit's Retry-After and auth's WWW-Authenticate only go with thrown errors, whose
// problem responses are built by hono and keep them.)

type C = Context<AppEnv>;

/** A header for this request's response, whatever answers it. Vary is merged, not replaced. */
export function addResponseHeader(c: C, name: string, value: string): void {
  let pending = c.get("responseHeaders");
  if (!pending) c.set("responseHeaders", (pending = {}));
  pending[name.toLowerCase()] = value;
}

/** A JSON response that already carries this request's headers (see the trap above). */
export function jsonResponse<T, S extends ContentfulStatusCode>(
  c: C,
  body: T,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, "json"> {
  return jsonTextResponse<T, S>(c, JSON.stringify(body), status);
}

/** jsonResponse for a body that is already JSON text (the availability search's, scheduler/search.ts). */
export function jsonTextResponse<T, S extends ContentfulStatusCode>(
  c: C,
  text: string,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, "json"> {
  const res = new Response(text, {
    status,
    headers: { "content-type": "application/json", ...c.get("responseHeaders") },
  });
  c.set("headersApplied", res);
  return res as Response & TypedResponse<JSONParsed<T>, S, "json">;
}

/** The edge's last step: the pending headers onto c.res, unless jsonResponse() wrote them. */
export function applyResponseHeaders(c: C): void {
  const pending = c.get("responseHeaders");
  if (!pending || c.get("headersApplied") === c.res) return;
  const h = c.res.headers;
  for (const name in pending) {
    const value = pending[name];
    if (name !== "vary") h.set(name, value);
    else if (
      !h
        .get("vary")
        ?.split(/\s*,\s*/)
        .some((v) => v.toLowerCase() === value.toLowerCase())
    )
      h.append(name, value);
  }
}
