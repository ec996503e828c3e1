import { createRoute } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { DealerIdParam, DealerPublic, publicView } from "./schemas.js";
import { getDealerConfig } from "../../scheduler/dealers.js";

export const getDealerRoute = createRoute({
  operationId: "getDealer",
  method: "get",
  path: "/v1/dealers/{dealerId}",
  tags: ["dealers"],
  summary: "Customer-facing dealer information (public)",
  request: { params: DealerIdParam },
  responses: {
    200: { description: "The dealer", content: { "application/json": { schema: DealerPublic } } },
    ...problemResponses("not_found"),
  },
});

export function registerGetDealer(app: ApiApp): void {
  app.openapi(getDealerRoute, (c) => {
    return c.json(publicView(getDealerConfig(c.get("ctx"), c.req.valid("param"))), 200);
  });
}
