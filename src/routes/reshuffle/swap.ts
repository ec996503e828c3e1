import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { writeContext } from "../../api/write-context.js";
import { SwapRequest } from "../../scheduler/reshuffle/contracts.js";
import { swapAppointments } from "../../scheduler/reshuffle/swap.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";
import { RESHUFFLE_DESCRIPTION, reshuffleResponses, sendPlan } from "./shared.js";

export const swapRoute = createRoute({
  method: "post",
  path: "/v1/dealers/{dealerId}/reshuffle/swap",
  tags: ["reshuffle"],
  summary: "Swap two receptions: slots, times or advisors (staff)",
  description: `Both move or neither does. ${RESHUFFLE_DESCRIPTION}`,
  security: bearerSecurity,
  request: { params: DealerParam, headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: SwapRequest } } } },
  responses: reshuffleResponses,
});

export function registerSwap(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...swapRoute, middleware: [staffOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const body = c.req.valid("json");
    return sendPlan(c, swapAppointments(writeContext(c, deps, runtimes, "POST /v1/dealers/{dealerId}/reshuffle/swap", body), dealerId, body));
  });
}
