import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { SwapRequest } from "../../scheduler/reshuffle/contracts.js";
import { swapAppointments } from "../../scheduler/reshuffle/swap.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";
import { sendOutcome } from "../outcome.js";
import { RESHUFFLE_DESCRIPTION, reshuffleResponses } from "./shared.js";

export const swapRoute = createRoute({
  operationId: "swapAppointments",
  method: "post",
  path: "/v1/dealers/{dealerId}/reshuffle/swap",
  tags: ["reshuffle"],
  summary: "Swap two receptions: slots, times or advisors (staff)",
  description: `Both move or neither does. ${RESHUFFLE_DESCRIPTION}`,
  security: bearerSecurity,
  request: {
    params: DealerParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: SwapRequest } } },
  },
  responses: reshuffleResponses,
});

export function registerSwap(app: ApiApp): void {
  app.openapi({ ...swapRoute, middleware: [staffOnly] as const }, (c) => {
    return sendOutcome(
      c,
      swapAppointments(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
