import { createRoute } from "@hono/zod-openapi";
import { actorOf, adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { CampaignList, CampaignSummary, replaceCampaigns } from "../../scheduler/journey/campaigns.js";
import { notFound } from "../../scheduler/errors.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { DealerParam } from "../shared.js";

export const putCampaignsRoute = createRoute({
  method: "put",
  path: "/v1/dealers/{dealerId}/campaigns",
  tags: ["journey"],
  summary: "Replace the dealer's open recall/service campaigns (admin)",
  description: "The whole list, each with the VINs it covers; bookings for a listed VIN carry its campaigns in their file.",
  security: bearerSecurity,
  request: { params: DealerParam, body: { required: true, content: { "application/json": { schema: CampaignList } } } },
  responses: {
    200: { description: "Stored", content: { "application/json": { schema: CampaignSummary } } },
    ...problemResponses("not_found", "unauthorized", "forbidden", "payload_too_large"),
  },
});

export function registerPutCampaigns(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...putCampaignsRoute, middleware: [adminOnly(deps)] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    if (!runtimes.get(dealerId)) throw notFound(`dealer ${dealerId}`);
    const at = new Date(deps.now()).toISOString();
    return c.json(replaceCampaigns(deps.db, deps.sqlite, dealerId, c.req.valid("json"), at, actorOf(c.get("principal"))), 200);
  });
}
