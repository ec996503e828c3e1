import { createRoute } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { ApiKeyView, KeyParams, keyView } from "./schemas.js";
import { revokeApiKey } from "../../scheduler/api-keys.js";

export const revokeApiKeyRoute = createRoute({
  operationId: "revokeApiKey",
  method: "delete",
  path: "/v1/dealers/{dealerId}/api-keys/{keyId}",
  tags: ["api keys"],
  summary: "Revoke an API key (admin); effective for the very next request",
  description:
    "Idempotent: revoking a revoked key answers 200 with its first revokedAt. The row is kept for the audit trail.",
  security: bearerSecurity,
  request: { params: KeyParams },
  responses: {
    200: { description: "Revoked", content: { "application/json": { schema: ApiKeyView } } },
    ...problemResponses("not_found"),
  },
});

export function registerRevokeApiKey(app: ApiApp): void {
  app.openapi({ ...revokeApiKeyRoute, middleware: [adminOnly] as const }, (c) => {
    return c.json(keyView(revokeApiKey(c.get("ctx"), c.req.valid("param"))), 200);
  });
}
