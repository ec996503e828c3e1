import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, trustedOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { notFound } from "../../scheduler/errors.js";
import { findVehicle } from "../../scheduler/journey/people-repo.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { VehicleParams, VehicleRecord, vehicleRecord } from "./schemas.js";

export const getVehicleRoute = createRoute({
  method: "get",
  path: "/v1/dealers/{dealerId}/vehicles/{vin}",
  tags: ["vehicles"],
  summary: "A vehicle the dealer knows (staff or client key)",
  security: bearerSecurity,
  request: { params: VehicleParams },
  responses: {
    200: { description: "The vehicle", content: { "application/json": { schema: VehicleRecord } } },
    ...problemResponses("not_found", "unauthorized"),
  },
});

export function registerGetVehicle(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...getVehicleRoute, middleware: [trustedOnly(deps)] as const }, (c) => {
    const { dealerId, vin } = c.req.valid("param");
    if (!runtimes.get(dealerId)) throw notFound(`dealer ${dealerId}`);
    const row = findVehicle(deps.db, dealerId, vin.toUpperCase());
    if (!row) throw notFound(`vehicle ${vin}`);
    return c.json(vehicleRecord(row), 200);
  });
}
