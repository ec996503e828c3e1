import { createRoute } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { DayResponse, OwnDayRequest } from "../../scheduler/calendar-contracts.js";
import { ownDayByToken } from "../../scheduler/manage.js";
import { MOVE_NOTE } from "./availability-calendar.js";
import { ManageTokenParam } from "./get.js";

// The customer's page asks for one date's starts their appointment can move to (see
// availability-calendar.ts): each one the reschedule accepts.

export const ownAvailabilityDayRoute = createRoute({
  operationId: "ownAvailabilityDay",
  method: "post",
  path: "/v1/manage/{token}/availability/day",
  tags: ["customer"],
  summary: "Every start of one date the customer's appointment can move to, in time order (public, manage token)",
  description: MOVE_NOTE,
  request: {
    params: ManageTokenParam,
    body: { required: true, content: { "application/json": { schema: OwnDayRequest } } },
  },
  responses: {
    200: {
      description: "The date's options, each one the reschedule accepts (empty when none)",
      content: { "application/json": { schema: DayResponse } },
    },
    ...problemResponses("not_found", "invalid_transition"),
  },
});

export function registerOwnAvailabilityDay(app: ApiApp): void {
  app.openapi(ownAvailabilityDayRoute, (c) => {
    const { token } = c.req.valid("param");
    c.header("Cache-Control", "no-store");
    return c.json(ownDayByToken(c.get("ctx"), { token, body: c.req.valid("json") }), 200);
  });
}
