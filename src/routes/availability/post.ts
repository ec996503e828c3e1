import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, optionalCaller } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { rememberParses } from "../../api/parse-memo.js";
import { jsonTextResponse } from "../../api/response-headers.js";
import { AvailabilityRequest, AvailabilityResponse } from "../../scheduler/contracts.js";
import { searchAvailabilityJson } from "../../scheduler/search.js";
import { DealerParam } from "../shared.js";

export const searchAvailabilityRoute = createRoute({
  operationId: "searchAvailability",
  method: "post",
  path: "/v1/dealers/{dealerId}/availability",
  tags: ["availability"],
  summary: "Bookable reception options, quiet hours first (public; a client or staff key may assert priority)",
  description:
    "Anonymous callers get priority only for a VIN the dealer holds as a priority vehicle; a priority model otherwise gets ordinary options and a priorityNote. An unsaid customer.known means a new customer.",
  security: [{}, ...bearerSecurity],
  request: {
    params: DealerParam,
    // The search never writes to its body: a body text seen before skips JSON.parse and zod (api/parse-memo.ts).
    body: { required: true, content: { "application/json": { schema: rememberParses(AvailabilityRequest) } } },
  },
  responses: {
    200: {
      description: "At least two options when the dealer has two",
      content: { "application/json": { schema: AvailabilityResponse } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerSearchAvailability(app: ApiApp): void {
  app.openapi({ ...searchAvailabilityRoute, middleware: [optionalCaller] as const }, (c) => {
    // Not c.json: the hot path's headers as a plain record (api/response-headers.ts), and
    // the answer as JSON text built from remembered option texts (scheduler/search.ts).
    return jsonTextResponse<AvailabilityResponse, 200>(
      c,
      searchAvailabilityJson(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
