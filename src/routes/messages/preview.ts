import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { MessagePreview, PreviewQuery } from "../../scheduler/journey/messaging-contracts.js";
import { previewMessage } from "../../scheduler/journey/preview.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam } from "../shared.js";

export const previewMessageRoute = createRoute({
  method: "get",
  path: "/v1/dealers/{dealerId}/messages/preview",
  tags: ["journey"],
  summary: "Any message template rendered with sample data, with the dealer's overrides (staff)",
  security: bearerSecurity,
  request: { params: DealerParam, query: PreviewQuery },
  responses: {
    200: { description: "Subject, plain text, HTML and SMS as the customer would get them", content: { "application/json": { schema: MessagePreview } } },
    ...problemResponses("validation_failed", "not_found", "unauthorized", "forbidden"),
  },
});

export function registerPreviewMessage(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...previewMessageRoute, middleware: [staffOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    return c.json(previewMessage(runtimes, dealerId, c.req.valid("query")), 200);
  });
}
