import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, trustedOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { putVehicle } from "../../scheduler/vehicle-registry.js";
import { PutVehicleRequest, VehicleParams, VehicleRecord, vehicleRecord } from "./schemas.js";

export const putVehicleRoute = createRoute({
  operationId: "putVehicle",
  method: "put",
  path: "/v1/dealers/{dealerId}/vehicles/{vin}",
  tags: ["vehicles"],
  summary: "Register or update a vehicle the dealer knows (staff or client key)",
  description:
    "Idempotent upsert by VIN. `priority: true` makes the VIN a priority vehicle: an anonymous booking gets express only for such a VIN.",
  security: bearerSecurity,
  request: {
    params: VehicleParams,
    body: { required: true, content: { "application/json": { schema: PutVehicleRequest } } },
  },
  responses: {
    200: { description: "Updated (or unchanged)", content: { "application/json": { schema: VehicleRecord } } },
    201: { description: "Registered", content: { "application/json": { schema: VehicleRecord } } },
    ...problemResponses("not_found"),
  },
});

export function registerPutVehicle(app: ApiApp): void {
  app.openapi({ ...putVehicleRoute, middleware: [trustedOnly] as const }, (c) => {
    const { dealerId, vin } = c.req.valid("param");
    const { row, created } = putVehicle(c.get("ctx"), { dealerId, vin, body: c.req.valid("json") });
    return c.json(vehicleRecord(row), created ? 201 : 200);
  });
}
