import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { recordAbsence } from "../../scheduler/reshuffle/absence.js";
import { AbsenceRequest } from "../../scheduler/reshuffle/contracts.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";
import { sendOutcome } from "../outcome.js";
import { RESHUFFLE_DESCRIPTION, reshuffleResponses } from "./shared.js";

export const absenceRoute = createRoute({
  operationId: "recordAbsence",
  method: "post",
  path: "/v1/dealers/{dealerId}/reshuffle/absence",
  tags: ["reshuffle"],
  summary: "Record an advisor's absence and re-plan their appointments (staff)",
  description:
    "start/end: local date-times (dealer's zone) or instants with offset. The plan keeps each customer's time with another advisor first, " +
    "changes a time only when nobody is free then (nearest time first), and lists the rest for contact with two options; " +
    "customers whose time changes are in `notify`. Applied, the absence is stored in the dealer's configuration " +
    `(advisors[].absences) in the same transaction. ${RESHUFFLE_DESCRIPTION}`,
  security: bearerSecurity,
  request: {
    params: DealerParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: AbsenceRequest } } },
  },
  responses: reshuffleResponses,
});

export function registerAbsence(app: ApiApp): void {
  app.openapi({ ...absenceRoute, middleware: [staffOnly] as const }, (c) => {
    return sendOutcome(
      c,
      recordAbsence(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
