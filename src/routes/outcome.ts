import type { Context } from "hono";
import type { AppEnv } from "../api/deps.js";
import type { Outcome } from "../scheduler/context.js";

// How a write verb's outcome goes out, for every route that takes an Idempotency-Key:
// a replayed answer says so (Idempotent-Replayed), and an answer that carries an
// appointment's version gives it as the ETag, for the caller's next If-Match.

export function sendOutcome<T, S extends 200 | 201>(c: Context<AppEnv>, out: Outcome<T>, status: S, version?: number) {
  if (out.replayed) c.header("Idempotent-Replayed", "true");
  if (version !== undefined) c.header("ETag", `"${version}"`);
  return c.json(out.body, status);
}
