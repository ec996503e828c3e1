import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { LateRequest } from "../../scheduler/reshuffle/contracts.js";
import { runningLate } from "../../scheduler/reshuffle/late.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";
import { sendOutcome } from "../outcome.js";
import { RESHUFFLE_DESCRIPTION, reshuffleResponses } from "./shared.js";

export const lateRoute = createRoute({
  operationId: "runningLate",
  method: "post",
  path: "/v1/dealers/{dealerId}/reshuffle/late",
  tags: ["reshuffle"],
  summary: "Running late / overrun: shift one reception and re-seat the knock-on (staff)",
  description:
    "The reception shifts by `minutes` (rounded up to the quarter hour) with the same advisor, past the buffer caps if it must (forced). " +
    "That advisor's later receptions that no longer fit keep their time with another advisor first, else move to the nearest time, " +
    `else are listed for contact with two options. ${RESHUFFLE_DESCRIPTION}`,
  security: bearerSecurity,
  request: {
    params: DealerParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: LateRequest } } },
  },
  responses: reshuffleResponses,
});

export function registerLate(app: ApiApp): void {
  app.openapi({ ...lateRoute, middleware: [staffOnly] as const }, (c) => {
    return sendOutcome(
      c,
      runningLate(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
