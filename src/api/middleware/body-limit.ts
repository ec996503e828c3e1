import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import { ApiError, problem } from "../errors.js";

/** Largest request body we accept. A whole dealer config with many absences fits. */
export const MAX_BODY_BYTES = 32 * 1024;

// Checks Content-Length up front and also counts chunked bodies as they stream, so a
// client cannot bypass the limit by omitting the length.
//
// Fast path (same decisions as hono's middleware): a GET/HEAD has no body, and a request
// with Content-Length and no Transfer-Encoding is judged by the header alone. Only the
// rest goes through hono's bodyLimit, which reads `c.req.raw.body`: under
// @hono/node-server that getter materialises a full undici Request (web ReadableStream,
// AbortController) instead of the adapter's direct body read: it doubled the server's CPU
// time per availability search in bench/http.bench.ts (~500 → ~265 µs per request).

export type BodyVerdict = "ok" | "too_large" | "encoded" | "count_while_streaming";

/** The header-only decision; "count_while_streaming" → run `streamingLimit` around next(). */
export function bodyVerdict(c: Context): BodyVerdict {
  const method = c.req.method;
  if (method === "GET" || method === "HEAD") return "ok";
  const headers = c.req.raw.headers;
  // A compressed body is not decoded here: read as JSON it was plain bytes that happened
  // to parse (or not), the Content-Encoding silently ignored. Refused, the client knows.
  const encoding = headers.get("content-encoding");
  if (encoding !== null && encoding.trim().toLowerCase() !== "identity") return "encoded";
  const length = headers.get("content-length");
  if (length !== null && !headers.has("transfer-encoding"))
    return parseInt(length || "0", 10) > MAX_BODY_BYTES ? "too_large" : "ok";
  return "count_while_streaming";
}

export const tooLarge = (c: Context): Response =>
  problem(c, new ApiError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes`));

export const encoded = (c: Context): Response =>
  problem(c, new ApiError("unsupported_media_type", "Send the body uncompressed: Content-Encoding is not accepted"));

/** hono's counting middleware, for bodies without a usable Content-Length. */
export const streamingLimit: MiddlewareHandler = honoBodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
