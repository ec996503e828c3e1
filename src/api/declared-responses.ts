import { type RouteConfig, z } from "@hono/zod-openapi";
import { answersOf, answersOnOperation } from "./answers.js";
import type { ApiApp } from "./deps.js";
import { ERROR_CODES, type ErrorCode } from "./errors.js";
import { isWrite } from "./middleware/writer-unavailable.js";
import { ProblemSchema } from "./openapi.js";

// Each operation's declared responses, composed from what can answer it: the edge, the
// validation pass, the route's middleware (api/answers.ts) and app-level guards, added to
// what the route declares for its verb (its DomainError codes). The document is built from
// the same place the answers come from, so it cannot leave one out:
//   every route            400 validation_failed, 500 internal
//   a method with a body   413 payload_too_large (the edge's body limit)
//   a JSON request body    415 unsupported_media_type (the media-type gate)
//   Idempotency-Key        422 idempotency_mismatch
//   If-Match               412 version_conflict
//   auth middleware        401/403/404, as each declares (api/auth.ts)
//   public rate limits     429 rate_limited (routes/public.ts)
//   a write                503 service_unavailable (the writer process did not answer, api/middleware/writer-unavailable.ts)
// test/http/openapi-truth.test.ts provokes each of these and checks it is declared.

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

type Responses = RouteConfig["responses"];
type ProblemEntry = { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } };

/** The problem codes an operation can answer without its verb saying so. */
export function answeredCodes(app: ApiApp, route: RouteConfig): ErrorCode[] {
  const codes = new Set<ErrorCode>(["validation_failed"]);
  const method = route.method.toLowerCase();
  if (method !== "get" && method !== "head") codes.add("payload_too_large");
  if (Object.keys(route.request?.body?.content ?? {}).some((m) => JSON_MEDIA.test(m)))
    codes.add("unsupported_media_type");
  const headers = route.request?.headers;
  const shape = headers instanceof z.ZodObject ? headers.shape : {};
  if ("idempotency-key" in shape) codes.add("idempotency_mismatch");
  if ("if-match" in shape) codes.add("version_conflict");
  const middleware =
    route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
  for (const m of middleware) for (const code of answersOf(m)) codes.add(code);
  for (const code of answersOnOperation(app, method, route.path)) codes.add(code);
  if (isWrite(method.toUpperCase(), route.path)) codes.add("service_unavailable");
  codes.add("internal");
  return [...codes];
}

/** The route's own responses plus a problem entry for each answered code (merged by status). */
export function withAnsweredCodes(responses: Responses, codes: Iterable<ErrorCode>): Responses {
  const out: Record<string, unknown> = { ...responses };
  for (const code of codes) {
    const { status, title } = ERROR_CODES[code];
    const prev = out[status] as ProblemEntry | undefined;
    if (!prev)
      out[status] = {
        description: `${title} (${code})`,
        content: { "application/problem+json": { schema: ProblemSchema } },
        // Every 429 and 503 says when to come back (rate-limit.ts, writer-unavailable.ts).
        ...(status === 429 || status === 503 ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
      };
    else if (!prev.description.includes(code)) out[status] = { ...prev, description: `${prev.description}; ${code}` };
  }
  return out as Responses;
}

const RETRY_AFTER = { description: "Seconds to wait before trying again", schema: { type: "integer" as const } };
const HEADER_DOCS = {
  ETag: {
    description: 'The appointment\'s version, quoted ("3"): send it back as If-Match',
    schema: { type: "string" as const },
  },
  "Idempotent-Replayed": {
    description: '"true" when this is the stored answer to an earlier request with the same Idempotency-Key',
    schema: { type: "string" as const, enum: ["true"] },
  },
  Location: { description: "The new appointment's URL", schema: { type: "string" as const } },
};
type Header = keyof typeof HEADER_DOCS;

/**
 * The headers a route's success answers carry (routes/outcome.ts, appointments/get.ts and
 * post.ts), documented on its 2xx responses: an Idempotency-Key route says when it replayed,
 * an If-Match route and an appointment's GET give the ETag, a booking its Location too.
 */
function successHeaders(route: RouteConfig): Header[] {
  const headers = route.request?.headers;
  const shape = headers instanceof z.ZodObject ? headers.shape : {};
  const out: Header[] = [];
  if ("idempotency-key" in shape) out.push("Idempotent-Replayed");
  const method = route.method.toLowerCase();
  const booking = method === "post" && /\/appointments$/.test(route.path);
  const appointment = method === "get" && /\/appointments\/\{id\}$/.test(route.path);
  if ("if-match" in shape || booking || appointment) out.push("ETag");
  if (booking) out.push("Location");
  return out;
}

function withSuccessHeaders(responses: Responses, headers: Header[]): Responses {
  if (headers.length === 0) return responses;
  const out: Record<string, unknown> = { ...responses };
  for (const [status, r] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status) || typeof r !== "object" || r === null || "$ref" in r) continue;
    const prev = (r as { headers?: Record<string, unknown> }).headers ?? {};
    out[status] = { ...r, headers: { ...prev, ...Object.fromEntries(headers.map((h) => [h, HEADER_DOCS[h]])) } };
  }
  return out as Responses;
}

/**
 * Wraps app.openapi: every operation gets the composed responses, an explicit `security`
 * (`[]`: public), and must name its operationId. Install before any route registers.
 */
export function declareAnsweredResponses(app: ApiApp): void {
  const register = app.openapi;
  app.openapi = ((route: RouteConfig, ...rest: unknown[]) => {
    if (!route.operationId) throw new Error(`${route.method.toUpperCase()} ${route.path}: name its operationId`);
    const declared = {
      ...route,
      security: route.security ?? [],
      responses: withAnsweredCodes(
        withSuccessHeaders(route.responses, successHeaders(route)),
        answeredCodes(app, route),
      ),
    };
    return (register as (...a: unknown[]) => unknown)(declared, ...rest);
  }) as ApiApp["openapi"];
}
