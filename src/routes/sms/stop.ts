import { createRoute } from "@hono/zod-openapi";
import { actorOf, bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { SmsStopRequest, SmsStopResult } from "../../scheduler/journey/messaging-contracts.js";
import { stopTexts } from "../../scheduler/journey/sms-stop.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam } from "../shared.js";

export const smsStopRoute = createRoute({
  method: "post",
  path: "/v1/dealers/{dealerId}/sms-stops",
  tags: ["journey"],
  summary: "Record a customer's STOP: no further texts to that number (staff)",
  description: "Texts already queued for the number are suppressed too. The provider's inbound STOP does the same.",
  security: bearerSecurity,
  request: { params: DealerParam, body: { required: true, content: { "application/json": { schema: SmsStopRequest } } } },
  responses: {
    200: { description: "Recorded", content: { "application/json": { schema: SmsStopResult } } },
    ...problemResponses("validation_failed", "not_found", "unauthorized", "forbidden"),
  },
});

export function registerSmsStop(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...smsStopRoute, middleware: [staffOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const ctx = { db: deps.db, sqlite: deps.sqlite, runtimes, nowMs: deps.now(), actor: actorOf(c.get("principal")) };
    return c.json(stopTexts(ctx, dealerId, c.req.valid("json").phone, "staff"), 200);
  });
}
