import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalCaller } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { jsonResponse } from "../../api/response-headers.js";
import { availabilityDay } from "../../scheduler/availability-days.js";
import { DayRequest, DayResponse } from "../../scheduler/calendar-contracts.js";
import { DealerParam } from "../shared.js";

export const availabilityDayRoute = createRoute({
  operationId: "availabilityDay",
  method: "post",
  path: "/v1/dealers/{dealerId}/availability/day",
  tags: ["availability"],
  summary: "Every bookable start of one date, one option each, in time order (public)",
  // Optional: anonymous, or a client/staff key (which may assert priority, as for the search).
  security: [{}, ...bearerSecurity],
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: DayRequest } } },
  },
  responses: {
    200: {
      description: "The date's options (empty when nothing is bookable)",
      content: { "application/json": { schema: DayResponse } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerAvailabilityDay(app: ApiApp): void {
  app.openapi({ ...availabilityDayRoute, middleware: [optionalCaller] as const }, (c) => {
    // jsonResponse, not c.json: the hot path's headers as a plain record (api/response-headers.ts).
    return jsonResponse(
      c,
      availabilityDay(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
