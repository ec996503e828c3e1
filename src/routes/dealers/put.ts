import { createRoute } from "@hono/zod-openapi";
import { actorOf, adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { upsertDealer } from "../../db/dealers-repo.js";
import { adminView, DealerAdminView, DealerConfigSchema, DealerIdParam } from "./schemas.js";

export const putDealerRoute = createRoute({
  method: "put",
  path: "/v1/dealers/{dealerId}",
  tags: ["dealers"],
  summary: "Create or replace a dealer's whole configuration (admin)",
  description:
    "Every field but name and timeZone has a default; the response is the normalized configuration. " +
    "Re-sending an identical configuration changes nothing (same version). " +
    "The bootstrap admin token may create any dealer; a dealer's admin API key may only replace its own.",
  security: bearerSecurity,
  request: {
    params: DealerIdParam,
    body: { required: true, content: { "application/json": { schema: DealerConfigSchema } } },
  },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: DealerAdminView } } },
    201: { description: "Created", content: { "application/json": { schema: DealerAdminView } } },
    ...problemResponses("unauthorized", "forbidden", "not_found", "payload_too_large", "unsupported_media_type"),
  },
});

export function registerPutDealer(app: ApiApp, deps: AppDeps): void {
  // Auth as route middleware: it runs before body validation, so anonymous callers get 401.
  app.openapi({ ...putDealerRoute, middleware: [adminOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const config = c.req.valid("json");
    const result = upsertDealer(deps.db, deps.sqlite, { id: dealerId, config, now: deps.now(), actor: actorOf(c.get("principal")) });
    if (result.changed) deps.onDealerChanged?.(dealerId, result.dealer.config);
    if (result.created) {
      c.header("Location", `/v1/dealers/${dealerId}`);
      return c.json(adminView(result.dealer), 201);
    }
    return c.json(adminView(result.dealer), 200);
  });
}
