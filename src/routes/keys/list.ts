import { createRoute } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { DealerParam } from "../shared.js";
import { ApiKeyList, keyView } from "./schemas.js";
import { listApiKeys } from "../../scheduler/api-keys.js";

export const listApiKeysRoute = createRoute({
  operationId: "listApiKeys",
  method: "get",
  path: "/v1/dealers/{dealerId}/api-keys",
  tags: ["api keys"],
  summary: "This dealer's API keys, revoked ones included (admin); never the secrets",
  security: bearerSecurity,
  request: { params: DealerParam },
  responses: {
    200: { description: "The keys, oldest first", content: { "application/json": { schema: ApiKeyList } } },
    ...problemResponses("not_found"),
  },
});

export function registerListApiKeys(app: ApiApp): void {
  app.openapi({ ...listApiKeysRoute, middleware: [adminOnly] as const }, (c) => {
    return c.json({ keys: listApiKeys(c.get("ctx"), c.req.valid("param")).map(keyView) }, 200);
  });
}
