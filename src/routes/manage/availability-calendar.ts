import { createRoute } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { CalendarResponse, OwnCalendarRequest } from "../../scheduler/calendar-contracts.js";
import { ownCalendarByToken } from "../../scheduler/manage.js";
import { ManageTokenParam } from "./get.js";

// The customer's page asks where the appointment can move: the widget's calendar and day
// list, answered for the token's own appointment (its job, reception length, mobility,
// priority as stored, its own slot not in its way), so that every time
// offered is one POST /v1/manage/{token}/reschedule accepts. The body names dates only.

/** What both of the appointment's own searches answer (this one and availability-day.ts). */
export const MOVE_NOTE =
  "The appointment's own job, reception length, mobility and priority as booked (nothing the caller says; an express appointment stays express only inside the express window), checked as its reschedule checks a move, with its own slot not counted against it; its current start is not listed. 409 invalid_transition when it can no longer be moved.";

export const ownAvailabilityCalendarRoute = createRoute({
  operationId: "ownAvailabilityCalendar",
  method: "post",
  path: "/v1/manage/{token}/availability/calendar",
  tags: ["customer"],
  summary: "Per local date: can the customer's appointment move there (public, manage token)",
  description: MOVE_NOTE,
  request: {
    params: ManageTokenParam,
    body: { required: true, content: { "application/json": { schema: OwnCalendarRequest } } },
  },
  responses: {
    200: {
      description: "One entry per date from `from` (default today), `days` long (≤ 62)",
      content: { "application/json": { schema: CalendarResponse } },
    },
    ...problemResponses("not_found", "invalid_transition"),
  },
});

export function registerOwnAvailabilityCalendar(app: ApiApp): void {
  app.openapi(ownAvailabilityCalendarRoute, (c) => {
    const { token } = c.req.valid("param");
    c.header("Cache-Control", "no-store");
    return c.json(ownCalendarByToken(c.get("ctx"), { token, body: c.req.valid("json") }), 200);
  });
}
