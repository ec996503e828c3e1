import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalCaller } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { HoldRequest, HoldView } from "../../scheduler/holds/contracts.js";
import { createHold } from "../../scheduler/holds/create.js";
import { DealerParam } from "../shared.js";

export const createHoldRoute = createRoute({
  operationId: "createHold",
  method: "post",
  path: "/v1/dealers/{dealerId}/holds",
  tags: ["holds"],
  summary: "Hold an option for a few minutes while the customer types (public)",
  description:
    "Re-checks the option like a booking and keeps it (its courtesy car, workshop hours and return too) for the dealer's holdMinutes: nobody else is offered it, and only a booking naming the holdId can take it. Capped per client address and per dealer (429 too_many_holds with Retry-After).",
  security: [{}, ...bearerSecurity],
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: HoldRequest } } },
  },
  responses: {
    201: { description: "Held", content: { "application/json": { schema: HoldView } } },
    ...problemResponses("not_found", "slot_unavailable", "too_many_holds"),
  },
});

export function registerCreateHold(app: ApiApp): void {
  app.openapi({ ...createHoldRoute, middleware: [optionalCaller] as const }, (c) => {
    return c.json(
      createHold(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      201,
    );
  });
}
