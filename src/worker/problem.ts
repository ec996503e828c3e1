import { ApiError, problemBody } from "../api/errors.js";

// A problem+json answer for failures outside the app (a misconfigured Worker), in the
// app's envelope so clients and logs see one format. Never says what is misconfigured:
// that goes to the log, not to whoever called.
export function internalProblem(): Response {
  const err = new ApiError("internal", "The service is misconfigured; quote the requestId when reporting it.");
  return new Response(JSON.stringify(problemBody(err, crypto.randomUUID())), {
    status: err.status,
    headers: { "Content-Type": "application/problem+json" },
  });
}
