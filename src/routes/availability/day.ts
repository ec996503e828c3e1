import { createRoute } from "@hono/zod-openapi";
import { callerOf, optionalCaller } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { jsonResponse } from "../../api/response-headers.js";
import { availabilityDay } from "../../scheduler/availability-days.js";
import { DayRequest, DayResponse } from "../../scheduler/calendar-contracts.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam } from "../shared.js";

export const availabilityDayRoute = createRoute({
  method: "post",
  path: "/v1/dealers/{dealerId}/availability/day",
  tags: ["availability"],
  summary: "Every bookable start of one date, one option each, in time order (public)",
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: DayRequest } } },
  },
  responses: {
    200: { description: "The date's options (empty when nothing is bookable)", content: { "application/json": { schema: DayResponse } } },
    ...problemResponses("not_found"),
  },
});

export function registerAvailabilityDay(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...availabilityDayRoute, middleware: [optionalCaller(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    return jsonResponse(c, availabilityDay(runtimes, dealerId, c.req.valid("json"), deps.now(), { sqlite: deps.sqlite, caller: callerOf(c.get("principal")) }), 200);
  });
}
