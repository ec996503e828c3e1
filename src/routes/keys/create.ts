import { createRoute } from "@hono/zod-openapi";
import { actorOf, adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { ApiError } from "../../api/errors.js";
import { newKeyId, newKeySecret } from "../../api/key-secret.js";
import { problemResponses } from "../../api/openapi.js";
import { insertKey } from "../../db/api-keys-repo.js";
import { getDealer } from "../../db/dealers-repo.js";
import { DealerParam } from "../shared.js";
import { CreateApiKeyRequest, CreatedApiKey, keyView } from "./schemas.js";

export const createApiKeyRoute = createRoute({
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
    201: { description: "Created; store the secret now, it cannot be shown again", content: { "application/json": { schema: CreatedApiKey } } },
    ...problemResponses("unauthorized", "forbidden", "not_found"),
  },
});

export function registerCreateApiKey(app: ApiApp, deps: AppDeps): void {
  app.openapi({ ...createApiKeyRoute, middleware: [adminOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const { role, label, channel } = c.req.valid("json");
    if (!getDealer(deps.db, dealerId)) throw new ApiError("not_found", `dealer ${dealerId} not found`);
    const { secret, hash } = newKeySecret();
    const at = new Date(deps.now()).toISOString();
    const row = insertKey(deps.db, deps.sqlite, { id: newKeyId(), dealerId, role, label, channel: role === "client" ? (channel ?? "app") : null, secretHash: hash, at, actor: actorOf(c.get("principal")) });
    // The one response that carries a secret: no cache may keep it.
    c.header("Cache-Control", "no-store");
    c.header("Location", `/v1/dealers/${dealerId}/api-keys/${row.id}`);
    return c.json({ ...keyView(row), secret }, 201);
  });
}
