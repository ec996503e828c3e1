import { audit } from "../appointments-repo.js";
import { contactHashes } from "../contact-cap.js";
import { isoNow, type WriteContext } from "../context.js";
import type { BookingRequest } from "../contracts.js";
import { personaOf } from "./persona.js";
import { customerById, type CustomerRow, findCustomer, findVehicle, insertCustomer, insertVehicle, updateCustomer, updateVehicle, type VehicleRow } from "./people-repo.js";

// Links a booking to its customer and vehicle records, inside the booking transaction.
// The customer is matched by email, then phone; the vehicle by VIN. A vehicle whose
// recorded owner is another customer changes owner, and the audit log says so (by ids).
// Latest booking wins for contact preferences: consent given or withdrawn here is what
// every later reminder obeys.

export interface Linked {
  customer: CustomerRow;
  vehicle: VehicleRow | null;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** By email, then phone; failing both, the VIN's recorded owner if the name agrees. */
function matchCustomer(ctx: WriteContext, dealerId: string, req: BookingRequest): CustomerRow | undefined {
  const hashes = contactHashes(req.customer);
  const hit = findCustomer(ctx.db, dealerId, hashes.email, hashes.phone);
  if (hit || !req.vehicle.vin) return hit;
  const ownerId = findVehicle(ctx.db, dealerId, req.vehicle.vin.toUpperCase())?.ownerCustomerId;
  const owner = ownerId ? customerById(ctx.db, ownerId) : undefined;
  return owner && sameName(owner.name, req.customer.name) ? owner : undefined;
}

function upsertCustomer(ctx: WriteContext, dealerId: string, req: BookingRequest, at: string): CustomerRow {
  const c = req.customer;
  const hashes = contactHashes(c);
  const persona = personaOf(c);
  const existing = matchCustomer(ctx, dealerId, req);
  const prefs = {
    name: c.name,
    ...(c.email ? { email: c.email, emailHash: hashes.email } : {}),
    ...(c.phone ? { phone: c.phone, phoneHash: hashes.phone } : {}),
    ...(c.reminders ? { reminderConsent: c.reminders.consent, preferredChannel: c.reminders.channel } : {}),
    ...(c.locale ? { locale: c.locale } : {}),
    ...(persona ? { persona: persona.persona, personaSource: persona.source } : {}),
    updatedAt: at,
  };
  if (existing) {
    updateCustomer(ctx.db, existing.id, prefs);
    return { ...existing, ...prefs };
  }
  const row: CustomerRow = {
    id: crypto.randomUUID(), dealerId, email: null, phone: null, emailHash: null, phoneHash: null,
    preferredChannel: null, reminderConsent: false, locale: null, persona: null, personaSource: null, createdAt: at, ...prefs,
  };
  insertCustomer(ctx.db, row);
  return row;
}

function upsertVehicle(ctx: WriteContext, dealerId: string, appointmentId: string, req: BookingRequest, owner: CustomerRow, at: string): VehicleRow | null {
  const v = req.vehicle;
  if (!v.vin) return null; // without a VIN there is nothing to identify the car by
  const vin = v.vin.toUpperCase();
  const facts = {
    model: v.model,
    ...(v.plate ? { plate: v.plate } : {}),
    ...(v.electrified !== undefined ? { electrified: v.electrified } : {}),
    ...(v.nextServiceDue ? { nextServiceDue: v.nextServiceDue } : {}),
    updatedAt: at,
  };
  const existing = findVehicle(ctx.db, dealerId, vin);
  if (!existing) {
    const row: VehicleRow = { id: crypto.randomUUID(), dealerId, vin, plate: null, electrified: false, nextServiceDue: null, createdAt: at, ownerCustomerId: owner.id, ...facts };
    insertVehicle(ctx.db, row);
    return row;
  }
  const patch: Partial<VehicleRow> = { ...facts, ownerCustomerId: owner.id };
  if (existing.ownerCustomerId !== owner.id) {
    audit(ctx.db, {
      dealerId, appointmentId, at, actor: ctx.actor, action: "vehicle.ownership_changed",
      before: { vehicleId: existing.id, ownerCustomerId: existing.ownerCustomerId },
      after: { vehicleId: existing.id, ownerCustomerId: owner.id },
    });
  }
  updateVehicle(ctx.db, existing.id, patch);
  return { ...existing, ...patch };
}

export function linkPeople(ctx: WriteContext, dealerId: string, appointmentId: string, req: BookingRequest): Linked {
  const at = isoNow(ctx);
  const customer = upsertCustomer(ctx, dealerId, req, at);
  return { customer, vehicle: upsertVehicle(ctx, dealerId, appointmentId, req, customer, at) };
}
