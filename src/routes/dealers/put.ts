import { createRoute, z } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { ReshufflePlan } from "../../scheduler/reshuffle/plan-schema.js";
import { adminView, DealerAdminView, DealerConfigSchema, DealerIdParam } from "./schemas.js";
import { putDealer } from "../../scheduler/dealers.js";
import { statesThreshold } from "../../core/parts-currency.js";

export const PutDealerQuery = z.object({
  apply: z.enum(["plan"]).optional().openapi({
    description:
      "Apply the plan of moves as computed now, in this same request, if the change would strand appointments",
  }),
  planToken: z.string().min(1).max(4000).optional().openapi({
    description:
      "Apply exactly the plan a previous 409 config_conflict offered (its plan.planToken); 412 when anything it pinned changed",
  }),
  thresholdIn: z
    .string()
    .regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as EUR")
    .optional()
    .openapi({
      description:
        "With a change of parts.currency: the body's parts.depositThresholdCents keeps its number and is meant in this currency, the new one (400 naming thresholdIn for any other)",
    }),
});

export const DealerPutResult = DealerAdminView.safeExtend({
  appliedPlan: ReshufflePlan.optional().openapi({
    description: "The moves committed with the configuration (kind config), when it needed any",
  }),
}).openapi("DealerPutResult");

export const putDealerRoute = createRoute({
  operationId: "putDealer",
  method: "put",
  path: "/v1/dealers/{dealerId}",
  tags: ["dealers"],
  summary: "Create or replace a dealer's whole configuration (admin)",
  description:
    "Every field but name and timeZone has a default; the response is the normalized configuration. " +
    "Re-sending an identical configuration changes nothing (same version). " +
    "The bootstrap admin token may create any dealer; a dealer's admin API key may only replace its own. " +
    "A change that would leave a future appointment without its advisor, on a closure, outside opening hours, beyond the courtesy-car fleet " +
    "or beyond workshop capacity changes nothing and answers 409 config_conflict: `appointments` ([{ id, reason }]), `conflicts` (each appointment, its version and every reason's code) and `plan`, " +
    "the moves that would resolve it (kind config). Apply it with ?apply=plan (as computed then) or ?planToken=<plan.planToken> " +
    "(exactly that plan; 412 when stale): the moves and the configuration commit together. " +
    "A change of parts.currency must state parts.depositThresholdCents in the same body (it counts minor units of the currency): " +
    "a new number, or the same one with ?thresholdIn=<the new currency> (a configuration kept from a PUT's answer and sent back with only the currency changed " +
    "carries the old number unchosen); otherwise 400 validation_failed naming parts.depositThresholdCents. Parts already ordered keep their own currency.",
  security: bearerSecurity,
  request: {
    params: DealerIdParam,
    query: PutDealerQuery,
    body: { required: true, content: { "application/json": { schema: DealerConfigSchema } } },
  },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: DealerPutResult } } },
    201: { description: "Created", content: { "application/json": { schema: DealerPutResult } } },
    ...problemResponses("not_found", "config_conflict", "version_conflict", "rule_violation"),
  },
});

export function registerPutDealer(app: ApiApp): void {
  // Auth as route middleware: it runs before body validation, so anonymous callers get 401.
  app.openapi({ ...putDealerRoute, middleware: [adminOnly] as const }, async (c) => {
    // Whether the threshold was SENT, which the validated body (defaults filled) no longer
    // says: the body as it came (hono keeps its text; it was valid JSON to get here).
    const query = c.req.valid("query");
    const { result, plan } = putDealer(c.get("ctx"), {
      dealerId: c.req.valid("param").dealerId,
      body: c.req.valid("json"),
      query,
      threshold: { stated: statesThreshold(await c.req.json()), keptIn: query.thresholdIn },
    });
    const body = plan ? { ...adminView(result.dealer), appliedPlan: plan } : adminView(result.dealer);
    if (result.created) {
      c.header("Location", `/v1/dealers/${result.dealer.id}`);
      return c.json(body, 201);
    }
    return c.json(body, 200);
  });
}
