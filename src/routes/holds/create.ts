import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, callerOf, optionalCaller } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { writeContext } from "../../api/write-context.js";
import { DomainError } from "../../scheduler/errors.js";
import { HoldRequest, HoldView } from "../../scheduler/holds/contracts.js";
import { clientHashOf, createHold } from "../../scheduler/holds/create.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam } from "../shared.js";

export const createHoldRoute = createRoute({
  method: "post",
  path: "/v1/dealers/{dealerId}/holds",
  tags: ["holds"],
  summary: "Hold an option for a few minutes while the customer types (public)",
  description:
    "Re-checks the option like a booking and keeps it (its courtesy car, workshop hours and return too) for the dealer's holdMinutes: nobody else is offered it, and only a booking naming the holdId can take it. Capped per client address and per dealer (429 too_many_holds with Retry-After).",
  security: [{}, ...bearerSecurity],
  request: {
    params: DealerParam,
    body: { required: true, content: { "application/json": { schema: HoldRequest } } },
  },
  responses: {
    201: { description: "Held", content: { "application/json": { schema: HoldView } } },
    ...problemResponses("not_found", "slot_unavailable", "too_many_holds", "unauthorized", "rate_limited"),
  },
});

export function registerCreateHold(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...createHoldRoute, middleware: [optionalCaller(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const body = c.req.valid("json");
    const ctx = writeContext(c, deps, runtimes, "POST /v1/dealers/{dealerId}/holds", body);
    const trust = callerOf(c.get("principal"));
    const caller = { clientHash: clientHashOf(deps.clientAddress?.(c) || "unknown"), staff: trust.kind === "staff", trust };
    try {
      return c.json(createHold(ctx, dealerId, body, caller), 201);
    } catch (e) {
      if (e instanceof DomainError && e.code === "too_many_holds") c.header("Retry-After", String(e.extra?.retryAfterSeconds ?? 60));
      throw e;
    }
  });
}
