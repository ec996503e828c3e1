import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { markPartArrived } from "../../scheduler/parts/arrival.js";
import { PartsActionRequest, PartsOrderChange } from "../../scheduler/parts/contracts.js";
import { sendOutcome } from "../outcome.js";
import { VersionedWriteHeaders } from "../shared.js";
import { PartsOrderParams } from "./params.js";

export const partArrivedRoute = createRoute({
  operationId: "markPartArrived",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments/{id}/parts/{partId}/arrive",
  tags: ["parts"],
  summary: "The part arrived: tell the customer within 1 business day (staff)",
  description:
    "In one transaction: the customer's parts_arrived message on their consented channel, or a call task for the service desk due by the deadline when they cannot be messaged, and a timer at the deadline (close of the dealer's next open day) that raises a desk task if no message was delivered by then. An unpaid deposit does not hold it back; the message says what is due. Arriving again changes and sends nothing. If-Match (the appointment's version) is optional.",
  security: bearerSecurity,
  request: {
    params: PartsOrderParams,
    headers: VersionedWriteHeaders,
    body: { required: false, content: { "application/json": { schema: PartsActionRequest } } },
  },
  responses: {
    200: {
      description: "Arrived (now or before); the order and the appointment's version (also the ETag)",
      content: { "application/json": { schema: PartsOrderChange } },
    },
    ...problemResponses("not_found", "unauthorized", "forbidden", "invalid_transition", "version_conflict"),
  },
});

export function registerPartArrived(app: ApiApp): void {
  app.openapi({ ...partArrivedRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, id, partId } = c.req.valid("param");
    const ifMatch = ifMatchVersion(c, false);
    const out = await write(ctx.writes, () => markPartArrived(ctx, { dealerId, id, partId, ifMatch }));
    return sendOutcome(c, out, 200, out.body.version);
  });
}
