import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { MessageList, MessageQuery } from "../../scheduler/journey/contracts.js";
import { messagesOf } from "../../scheduler/journey/views.js";
import { DealerParam } from "../shared.js";

export const listMessagesRoute = createRoute({
  operationId: "listMessages",
  method: "get",
  path: "/v1/dealers/{dealerId}/messages",
  tags: ["journey"],
  summary: "Messages to customers and staff, with their delivery state (staff)",
  description: "Newest first. Recipients are references (customer:<id>, a staff role), never addresses.",
  security: bearerSecurity,
  request: { params: DealerParam, query: MessageQuery },
  responses: {
    200: { description: "The dealer's outbox", content: { "application/json": { schema: MessageList } } },
    ...problemResponses("not_found"),
  },
});

export function registerListMessages(app: ApiApp): void {
  app.openapi({ ...listMessagesRoute, middleware: [staffOnly] as const }, (c) => {
    return c.json(
      messagesOf(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, query: c.req.valid("query") }),
      200,
    );
  });
}
