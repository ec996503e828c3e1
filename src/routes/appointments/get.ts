import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { getAppointment } from "../../scheduler/appointment.js";
import { AppointmentView } from "../../scheduler/contracts.js";
import { AppointmentParams } from "../shared.js";

export const getAppointmentRoute = createRoute({
  operationId: "getAppointment",
  method: "get",
  path: "/v1/dealers/{dealerId}/appointments/{id}",
  tags: ["appointments"],
  summary: "One appointment (staff)",
  security: bearerSecurity,
  request: { params: AppointmentParams },
  responses: {
    200: {
      description: "The appointment; ETag is its version",
      content: { "application/json": { schema: AppointmentView } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerGetAppointment(app: ApiApp): void {
  app.openapi({ ...getAppointmentRoute, middleware: [staffOnly] as const }, (c) => {
    const view = getAppointment(c.get("ctx"), c.req.valid("param"));
    c.header("ETag", `"${view.version}"`);
    return c.json(view, 200);
  });
}
