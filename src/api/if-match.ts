import type { Context } from "hono";
import type { AppEnv } from "./deps.js";
import { ApiError } from "./errors.js";

// If-Match, read by the routes that honour it (PATCH appointment, lifecycle actions,
// possible-match apply): the version the caller saw. Parsed by hand, not by the header
// schema: a version may come quoted or weak ("3", W/"3"), as an ETag.

/** Reads If-Match as a version: 3, "3" and W/"3" all mean version 3. */
export function ifMatchVersion(c: Context<AppEnv>, required: boolean): number | undefined {
  const raw = c.req.header("If-Match");
  if (raw === undefined) {
    if (required)
      throw new ApiError(
        "precondition_required",
        "Send If-Match with the appointment's version (from its ETag or version field)",
      );
    return undefined;
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) {
    throw new ApiError("validation_failed", 'If-Match: expected the appointment\'s version, e.g. 3 or "3"', {
      errors: [{ path: "If-Match", message: "expected a version number", in: "header" }],
    });
  }
  return Number(m[1]);
}
