import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { PartsOrderChange, PartsOrderRequest } from "../../scheduler/parts/contracts.js";
import { orderPart } from "../../scheduler/parts/orders.js";
import { sendOutcome } from "../outcome.js";
import { AppointmentParams, VersionedWriteHeaders } from "../shared.js";

export const orderPartRoute = createRoute({
  operationId: "orderPart",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments/{id}/parts",
  tags: ["parts"],
  summary: "Record a part ordered for the appointment (staff)",
  description:
    "A special-order part priced at or above the dealer's parts.depositThresholdCents needs a deposit of at least half its price, rounded up to the cent: depositCents may ask more (up to the price), never less (400 naming minimumCents). Unsaid, the minimum is asked. The price is at most the currency's cap, about 1,000,000 euros' worth (400 naming maxCents). Requires If-Match with the appointment's version (428 precondition_required without it): an order is not idempotent, so a retry of an order whose answer was lost meets 412 version_conflict instead of recording the part twice. The answer's version is the appointment's next one.",
  security: bearerSecurity,
  request: {
    params: AppointmentParams,
    headers: VersionedWriteHeaders,
    body: { required: true, content: { "application/json": { schema: PartsOrderRequest } } },
  },
  responses: {
    201: {
      description: "Recorded; the order and the appointment's new version (also the ETag)",
      content: { "application/json": { schema: PartsOrderChange } },
    },
    ...problemResponses(
      "not_found",
      "unauthorized",
      "forbidden",
      "invalid_transition",
      "version_conflict",
      "precondition_required",
    ),
  },
});

export function registerOrderPart(app: ApiApp): void {
  app.openapi({ ...orderPartRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, id } = c.req.valid("param");
    // Required, as for a deposit payment: the one parts write that is not idempotent by
    // itself (arrive and cancel again change nothing, so theirs stays optional).
    const ifMatch = ifMatchVersion(c, true)!;
    const body = c.req.valid("json");
    const out = await write(ctx.writes, () => orderPart(ctx, { dealerId, id, ifMatch, body }));
    return sendOutcome(c, out, 201, out.body.version);
  });
}
