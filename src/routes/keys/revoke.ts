import { createRoute } from "@hono/zod-openapi";
import { actorOf, adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { ApiError } from "../../api/errors.js";
import { problemResponses } from "../../api/openapi.js";
import { revokeKey } from "../../db/repos/api-keys.js";
import { ApiKeyView, KeyParams, keyView } from "./schemas.js";

export const revokeApiKeyRoute = createRoute({
  method: "delete",
  path: "/v1/dealers/{dealerId}/api-keys/{keyId}",
  tags: ["api keys"],
  summary: "Revoke an API key (admin); effective for the very next request",
  description: "Idempotent: revoking a revoked key answers 200 with its first revokedAt. The row is kept for the audit trail.",
  security: bearerSecurity,
  request: { params: KeyParams },
  responses: {
    200: { description: "Revoked", content: { "application/json": { schema: ApiKeyView } } },
    ...problemResponses("unauthorized", "forbidden", "not_found"),
  },
});

export function registerRevokeApiKey(app: ApiApp, deps: AppDeps): void {
  app.openapi({ ...revokeApiKeyRoute, middleware: [adminOnly(deps)] as const }, (c) => {
    const { dealerId, keyId } = c.req.valid("param");
    const at = new Date(deps.now()).toISOString();
    // Scoped by dealer: another dealer's key id is simply not found here.
    const row = revokeKey(deps.db, deps.sqlite, dealerId, keyId, at, actorOf(c.get("principal")));
    if (!row) throw new ApiError("not_found", `API key ${keyId} not found`);
    return c.json(keyView(row), 200);
  });
}
