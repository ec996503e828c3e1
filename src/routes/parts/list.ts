import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { PartsOrderList } from "../../scheduler/parts/contracts.js";
import { listParts } from "../../scheduler/parts/orders.js";
import { AppointmentParams } from "../shared.js";

export const listPartsRoute = createRoute({
  operationId: "listParts",
  method: "get",
  path: "/v1/dealers/{dealerId}/appointments/{id}/parts",
  tags: ["parts"],
  summary: "The parts ordered for the appointment, with deposits and arrival (staff)",
  security: bearerSecurity,
  request: { params: AppointmentParams },
  responses: {
    200: {
      description: "The orders, oldest first; ETag is the appointment's version",
      content: { "application/json": { schema: PartsOrderList } },
    },
    ...problemResponses("not_found", "unauthorized", "forbidden"),
  },
});

export function registerListParts(app: ApiApp): void {
  app.openapi({ ...listPartsRoute, middleware: [staffOnly] as const }, (c) => {
    const list = listParts(c.get("ctx"), c.req.valid("param"));
    c.header("ETag", `"${list.version}"`);
    return c.json(list, 200);
  });
}
