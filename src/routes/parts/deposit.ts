import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { DepositPayment, PartsOrderChange } from "../../scheduler/parts/contracts.js";
import { payDeposit } from "../../scheduler/parts/orders.js";
import { sendOutcome } from "../outcome.js";
import { VersionedWriteHeaders } from "../shared.js";
import { PartsOrderParams } from "./params.js";

export const payDepositRoute = createRoute({
  operationId: "payPartsDeposit",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments/{id}/parts/{partId}/deposit",
  tags: ["parts"],
  summary: "Record a deposit payment on a parts order (staff)",
  description:
    "Requires If-Match with the appointment's version: a payment is recorded against what the advisor saw, so two desks cannot both record it (and a retry carries the same Idempotency-Key). The deposits paid never exceed the part's price (400 naming maxCents).",
  security: bearerSecurity,
  request: {
    params: PartsOrderParams,
    headers: VersionedWriteHeaders,
    body: { required: true, content: { "application/json": { schema: DepositPayment } } },
  },
  responses: {
    200: {
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

export function registerPayDeposit(app: ApiApp): void {
  app.openapi({ ...payDepositRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, id, partId } = c.req.valid("param");
    const ifMatch = ifMatchVersion(c, true)!;
    const body = c.req.valid("json");
    const out = await write(ctx.writes, () => payDeposit(ctx, { dealerId, id, partId, ifMatch, body }));
    return sendOutcome(c, out, 200, out.body.version);
  });
}
