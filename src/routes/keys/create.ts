import { createRoute } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { DealerParam } from "../shared.js";
import { CreateApiKeyRequest, CreatedApiKey, keyView } from "./schemas.js";
import { createApiKey } from "../../scheduler/api-keys.js";

export const createApiKeyRoute = createRoute({
  operationId: "createApiKey",
  method: "post",
  path: "/v1/dealers/{dealerId}/api-keys",
  tags: ["api keys"],
  summary: "Create an API key for this dealer (admin): staff (advisor, admin) or client; the secret is shown once",
  security: bearerSecurity,
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: CreateApiKeyRequest } } },
  },
  responses: {
    201: {
      description: "Created; store the secret now, it cannot be shown again",
      content: { "application/json": { schema: CreatedApiKey } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerCreateApiKey(app: ApiApp): void {
  app.openapi({ ...createApiKeyRoute, middleware: [adminOnly] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const { row, secret } = createApiKey(c.get("ctx"), { dealerId, body: c.req.valid("json") });
    // The one response that carries a secret: no cache may keep it.
    c.header("Cache-Control", "no-store");
    c.header("Location", `/v1/dealers/${dealerId}/api-keys/${row.id}`);
    return c.json({ ...keyView(row), secret }, 201);
  });
}
