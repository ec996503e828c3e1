import { z } from "@hono/zod-openapi";
import { BEARER_SCHEME } from "./auth.js";
import type { ApiApp } from "./deps.js";
import { ERROR_CODES, type ErrorCode } from "./errors.js";
import { fixFlaggedPatterns } from "./openapi-regex.js";

// The OpenAPI 3.1 document is generated from the same zod schemas that validate
// requests (registered by app.openapi(route, ...)), so docs cannot drift from behaviour.

export const OPENAPI_INFO = {
  title: "Pitlane API",
  version: "1.0.0",
  description: "Capacity-aware service appointment scheduling for car dealers.",
};

export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: "openingHours.mon.0.1" }),
  message: z.string(),
  in: z.enum(["body", "path", "query", "header", "cookie"]),
});

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "https://pitlane.dev/problems/validation_failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional().openapi({ description: "Present for validation_failed" }),
  })
  .catchall(z.unknown())
  .openapi("Problem", { description: "RFC 9457 problem details; `code` is stable, `detail` is for humans." });

/**
 * Response entries for createRoute({ responses: { ...problemResponses("not_found") } }).
 * validation_failed and internal are implied for every route and always included.
 */
export function problemResponses(...codes: ErrorCode[]) {
  const out: Record<
    number,
    { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }
  > = {};
  for (const code of new Set<ErrorCode>(["validation_failed", ...codes, "internal"])) {
    const { status, title } = ERROR_CODES[code];
    const prev = out[status]?.description;
    out[status] = {
      description: prev ? `${prev}; ${code}` : `${title} (${code})`,
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  return out;
}

export function registerOpenApiComponents(app: ApiApp): void {
  app.openAPIRegistry.registerComponent("securitySchemes", BEARER_SCHEME, {
    type: "http",
    scheme: "bearer",
    description:
      "SCHEDULER_ADMIN_TOKEN (bootstrap admin: every dealer) or a dealer's API key (pk_…; role advisor or admin, that dealer only)",
  });
}

export type OpenApiDocument = ReturnType<ApiApp["getOpenAPI31Document"]>;

const cache = new WeakMap<ApiApp, OpenApiDocument>();

/** Built on first use and memoized: routes are all registered by then. */
export function openApiDocument(app: ApiApp): OpenApiDocument {
  let doc = cache.get(app);
  if (!doc) {
    doc = fixedTuples(fixFlaggedPatterns(app.getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO })));
    cache.set(app, doc);
  }
  return doc;
}

/**
 * A zod tuple is exactly its elements, but the generator writes only `prefixItems`, which
 * in JSON Schema 2020-12 allows fewer items and any number more: state the length.
 */
function fixedTuples<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(fixedTuples);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.prefixItems) && o.items === undefined) {
      o.minItems = o.prefixItems.length;
      o.maxItems = o.prefixItems.length;
      o.items = false;
    }
    for (const v of Object.values(o)) fixedTuples(v);
  }
  return node;
}
