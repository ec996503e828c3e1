import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "../lib/zod.js";

// The one error envelope: RFC 9457 problem+json with a stable `code` clients switch on.
// The set of codes is closed; add a row here (and nowhere else) to add one.
// Trap: `detail` and `extra` go to the client verbatim, so keep personal data out of
// them (echo ids, not names/emails/phones).

export const ERROR_CODES = {
  validation_failed: { status: 400, title: "Request validation failed" },
  unauthorized: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  slot_unavailable: { status: 409, title: "Slot no longer available" },
  rule_violation: { status: 409, title: "Scheduling rules violated" },
  invalid_transition: { status: 409, title: "Invalid status transition" },
  too_many_bookings: { status: 409, title: "Too many active bookings for this contact" },
  config_conflict: { status: 409, title: "The configuration change would strand appointments" },
  version_conflict: { status: 412, title: "Version conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  idempotency_mismatch: { status: 422, title: "Idempotency key reused with a different request" },
  precondition_required: { status: 428, title: "Precondition required" },
  rate_limited: { status: 429, title: "Too many requests" },
  too_many_holds: { status: 429, title: "Too many slots held at once" },
  internal: { status: 500, title: "Internal server error" },
  // The process that commits this database's writes did not answer (node/writer.ts); the
  // write may or may not have happened, so the client retries with its Idempotency-Key.
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const PROBLEM_TYPE_BASE = "https://pitlane.dev/problems/";

export interface FieldError {
  /** Dotted path into the input, e.g. "openingHours.mon.0.1"; "" for the whole input. */
  path: string;
  message: string;
  /** Which part of the request: body, path, query or header. */
  in: "body" | "path" | "query" | "header" | "cookie";
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    /** Extra top-level members, e.g. { violations } or { alternatives }. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }

  get status(): ContentfulStatusCode {
    return ERROR_CODES[this.code].status;
  }
}

const TARGET_TO_IN: Record<string, FieldError["in"]> = {
  json: "body",
  form: "body",
  param: "path",
  query: "query",
  header: "header",
  cookie: "cookie",
};

/** "idempotency-key" → "Idempotency-Key": a header is named as HTTP spells it, not as it arrives. */
const headerName = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, ch: string) => dash + ch.toUpperCase());

export function fieldErrors(error: z.core.$ZodError, target = "json"): FieldError[] {
  const where = TARGET_TO_IN[target] ?? "body";
  const dotted = (path: PropertyKey[]) =>
    where === "header" && path.length === 1 ? headerName(String(path[0])) : path.map(String).join(".");
  return error.issues.flatMap((issue) =>
    // zod reports unknown keys once, on the parent object; clients want the field itself.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: dotted([...issue.path, key]), message: "unknown field", in: where }))
      : [{ path: dotted(issue.path), message: issue.message, in: where }],
  );
}

/** A zod failure as our 400; `target` is the hono validation target ("json", "param"...). */
export function validationError(error: z.core.$ZodError, target = "json"): ApiError {
  const errors = fieldErrors(error, target);
  const detail =
    errors.length === 1
      ? `${errors[0].path || "input"}: ${errors[0].message}`
      : `${errors.length} problems in the request`;
  return new ApiError("validation_failed", detail, { errors });
}

export function problemBody(err: ApiError, requestId: string | undefined): Record<string, unknown> {
  const { status, title } = ERROR_CODES[err.code];
  const body: Record<string, unknown> = {
    type: PROBLEM_TYPE_BASE + err.code,
    title,
    status,
    detail: err.detail,
    code: err.code,
    requestId,
  };
  // Extra members may add to, never overwrite, the standard ones.
  for (const [k, v] of Object.entries(err.extra ?? {})) if (!(k in body)) body[k] = v;
  return body;
}

export function problem(c: Context, err: ApiError): Response {
  const requestId = c.get("requestId") as string | undefined;
  // c.body (not new Response) so headers set on c before the throw (Retry-After,
  // WWW-Authenticate) are kept; X-Request-Id and CORS are added by the edge afterwards.
  return c.body(JSON.stringify(problemBody(err, requestId)), err.status, {
    "Content-Type": "application/problem+json",
  });
}
