import { createRoute } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { TickRequest, TickResult } from "../../scheduler/journey/contracts.js";
import { tickNow } from "../../scheduler/journey/tick.js";

export const tickRoute = createRoute({
  operationId: "runTick",
  method: "post",
  path: "/v1/admin/tick",
  tags: ["ops"],
  summary: "Run due timers and deliver due messages now (bootstrap admin token only)",
  description:
    "For demos and black-box tests with SCHEDULER_NOW frozen: `now` processes as of a later instant. The background interval does the same every few seconds.",
  security: bearerSecurity,
  request: { body: { required: false, content: { "application/json": { schema: TickRequest } } } },
  responses: {
    200: { description: "What ran and what was delivered", content: { "application/json": { schema: TickResult } } },
    ...problemResponses(),
  },
});

export function registerTick(app: ApiApp): void {
  app.openapi({ ...tickRoute, middleware: [adminOnly] as const }, async (c) => {
    return c.json(await tickNow(c.get("ctx"), c.req.valid("json") ?? { deliver: true }), 200);
  });
}
