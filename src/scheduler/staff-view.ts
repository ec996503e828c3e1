import type { Db } from "../db/sqlite-handle.js";
import type { AppointmentRow } from "../db/repos/appointments.js";
import type { BoardVehicle, ContactView, Customer, PossibleMatch, Vehicle } from "./contracts.js";
import { customerById } from "../db/repos/people.js";

// What staff see of an appointment's customer, and never the public: the contact it was
// booked with (advisors must be able to call them), the car (the day board names a slot
// by it when the contact has no name) and, for an anonymous booking that matched a
// stored customer, that customer as the dealer knows them (possibleMatch).

export function bookedContact(row: Pick<AppointmentRow, "customerJson">): ContactView {
  const c = JSON.parse(row.customerJson) as Pick<Customer, "name" | "email" | "phone">;
  return { name: c.name, email: c.email ?? null, phone: c.phone ?? null };
}

/**
 * The car as the day board names it: model and plate (null when none was given). Not the
 * VIN: the board names a car, the appointment's own view files it.
 */
export function bookedVehicle(row: Pick<AppointmentRow, "vehicleJson">): BoardVehicle {
  const v = JSON.parse(row.vehicleJson) as Pick<Vehicle, "model" | "plate">;
  return { model: v.model, plate: v.plate ?? null };
}

/** The stored suggestion, with the stored customer's contact; null when none (or it is gone). */
export function possibleMatchOf(db: Db, row: Pick<AppointmentRow, "possibleMatchJson">): PossibleMatch | null {
  if (!row.possibleMatchJson) return null;
  const m = JSON.parse(row.possibleMatchJson) as Omit<PossibleMatch, "customer">;
  const stored = customerById(db, m.customerId);
  if (!stored) return null;
  return { ...m, customer: { name: stored.name, email: stored.email, phone: stored.phone } };
}

export function staffFields(
  db: Db,
  row: AppointmentRow,
): { customer: ContactView; possibleMatch: PossibleMatch | null } {
  return { customer: bookedContact(row), possibleMatch: possibleMatchOf(db, row) };
}
