import { newId } from "../../lib/ids.js";
import { audit } from "../../db/repos/appointments.js";
import { contactHashes } from "../contact-cap.js";
import { isoNow, type WriteContext } from "../context.js";
import type { BookingRequest, PossibleMatch } from "../contracts.js";
import type { Caller } from "../trust.js";
import { personaOf } from "./persona.js";
import {
  customerById,
  type CustomerRow,
  findCustomer,
  findVehicle,
  insertCustomer,
  registerVehicle,
  updateCustomer,
  updateVehicle,
  type VehicleRow,
} from "../../db/repos/people.js";

// Links a booking to its customer and vehicle records, inside the booking transaction.
//
// A TRUSTED caller (staff, a client key): the customer is matched by email, then phone;
// the vehicle by VIN. A vehicle whose recorded owner is another customer changes owner,
// and the audit log says so (by ids). Latest trusted booking wins for contact
// preferences: consent given or withdrawn here is what every later reminder obeys.
//
// An ANONYMOUS caller never changes a stored customer, vehicle or ownership: what they
// typed is believed about what they want, never about who they are. With no match their
// booking creates its own customer (and a vehicle for a VIN not on file); with a match
// the appointment stays unlinked (its reminders go to the contact it was booked with,
// recipients.ts) and carries a possibleMatch for staff to apply (apply-match.ts).

export interface Linked {
  customer: CustomerRow | null;
  vehicle: VehicleRow | null;
  possibleMatch: Omit<PossibleMatch, "customer"> | null;
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

/** `known`: the match as the caller already looked it up (null: none), saving the lookup. */
function upsertCustomer(
  ctx: WriteContext,
  dealerId: string,
  req: BookingRequest,
  at: string,
  known?: CustomerRow | null,
): CustomerRow {
  const c = req.customer;
  const hashes = contactHashes(c);
  const persona = personaOf(c);
  const existing = known === undefined ? matchCustomer(ctx, dealerId, req) : known;
  const prefs = {
    name: c.name,
    ...(c.email ? { email: c.email, emailHash: hashes.email } : {}),
    ...(c.phone ? { phone: c.phone, phoneHash: hashes.phone } : {}),
    ...(c.reminders ? { reminderConsent: c.reminders.consent } : {}),
    // A channel counts only with consent, where the schema made sure its address came with it.
    ...(c.reminders?.consent && c.reminders.channel ? { preferredChannel: c.reminders.channel } : {}),
    ...(c.locale ? { locale: c.locale } : {}),
    ...(persona ? { persona: persona.persona, personaSource: persona.source } : {}),
    updatedAt: at,
  };
  if (existing) {
    updateCustomer(ctx.db, existing.id, prefs, existing);
    return { ...existing, ...prefs };
  }
  const row: CustomerRow = {
    id: newId(),
    dealerId,
    email: null,
    phone: null,
    emailHash: null,
    phoneHash: null,
    preferredChannel: null,
    reminderConsent: false,
    locale: null,
    persona: null,
    personaSource: null,
    createdAt: at,
    ...prefs,
  };
  insertCustomer(ctx.db, row);
  return row;
}

/** `known`: the VIN's record as the caller already looked it up (null: not on file), saving the lookup. */
function upsertVehicle(
  ctx: WriteContext,
  dealerId: string,
  appointmentId: string,
  req: BookingRequest,
  owner: CustomerRow,
  at: string,
  known?: VehicleRow | null,
): VehicleRow | null {
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
  const existing = known === undefined ? findVehicle(ctx.db, dealerId, vin) : known;
  if (!existing) {
    return registerVehicle(ctx.db, dealerId, vin, at, { ...facts, ownerCustomerId: owner.id });
  }
  const patch: Partial<VehicleRow> = { ...facts, ownerCustomerId: owner.id };
  if (existing.ownerCustomerId !== owner.id) {
    audit(ctx.db, {
      dealerId,
      appointmentId,
      at,
      actor: ctx.actor,
      action: "vehicle.ownership_changed",
      before: { vehicleId: existing.id, ownerCustomerId: existing.ownerCustomerId },
      after: { vehicleId: existing.id, ownerCustomerId: owner.id },
    });
  }
  updateVehicle(ctx.db, existing.id, patch);
  return { ...existing, ...patch };
}

export function linkPeople(
  ctx: WriteContext,
  dealerId: string,
  appointmentId: string,
  req: BookingRequest,
  caller: Caller,
): Linked {
  const at = isoNow(ctx);
  if (caller.kind === "anonymous") return linkAnonymous(ctx, dealerId, req, at);
  const customer = upsertCustomer(ctx, dealerId, req, at);
  return { customer, vehicle: upsertVehicle(ctx, dealerId, appointmentId, req, customer, at), possibleMatch: null };
}

/** Who the stored records say this might be, and why; null when nothing on file matches. */
function findMatch(ctx: WriteContext, dealerId: string, req: BookingRequest): Linked["possibleMatch"] {
  const hashes = contactHashes(req.customer);
  const byEmail = hashes.email ? findCustomer(ctx.db, dealerId, hashes.email, null) : undefined;
  const byPhone = hashes.phone ? findCustomer(ctx.db, dealerId, null, hashes.phone) : undefined;
  const vehicle = req.vehicle.vin ? findVehicle(ctx.db, dealerId, req.vehicle.vin.toUpperCase()) : undefined;
  const customerId = byEmail?.id ?? byPhone?.id ?? vehicle?.ownerCustomerId ?? null;
  if (!customerId && !vehicle) return null;
  const by: PossibleMatch["by"] = [];
  if (byEmail && byEmail.id === customerId) by.push("email");
  if (byPhone && byPhone.id === customerId) by.push("phone");
  if (vehicle) by.push("vin");
  return { customerId: customerId ?? "", vehicleId: vehicle?.id ?? null, by };
}

function linkAnonymous(ctx: WriteContext, dealerId: string, req: BookingRequest, at: string): Linked {
  const match = findMatch(ctx, dealerId, req);
  if (match) {
    // A VIN on file without an owner: nobody to suggest, and the vehicle stays as it is.
    return { customer: null, vehicle: null, possibleMatch: match.customerId ? match : null };
  }
  // Nothing matched: no customer by email or phone, no record of the VIN (findMatch just
  // looked, in this transaction), so both are inserted without asking again.
  const customer = upsertCustomer(ctx, dealerId, req, at, null);
  return { customer, vehicle: upsertVehicle(ctx, dealerId, "", req, customer, at, null), possibleMatch: null };
}
