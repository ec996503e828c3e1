import { createRoute } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { ApiError } from "../../api/errors.js";
import { problemResponses } from "../../api/openapi.js";
import { listKeys } from "../../db/repos/api-keys.js";
import { getDealer } from "../../db/repos/dealers.js";
import { DealerParam } from "../shared.js";
import { ApiKeyList, keyView } from "./schemas.js";

export const listApiKeysRoute = createRoute({
  method: "get",
  path: "/v1/dealers/{dealerId}/api-keys",
  tags: ["api keys"],
  summary: "This dealer's API keys, revoked ones included (admin); never the secrets",
  security: bearerSecurity,
  request: { params: DealerParam },
  responses: {
    200: { description: "The keys, oldest first", content: { "application/json": { schema: ApiKeyList } } },
    ...problemResponses("unauthorized", "forbidden", "not_found"),
  },
});

export function registerListApiKeys(app: ApiApp, deps: AppDeps): void {
  app.openapi({ ...listApiKeysRoute, middleware: [adminOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    if (!getDealer(deps.db, dealerId)) throw new ApiError("not_found", `dealer ${dealerId} not found`);
    return c.json({ keys: listKeys(deps.db, dealerId).map(keyView) }, 200);
  });
}
