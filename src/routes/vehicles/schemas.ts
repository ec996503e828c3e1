import { z } from "@hono/zod-openapi";
import { FIELD_MAX } from "../../core/field-limits.js";
import { LocalDate, oneLine, oneLineTrimmed } from "../../core/primitives.js";
import type { VehicleRow } from "../../db/repos/people.js";
import { Vin } from "../../scheduler/contracts.js";
import { DealerParam } from "../shared.js";

// The vehicle registry's HTTP shapes (PUT/GET /v1/dealers/{dealerId}/vehicles/{vin}).

export const VehicleParams = DealerParam.extend({
  vin: Vin.openapi({ param: { name: "vin", in: "path" }, example: "ZAMXXXXXXXX000001" }),
});

export const PutVehicleRequest = z
  .object({
    model: oneLineTrimmed(1, FIELD_MAX.model).openapi({ example: "MC20" }),
    /** A priority vehicle: express reserve, caps override, courtesy car or P&D, for anyone booking with this VIN. */
    priority: z.boolean(),
    plate: oneLine(0, FIELD_MAX.plate).optional(),
    electrified: z.boolean().optional(),
    /** Local date of the next scheduled maintenance (YYYY-MM-DD): drives the service reminder. */
    nextServiceDue: LocalDate.optional(),
    /** The owner: a customer id of this dealer. */
    customerRef: z.string().min(1).max(64).optional(),
  })
  .strict()
  .openapi("PutVehicleRequest");
export type PutVehicleRequest = z.infer<typeof PutVehicleRequest>;

export const VehicleRecord = z
  .object({
    vin: z.string(),
    model: z.string(),
    priority: z.boolean(),
    plate: z.string().nullable(),
    electrified: z.boolean(),
    nextServiceDue: z.string().nullable(),
    customerRef: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("VehicleRecord");
export type VehicleRecord = z.infer<typeof VehicleRecord>;

export function vehicleRecord(row: VehicleRow): VehicleRecord {
  return {
    vin: row.vin,
    model: row.model,
    priority: row.priority,
    plate: row.plate,
    electrified: row.electrified,
    nextServiceDue: row.nextServiceDue,
    customerRef: row.ownerCustomerId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
