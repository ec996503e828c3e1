import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { calendarByToken } from "../../scheduler/manage.js";
import { ManageTokenParam } from "./get.js";

export const ownCalendarRoute = createRoute({
  operationId: "getOwnCalendar",
  method: "get",
  path: "/v1/manage/{token}/calendar.ics",
  tags: ["customer"],
  summary: "The customer's appointment as an iCalendar file (public, manage token)",
  description: "RFC 5545: the reception and, when planned, the return; stable UIDs, SEQUENCE = version, times in UTC.",
  request: { params: ManageTokenParam },
  responses: {
    200: { description: "text/calendar", content: { "text/calendar": { schema: z.string() } } },
    ...problemResponses("not_found"),
  },
});

export function registerOwnCalendar(app: ApiApp): void {
  app.openapi(ownCalendarRoute, (c) => {
    const ics = calendarByToken(c.get("ctx"), c.req.valid("param"));
    return c.body(ics, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="appointment.ics"',
      "Cache-Control": "no-store",
    });
  });
}
