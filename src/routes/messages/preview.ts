import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { MessagePreview, PreviewQuery } from "../../scheduler/journey/messaging-contracts.js";
import { previewMessage } from "../../scheduler/journey/preview.js";
import { DealerParam } from "../shared.js";

export const previewMessageRoute = createRoute({
  operationId: "previewMessage",
  method: "get",
  path: "/v1/dealers/{dealerId}/messages/preview",
  tags: ["journey"],
  summary: "Any message template rendered with sample data, with the dealer's overrides (staff)",
  security: bearerSecurity,
  request: { params: DealerParam, query: PreviewQuery },
  responses: {
    200: {
      description: "Subject, plain text, HTML and SMS as the customer would get them",
      content: { "application/json": { schema: MessagePreview } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerPreviewMessage(app: ApiApp): void {
  app.openapi({ ...previewMessageRoute, middleware: [staffOnly] as const }, (c) => {
    return c.json(
      previewMessage(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, query: c.req.valid("query") }),
      200,
    );
  });
}
