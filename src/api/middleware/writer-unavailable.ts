import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors.js";

// WORKERS > 1 (node/writer.ts): a worker forwards each write to the process that commits
// this database's writes. When that process took the request and then failed to answer
// (it died mid-request, the socket broke), the write may or may not have happened, so the
// worker must not write it itself: it hands the request back to its own app with this
// flag in the environment (never from the client: a header could be forged), and the app
// answers 503 service_unavailable here, after the request id, CORS and rate limits, so
// the answer is an ordinary problem+json the widget can read.

export const WRITER_UNAVAILABLE = "pitlaneWriterUnavailable";

/**
 * The searches a POST asks: the dealer's options, its calendar and day list, and the
 * customer's own (/v1/manage/{token}/availability/…). They read the in-memory index only
 * (the manage ones lift the appointment off it and put it back in the same synchronous
 * call), so every process answers them: sent to the writer, they queued behind bookings.
 */
const SEARCH = /\/availability(\/calendar|\/day)?$/;

/** Searches and reads stay local; anything that may write goes to the writer (node/writer.ts), so may answer 503. */
export function isWrite(method: string, path: string): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  return !(method === "POST" && SEARCH.test(path));
}

export function writerUnavailable(): MiddlewareHandler {
  return async (c, next) => {
    if ((c.env as Record<string, unknown> | undefined)?.[WRITER_UNAVAILABLE] === true) {
      c.header("Retry-After", "1");
      throw new ApiError(
        "service_unavailable",
        "the process that stores bookings did not answer; retry with the same Idempotency-Key",
      );
    }
    await next();
  };
}
