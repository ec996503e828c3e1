import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, trustedOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { VehicleParams, VehicleRecord, vehicleRecord } from "./schemas.js";
import { getVehicle } from "../../scheduler/vehicle-registry.js";

export const getVehicleRoute = createRoute({
  operationId: "getVehicle",
  method: "get",
  path: "/v1/dealers/{dealerId}/vehicles/{vin}",
  tags: ["vehicles"],
  summary: "A vehicle the dealer knows (staff or client key)",
  security: bearerSecurity,
  request: { params: VehicleParams },
  responses: {
    200: { description: "The vehicle", content: { "application/json": { schema: VehicleRecord } } },
    ...problemResponses("not_found"),
  },
});

export function registerGetVehicle(app: ApiApp): void {
  app.openapi({ ...getVehicleRoute, middleware: [trustedOnly] as const }, (c) => {
    return c.json(vehicleRecord(getVehicle(c.get("ctx"), c.req.valid("param"))), 200);
  });
}
