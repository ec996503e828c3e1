import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { cancelPart } from "../../scheduler/parts/orders.js";
import { PartsActionRequest, PartsOrderChange } from "../../scheduler/parts/contracts.js";
import { sendOutcome } from "../outcome.js";
import { VersionedWriteHeaders } from "../shared.js";
import { PartsOrderParams } from "./params.js";

export const cancelPartRoute = createRoute({
  operationId: "cancelPart",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments/{id}/parts/{partId}/cancel",
  tags: ["parts"],
  summary: "Cancel a part not yet arrived (staff)",
  description:
    "Only an ordered part is cancelled (an arrived one: 409 invalid_transition); cancelling again changes nothing. A deposit paid stays recorded on the order. If-Match (the appointment's version) is optional.",
  security: bearerSecurity,
  request: {
    params: PartsOrderParams,
    headers: VersionedWriteHeaders,
    body: { required: false, content: { "application/json": { schema: PartsActionRequest } } },
  },
  responses: {
    200: {
      description: "Cancelled (now or before); the order and the appointment's version (also the ETag)",
      content: { "application/json": { schema: PartsOrderChange } },
    },
    ...problemResponses("not_found", "unauthorized", "forbidden", "invalid_transition", "version_conflict"),
  },
});

export function registerCancelPart(app: ApiApp): void {
  app.openapi({ ...cancelPartRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, id, partId } = c.req.valid("param");
    const ifMatch = ifMatchVersion(c, false);
    const out = await write(ctx.writes, () => cancelPart(ctx, { dealerId, id, partId, ifMatch }));
    return sendOutcome(c, out, 200, out.body.version);
  });
}
