import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { writeContext } from "../../api/write-context.js";
import { getDealer } from "../../db/repos/dealers.js";
import { recordAbsence } from "../../scheduler/reshuffle/absence.js";
import { AbsenceRequest } from "../../scheduler/reshuffle/contracts.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";
import { RESHUFFLE_DESCRIPTION, reshuffleResponses, sendPlan } from "./shared.js";

export const absenceRoute = createRoute({
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
  request: { params: DealerParam, headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: AbsenceRequest } } } },
  responses: reshuffleResponses,
});

export function registerAbsence(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...absenceRoute, middleware: [staffOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const body = c.req.valid("json");
    const out = recordAbsence(writeContext(c, deps, runtimes, "POST /v1/dealers/{dealerId}/reshuffle/absence", body), dealerId, body);
    if (body.mode === "apply" && !out.replayed) {
      // The configuration changed: whoever listens for dealer changes hears of it.
      const stored = getDealer(deps.db, dealerId);
      if (stored) deps.onDealerChanged?.(dealerId, stored.config);
    }
    return sendPlan(c, out);
  });
}
