import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { releaseHold } from "../../scheduler/holds/release.js";
import { DealerParam } from "../shared.js";

export const releaseHoldRoute = createRoute({
  operationId: "releaseHold",
  method: "delete",
  path: "/v1/dealers/{dealerId}/holds/{holdId}",
  tags: ["holds"],
  summary: "Release a hold: its slot is offered again at once (public; the holdId is the capability)",
  request: {
    params: DealerParam.extend({
      holdId: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: "holdId", in: "path" } }),
    }),
  },
  responses: {
    204: { description: "Released" },
    ...problemResponses("not_found"),
  },
});

export function registerReleaseHold(app: ApiApp): void {
  app.openapi(releaseHoldRoute, (c) => {
    releaseHold(c.get("ctx"), c.req.valid("param"));
    return c.body(null, 204);
  });
}
