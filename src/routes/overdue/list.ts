import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { OverdueList } from "../../scheduler/journey/contracts.js";
import { overdueRequests } from "../../scheduler/journey/views.js";
import { DealerParam } from "../shared.js";

export const overdueRequestsRoute = createRoute({
  operationId: "overdueRequests",
  method: "get",
  path: "/v1/dealers/{dealerId}/overdue",
  tags: ["journey"],
  summary: "Online requests not confirmed within 24 hours (staff)",
  security: bearerSecurity,
  request: { params: DealerParam },
  responses: {
    200: { description: "Oldest first", content: { "application/json": { schema: OverdueList } } },
    ...problemResponses("not_found"),
  },
});

export function registerOverdueRequests(app: ApiApp): void {
  app.openapi({ ...overdueRequestsRoute, middleware: [staffOnly] as const }, (c) => {
    return c.json(overdueRequests(c.get("ctx"), c.req.valid("param")), 200);
  });
}
