import { createRoute } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { CampaignList, CampaignSummary, replaceCampaigns } from "../../scheduler/journey/campaigns.js";
import { DealerParam } from "../shared.js";

export const putCampaignsRoute = createRoute({
  operationId: "putCampaigns",
  method: "put",
  path: "/v1/dealers/{dealerId}/campaigns",
  tags: ["journey"],
  summary: "Replace the dealer's open recall/service campaigns (admin)",
  description:
    "The whole list, each with the VINs it covers; bookings for a listed VIN carry its campaigns in their file.",
  security: bearerSecurity,
  request: { params: DealerParam, body: { required: true, content: { "application/json": { schema: CampaignList } } } },
  responses: {
    200: { description: "Stored", content: { "application/json": { schema: CampaignSummary } } },
    ...problemResponses("not_found"),
  },
});

export function registerPutCampaigns(app: ApiApp): void {
  app.openapi({ ...putCampaignsRoute, middleware: [adminOnly] as const }, (c) => {
    return c.json(
      replaceCampaigns(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, body: c.req.valid("json") }),
      200,
    );
  });
}
