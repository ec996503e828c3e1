import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { SmsStopRequest, SmsStopResult } from "../../scheduler/journey/messaging-contracts.js";
import { stopTexts } from "../../scheduler/journey/sms-stop.js";
import { DealerParam } from "../shared.js";

export const smsStopRoute = createRoute({
  operationId: "recordSmsStop",
  method: "post",
  path: "/v1/dealers/{dealerId}/sms-stops",
  tags: ["journey"],
  summary: "Record a customer's STOP: no further texts to that number (staff)",
  description: "Texts already queued for the number are suppressed too. The provider's inbound STOP does the same.",
  security: bearerSecurity,
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: SmsStopRequest } } },
  },
  responses: {
    200: { description: "Recorded", content: { "application/json": { schema: SmsStopResult } } },
    ...problemResponses("not_found"),
  },
});

export function registerSmsStop(app: ApiApp): void {
  app.openapi({ ...smsStopRoute, middleware: [staffOnly] as const }, (c) => {
    return c.json(
      stopTexts(c.get("ctx"), {
        dealerId: c.req.valid("param").dealerId,
        phone: c.req.valid("json").phone,
        source: "staff",
      }),
      200,
    );
  });
}
