import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { reportProgress } from "../../scheduler/progress/report.js";
import { ProgressRequest, ProgressView } from "../../scheduler/progress/contracts.js";
import { sendOutcome } from "../outcome.js";
import { AppointmentParams, VersionedWriteHeaders } from "../shared.js";

export const appointmentProgressRoute = createRoute({
  operationId: "reportProgress",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments/{id}/progress",
  tags: ["appointments"],
  summary: "Report workshop progress; re-plans the technician's day and re-promises (staff)",
  description:
    "Requires If-Match with the current version. Re-plans the technician's remaining jobs; a car now ready after its return gets the return moved (at or after the new time, same advisor when free) unless its mobility would be overbooked (then reported in conflicts and to the advisor); a car ready earlier gets its return brought forward with the same advisor, never sooner than the car-ready call's lead from now (1 h, 4 h for jobs over 2 days), or keeps it (returnKept says why); one ready_time_changed message, and re-timed car-ready and progress-check timers. Extra work is planned only with approved:true; approved:false records it pending and asks the advisor to get the customer's approval.",
  security: bearerSecurity,
  request: {
    params: AppointmentParams,
    headers: VersionedWriteHeaders,
    body: { required: true, content: { "application/json": { schema: ProgressRequest } } },
  },
  responses: {
    200: {
      description: "Recorded and re-planned; the appointment's new version",
      content: { "application/json": { schema: ProgressView } },
    },
    ...problemResponses(
      "not_found",
      "unauthorized",
      "forbidden",
      "invalid_transition",
      "rule_violation",
      "version_conflict",
      "precondition_required",
    ),
  },
});

export function registerAppointmentProgress(app: ApiApp): void {
  app.openapi({ ...appointmentProgressRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, id } = c.req.valid("param");
    const ifMatch = ifMatchVersion(c, true)!;
    const body = c.req.valid("json");
    const out = await write(ctx.writes, () => reportProgress(ctx, { dealerId, id, ifMatch, body }));
    return sendOutcome(c, out, 200, out.body.appointment.version);
  });
}
