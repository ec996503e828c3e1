import type { Context } from "hono";

// Echoes a caller's X-Request-Id (so a support ticket can quote the id the client logged)
// or generates a UUID. The same rule as hono's requestId middleware (which this replaced
// to run inside the one edge middleware, api/middleware/edge.ts): an id longer than 128
// characters or with anything but [A-Za-z0-9_=-] is replaced, so a header cannot inject
// text into our JSON logs.

export const REQUEST_ID_HEADER = "X-Request-Id";
const MAX_LENGTH = 128;
const UNSAFE = /[^\w\-=]/;

export function requestIdOf(c: Context): string {
  const given = c.req.header(REQUEST_ID_HEADER);
  return given && given.length <= MAX_LENGTH && !UNSAFE.test(given) ? given : crypto.randomUUID();
}
