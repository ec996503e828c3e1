import { createRoute } from "@hono/zod-openapi";
import { callerOf, optionalCaller } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { jsonResponse } from "../../api/response-headers.js";
import { availabilityCalendar } from "../../scheduler/availability-days.js";
import { CalendarRequest, CalendarResponse } from "../../scheduler/calendar-contracts.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam } from "../shared.js";

export const availabilityCalendarRoute = createRoute({
  method: "post",
  path: "/v1/dealers/{dealerId}/availability/calendar",
  tags: ["availability"],
  summary: "Per local date: bookable, quiet, first start (public; the widget's month view)",
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: CalendarRequest } } },
  },
  responses: {
    200: { description: "One entry per date from `from`, `days` long (≤ 62)", content: { "application/json": { schema: CalendarResponse } } },
    ...problemResponses("not_found"),
  },
});

export function registerAvailabilityCalendar(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...availabilityCalendarRoute, middleware: [optionalCaller(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    return jsonResponse(c, availabilityCalendar(runtimes, dealerId, c.req.valid("json"), deps.now(), { sqlite: deps.sqlite, caller: callerOf(c.get("principal")) }), 200);
  });
}
