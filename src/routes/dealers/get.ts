import { createRoute } from "@hono/zod-openapi";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { ApiError } from "../../api/errors.js";
import { problemResponses } from "../../api/openapi.js";
import { getDealer } from "../../db/repos/dealers.js";
import { DealerIdParam, DealerPublic, publicView } from "./schemas.js";

export const getDealerRoute = createRoute({
  method: "get",
  path: "/v1/dealers/{dealerId}",
  tags: ["dealers"],
  summary: "Customer-facing dealer information (public)",
  request: { params: DealerIdParam },
  responses: {
    200: { description: "The dealer", content: { "application/json": { schema: DealerPublic } } },
    ...problemResponses("not_found"),
  },
});

export function registerGetDealer(app: ApiApp, deps: AppDeps): void {
  app.openapi(getDealerRoute, (c) => {
    const { dealerId } = c.req.valid("param");
    const dealer = getDealer(deps.db, dealerId);
    if (!dealer) throw new ApiError("not_found", `No dealer ${dealerId}`);
    return c.json(publicView(dealer), 200);
  });
}
