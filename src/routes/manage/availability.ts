import { createRoute } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import {
  CalendarResponse,
  DayResponse,
  OwnCalendarRequest,
  OwnDayRequest,
} from "../../scheduler/calendar-contracts.js";
import { ownCalendarByToken, ownDayByToken } from "../../scheduler/manage.js";
import { ManageTokenParam } from "./get.js";

// The customer's page asks where the appointment can move: the widget's calendar and day
// list, answered for the token's own appointment (its job, reception length, mobility,
// priority and express flag as stored, its own slot not in its way), so that every time
// offered is one POST /v1/manage/{token}/reschedule accepts. The body names dates only.

const MOVE_NOTE =
  "The appointment's own job, reception length, mobility, priority and express flag as booked (nothing the caller says), checked as its reschedule checks a move, with its own slot not counted against it; its current start is not listed. 409 invalid_transition when it can no longer be moved.";

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

export function registerOwnAvailability(app: ApiApp): void {
  app.openapi(ownAvailabilityCalendarRoute, (c) => {
    const { token } = c.req.valid("param");
    c.header("Cache-Control", "no-store");
    return c.json(ownCalendarByToken(c.get("ctx"), { token, body: c.req.valid("json") }), 200);
  });
  app.openapi(ownAvailabilityDayRoute, (c) => {
    const { token } = c.req.valid("param");
    c.header("Cache-Control", "no-store");
    return c.json(ownDayByToken(c.get("ctx"), { token, body: c.req.valid("json") }), 200);
  });
}
