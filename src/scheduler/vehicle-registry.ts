import { audit } from "../db/repos/appointments.js";
import { immediate } from "../db/tx.js";
import { customerById, findVehicle, registerVehicle, updateVehicle, type VehicleRow } from "../db/repos/people.js";
import { DomainError, notFound } from "./errors.js";
import { type Ctx, isoNow } from "./context.js";

// The dealer's vehicle registry, written only by staff or a client key (PUT
// /v1/dealers/{dealerId}/vehicles/{vin}). Its `priority` flag is the one thing an
// anonymous booking's VIN can buy priority with (scheduler/trust.ts).

export interface VehicleFacts {
  model: string;
  priority: boolean;
  plate?: string;
  electrified?: boolean;
  nextServiceDue?: string;
  /** A customer id of this dealer: the vehicle's owner (the ownership-change procedure). */
  customerRef?: string;
}

/** Idempotent upsert by (dealer, VIN); audited only when something changed. */
export function putVehicle(
  ctx: Ctx,
  input: { dealerId: string; vin: string; body: VehicleFacts },
): { row: VehicleRow; created: boolean } {
  const { db, sqlite, actor } = ctx;
  const { dealerId, body: f } = input;
  if (!ctx.runtimes.get(dealerId)) throw notFound(`dealer ${dealerId}`);
  const vin = input.vin.toUpperCase();
  const at = isoNow(ctx);
  return immediate(sqlite, () => {
    if (f.customerRef !== undefined) {
      const owner = customerById(db, f.customerRef);
      if (!owner || owner.dealerId !== dealerId) {
        throw new DomainError("validation_failed", "customerRef: no such customer at this dealer", {
          errors: [{ path: "customerRef", message: "no such customer at this dealer", in: "body" }],
        });
      }
    }
    const facts = {
      model: f.model,
      priority: f.priority,
      ...(f.plate !== undefined ? { plate: f.plate } : {}),
      ...(f.electrified !== undefined ? { electrified: f.electrified } : {}),
      ...(f.nextServiceDue !== undefined ? { nextServiceDue: f.nextServiceDue } : {}),
      ...(f.customerRef !== undefined ? { ownerCustomerId: f.customerRef } : {}),
    };
    const existing = findVehicle(db, dealerId, vin);
    if (!existing) {
      const row = registerVehicle(db, dealerId, vin, at, facts);
      audit(db, {
        dealerId,
        appointmentId: null,
        at,
        actor,
        action: "vehicle.registered",
        after: { vehicleId: row.id, ...facts },
      });
      return { row, created: true };
    }
    const changed = (Object.keys(facts) as Array<keyof typeof facts>).some((k) => existing[k] !== facts[k]);
    if (!changed) return { row: existing, created: false };
    const row = { ...existing, ...facts, updatedAt: at };
    updateVehicle(db, existing.id, { ...facts, updatedAt: at });
    const before = Object.fromEntries(Object.keys(facts).map((k) => [k, existing[k as keyof VehicleRow]]));
    audit(db, {
      dealerId,
      appointmentId: null,
      at,
      actor,
      action: "vehicle.updated",
      before: { vehicleId: existing.id, ...before },
      after: { vehicleId: existing.id, ...facts },
    });
    return { row, created: false };
  });
}

/** The registry's record of one VIN at this dealer. */
export function getVehicle(ctx: Ctx, input: { dealerId: string; vin: string }): VehicleRow {
  const { dealerId, vin } = input;
  if (!ctx.runtimes.get(dealerId)) throw notFound(`dealer ${dealerId}`);
  const row = findVehicle(ctx.db, dealerId, vin.toUpperCase());
  if (!row) throw notFound(`vehicle ${vin}`);
  return row;
}
