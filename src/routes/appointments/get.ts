import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { getAppointment } from "../../scheduler/appointment.js";
import { AppointmentView } from "../../scheduler/contracts.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { AppointmentParams } from "../shared.js";

export const getAppointmentRoute = createRoute({
  method: "get",
  path: "/v1/dealers/{dealerId}/appointments/{id}",
  tags: ["appointments"],
  summary: "One appointment (staff)",
  security: bearerSecurity,
  request: { params: AppointmentParams },
  responses: {
    200: { description: "The appointment; ETag is its version", content: { "application/json": { schema: AppointmentView } } },
    ...problemResponses("not_found", "unauthorized", "forbidden"),
  },
});

export function registerGetAppointment(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...getAppointmentRoute, middleware: [staffOnly(deps)] as const }, (c) => {
    const { dealerId, id } = c.req.valid("param");
    const view = getAppointment(deps.db, runtimes, dealerId, id);
    c.header("ETag", `"${view.version}"`);
    return c.json(view, 200);
  });
}
