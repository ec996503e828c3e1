import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { WalkInRequest } from "../../scheduler/reshuffle/contracts.js";
import { receiveWalkIn } from "../../scheduler/reshuffle/walk-in.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";
import { sendOutcome } from "../outcome.js";
import { RESHUFFLE_DESCRIPTION, reshuffleResponses } from "./shared.js";

export const walkInRoute = createRoute({
  operationId: "receiveWalkIn",
  method: "post",
  path: "/v1/dealers/{dealerId}/reshuffle/walk-in",
  tags: ["reshuffle"],
  summary: "Receive a walk-in now or at the nearest gap today (staff)",
  description:
    "Any advisor (advisorId is a preference). Past the buffer caps when only the buffer stands in the way (walkIn.forced). " +
    "Applied, it creates a confirmed appointment (channel walk_in): `created`, and its manage token as `manageToken`. " +
    `409 slot_unavailable with the next options when today has no room. ${RESHUFFLE_DESCRIPTION}`,
  security: bearerSecurity,
  request: {
    params: DealerParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: WalkInRequest } } },
  },
  responses: reshuffleResponses,
});

export function registerWalkIn(app: ApiApp): void {
  app.openapi({ ...walkInRoute, middleware: [staffOnly] as const }, (c) => {
    return sendOutcome(
      c,
      receiveWalkIn(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
