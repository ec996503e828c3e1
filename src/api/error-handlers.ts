import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ApiApp, LogFn } from "./deps.js";
import { ApiError, ERROR_CODES, type ErrorCode, problem, validationError } from "./errors.js";
import { redact } from "./middleware/access-log.js";
import { allowedMethods } from "./allowed-methods.js";
import { DomainError } from "../scheduler/errors.js";

// Every failure leaves as problem+json: thrown ApiErrors, hono's own HTTPExceptions
// (malformed JSON -> 400, unsupported Content-Type -> 415), unknown routes, and bugs.

const HTTP_EXCEPTION_CODES: Record<number, ErrorCode> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * The client cut its request short (a body that stops mid-chunk, a dropped connection):
 * Node's "aborted" while the body is read. The client's doing, not a bug: anyone could
 * fill the error log with it. Node has already answered 400 on the socket, if it can.
 */
const isClientAbort = (err: unknown): boolean =>
  err instanceof Error && (err as NodeJS.ErrnoException).code === "ECONNRESET" && err.message === "aborted";

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isClientAbort(err))
    return new ApiError("validation_failed", "The request body did not arrive whole: the client ended it early", {
      errors: [{ path: "", message: "the request body ended early", in: "body" }],
    });
  // Domain codes are a subset of the API codes: the status comes from ERROR_CODES.
  if (err instanceof DomainError) return new ApiError(err.code, err.detail, err.extra);
  if (err instanceof HTTPException) {
    const code = HTTP_EXCEPTION_CODES[err.status] ?? (err.status < 500 ? "validation_failed" : "internal");
    if (code === "validation_failed") {
      // Malformed JSON lands here; shape it like any other validation failure.
      return new ApiError(code, err.message || "Invalid request", {
        errors: [{ path: "", message: err.message || "invalid request", in: "body" }],
      });
    }
    if (code !== "internal") return new ApiError(code, err.message || ERROR_DETAIL[code] || ERROR_CODES[code].title);
  }
  return new ApiError("internal", "An unexpected error occurred; quote the requestId when reporting it.");
}

const ERROR_DETAIL: Partial<Record<ErrorCode, string>> = {
  unsupported_media_type: "Send the body as application/json",
};

export function installErrorHandlers(app: ApiApp, log: LogFn): void {
  app.onError((err, c) => {
    const apiErr = toApiError(err);
    if (apiErr.code === "internal") {
      log({
        level: "error",
        msg: "unhandled error",
        requestId: c.get("requestId"),
        error: redact(String(err instanceof Error ? (err.stack ?? err.message) : err)),
      });
    }
    // A refusal that knows when to come back says so in the header too (too_many_holds).
    const retryAfter = apiErr.extra?.retryAfterSeconds;
    if (typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
    return problem(c, apiErr);
  });
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const allow = allowedMethods(app.routes, path);
    if (allow.length === 0) return problem(c, new ApiError("not_found", `No route for ${c.req.method} ${path}`));
    c.header("Allow", allow.join(", "));
    return problem(c, new ApiError("method_not_allowed", `${path} takes ${allow.join(", ")}, not ${c.req.method}`));
  });
}

/** OpenAPIHono defaultHook: zod failures on params, query, headers or body -> our 400. */
export function validationHook(result: { success: boolean; error?: unknown; target: string }, c: Context) {
  if (!result.success) {
    return problem(c, validationError(result.error as Parameters<typeof validationError>[0], result.target));
  }
}
