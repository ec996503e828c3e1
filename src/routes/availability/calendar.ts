import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalCaller } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { jsonResponse } from "../../api/response-headers.js";
import { availabilityCalendar } from "../../scheduler/availability-days.js";
import { CalendarRequest, CalendarResponse } from "../../scheduler/calendar-contracts.js";
import { DealerParam } from "../shared.js";

export const availabilityCalendarRoute = createRoute({
  operationId: "availabilityCalendar",
  method: "post",
  path: "/v1/dealers/{dealerId}/availability/calendar",
  tags: ["availability"],
  summary: "Per local date: bookable, quiet, first start (public; the widget's month view)",
  // Optional: anonymous, or a client/staff key (which may assert priority, as for the search).
  security: [{}, ...bearerSecurity],
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: CalendarRequest } } },
  },
  responses: {
    200: {
      description: "One entry per date from `from`, `days` long (≤ 62)",
      content: { "application/json": { schema: CalendarResponse } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerAvailabilityCalendar(app: ApiApp): void {
  app.openapi({ ...availabilityCalendarRoute, middleware: [optionalCaller] as const }, (c) => {
    // jsonResponse, not c.json: the hot path's headers as a plain record (api/response-headers.ts).
    return jsonResponse(
      c,
      availabilityCalendar(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
