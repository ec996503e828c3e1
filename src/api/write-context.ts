import type { Context } from "hono";
import { IdempotencyKey, requestHash } from "../db/idempotency.js";
import type { WriteContext } from "../scheduler/context.js";
import type { Runtimes } from "../scheduler/runtime.js";
import { actorOf } from "./auth.js";
import { serverSecretsOf, type AppDeps, type AppEnv } from "./deps.js";
import { ApiError } from "./errors.js";

// Builds a domain verb's WriteContext from the request: the clock read once, the acting
// principal, and the Idempotency-Key (validated, and bound to this route and body).

export function writeContext(c: Context<AppEnv>, deps: AppDeps, runtimes: Runtimes, scope: string, body: unknown): WriteContext {
  const raw = c.req.header("Idempotency-Key");
  let idempotency: WriteContext["idempotency"];
  if (raw !== undefined) {
    const parsed = IdempotencyKey.safeParse(raw);
    if (!parsed.success) {
      throw new ApiError("validation_failed", "Idempotency-Key: expected 1-200 printable ASCII characters", {
        errors: [{ path: "Idempotency-Key", message: "expected 1-200 printable ASCII characters", in: "header" }],
      });
    }
    idempotency = { key: parsed.data, scope, hash: requestHash(body ?? null) };
  }
  return { db: deps.db, sqlite: deps.sqlite, runtimes, nowMs: deps.now(), actor: actorOf(c.get("principal")), idempotency, secrets: serverSecretsOf(deps) };
}

/** Reads If-Match as a version: 3, "3" and W/"3" all mean version 3. */
export function ifMatchVersion(c: Context<AppEnv>, required: boolean): number | undefined {
  const raw = c.req.header("If-Match");
  if (raw === undefined) {
    if (required) throw new ApiError("precondition_required", "Send If-Match with the appointment's version (from its ETag or version field)");
    return undefined;
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) {
    throw new ApiError("validation_failed", "If-Match: expected the appointment's version, e.g. 3 or \"3\"", {
      errors: [{ path: "If-Match", message: "expected a version number", in: "header" }],
    });
  }
  return Number(m[1]);
}
