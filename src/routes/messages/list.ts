import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { MessageList, MessageQuery } from "../../scheduler/journey/contracts.js";
import { messagesOf } from "../../scheduler/journey/views.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam } from "../shared.js";

export const listMessagesRoute = createRoute({
  method: "get",
  path: "/v1/dealers/{dealerId}/messages",
  tags: ["journey"],
  summary: "Messages to customers and staff, with their delivery state (staff)",
  description: "Newest first. Recipients are references (customer:<id>, a staff role), never addresses.",
  security: bearerSecurity,
  request: { params: DealerParam, query: MessageQuery },
  responses: {
    200: { description: "The dealer's outbox", content: { "application/json": { schema: MessageList } } },
    ...problemResponses("not_found", "unauthorized", "forbidden"),
  },
});

export function registerListMessages(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...listMessagesRoute, middleware: [staffOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    return c.json(messagesOf(deps.sqlite, runtimes, dealerId, c.req.valid("query")), 200);
  });
}
