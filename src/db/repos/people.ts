import { newId } from "../../lib/ids.js";
import { customers, vehicles } from "../schema.js";
import { stmt } from "../prepared.js";
import type { Db, SqliteHandle } from "../sqlite-handle.js";
import { sqliteOf, tableRows } from "./rows.js";

// Customer and vehicle rows. Called inside the booking transaction. Customer rows hold
// personal data: never log a row, only its id.

export type CustomerRow = typeof customers.$inferSelect;
export type VehicleRow = typeof vehicles.$inferSelect;

const C = tableRows(customers);
const V = tableRows(vehicles);
const CUSTOMERS = `SELECT ${C.columns} FROM customers`;
const VEHICLES = `SELECT ${V.columns} FROM vehicles`;

/** UPDATE <table> SET <the patch's columns> WHERE id = ?: one statement per patch shape. */
function updateById(db: Db, t: typeof C | typeof V, id: string, patch: object): void {
  const set = t.set(patch);
  if (set.keys.length === 0) return;
  stmt(sqliteOf(db), `UPDATE ${t.name} SET ${set.sql} WHERE id = ?`).run(...set.params, id);
}

export function customerById(db: Db, id: string): CustomerRow | undefined {
  return C.decode(stmt(sqliteOf(db), `${CUSTOMERS} WHERE id = ?`).get(id));
}

/** The dealer's customer with this email hash, else this phone hash (most recent first). */
export function findCustomer(
  db: Db,
  dealerId: string,
  emailHash: string | null,
  phoneHash: string | null,
): CustomerRow | undefined {
  if (emailHash) {
    const hit = C.decode(
      stmt(sqliteOf(db), `${CUSTOMERS} WHERE dealer_id = ? AND email_hash = ?`).get(dealerId, emailHash),
    );
    if (hit) return hit;
  }
  if (phoneHash)
    return C.decode(stmt(sqliteOf(db), `${CUSTOMERS} WHERE dealer_id = ? AND phone_hash = ?`).get(dealerId, phoneHash));
  return undefined;
}

export function insertCustomer(db: Db, row: CustomerRow): void {
  stmt(sqliteOf(db), C.insert).run(...C.values(row));
}

// Before a customer's email or phone hash changes, its bookings counted through it (own
// contact not indexed, db/repos/appointments.ts) get their own index entries back, so
// the contact cap still counts each under the contact it was made with. Only rows whose
// customer's stored hash really differs from the patch's, and only the given fields.
const KEEP_OWN_CONTACTS_COUNTED =
  "UPDATE appointments SET own_contact_indexed = 1 WHERE customer_id = ? AND own_contact_indexed = 0" +
  " AND EXISTS (SELECT 1 FROM customers c WHERE c.id = appointments.customer_id" +
  " AND ((? = 1 AND c.email_hash IS NOT ?) OR (? = 1 AND c.phone_hash IS NOT ?)))";

/**
 * `current`: the row as the caller read it in this transaction; when the patch leaves its
 * hashes as they are, the bookings' flags are not even looked at (a returning customer's
 * trusted booking repeats them every time).
 */
export function updateCustomer(
  db: Db,
  id: string,
  patch: Partial<CustomerRow>,
  current?: Pick<CustomerRow, "emailHash" | "phoneHash">,
): void {
  const email = "emailHash" in patch && (!current || patch.emailHash !== current.emailHash);
  const phone = "phoneHash" in patch && (!current || patch.phoneHash !== current.phoneHash);
  if (email || phone)
    stmt(sqliteOf(db), KEEP_OWN_CONTACTS_COUNTED).run(
      id,
      email ? 1 : 0,
      patch.emailHash ?? null,
      phone ? 1 : 0,
      patch.phoneHash ?? null,
    );
  updateById(db, C, id, patch);
}

export function findVehicle(db: Db, dealerId: string, vin: string): VehicleRow | undefined {
  return V.decode(stmt(sqliteOf(db), `${VEHICLES} WHERE dealer_id = ? AND vin = ?`).get(dealerId, vin));
}

export function vehicleById(db: Db, id: string): VehicleRow | undefined {
  return V.decode(stmt(sqliteOf(db), `${VEHICLES} WHERE id = ?`).get(id));
}

// The VINs a dealer holds as priority are read once into its runtime (scheduler/trust.ts)
// rather than by one query per search: a statement on the search path cost ~6 % of a
// search's CPU (issue 17). What keeps that set exact:
//   - this process: every write that can change it goes through insertVehicle or
//     updateVehicle below, which move the process-wide epoch the set was read at (a
//     rolled-back write only costs a re-read);
//   - other processes on the file: the change feed's vehicle triggers (db/change-feed.ts).
let priorityEpoch = 0;

/** Moves whenever this process writes a vehicle's priority flag or a priority vehicle's row. */
export const vehiclePriorityEpoch = (): number => priorityEpoch;

/** On the partial index of migration 0012: the priority rows only (test/db/db.test.ts checks the plan). */
export const PRIORITY_VINS_SQL = "SELECT vin FROM vehicles WHERE dealer_id = ? AND priority = 1";

/** The VINs the dealer holds as priority (PUT /vehicles/{vin}). */
export function priorityVins(sqlite: SqliteHandle, dealerId: string): Set<string> {
  const rows = stmt(sqlite, PRIORITY_VINS_SQL).all(dealerId) as Array<{ vin: string }>;
  return new Set(rows.map((r) => r.vin));
}

export function insertVehicle(db: Db, row: VehicleRow): void {
  stmt(sqliteOf(db), V.insert).run(...V.values(row));
  if (row.priority) priorityEpoch++;
}

/** What a new vehicle row is given beyond its identity; the rest takes the columns' defaults. */
export type NewVehicleFacts = Partial<Omit<VehicleRow, "id" | "dealerId" | "vin" | "createdAt">> & { model: string };

/** Inserts a VIN not on file yet: no plate, owner or service date, not electrified nor priority, unless `facts` says so. */
export function registerVehicle(db: Db, dealerId: string, vin: string, at: string, facts: NewVehicleFacts): VehicleRow {
  const row: VehicleRow = {
    id: newId(),
    dealerId,
    vin,
    plate: null,
    electrified: false,
    nextServiceDue: null,
    ownerCustomerId: null,
    priority: false,
    createdAt: at,
    updatedAt: at,
    ...facts,
  };
  insertVehicle(db, row);
  return row;
}

export function updateVehicle(db: Db, id: string, patch: Partial<VehicleRow>): void {
  updateById(db, V, id, patch);
  // The flag itself, or the VIN or dealer of a row that may carry it.
  if ("priority" in patch || "vin" in patch || "dealerId" in patch) priorityEpoch++;
}

/**
 * Vehicles with an owner whose next service date lies in [from, to] (local dates) and
 * that have no service-reminder timer for that date yet (service-scan.ts).
 */
export function vehiclesDueWithoutReminder(db: Db, from: string, to: string, limit: number): VehicleRow[] {
  const sql =
    `${VEHICLES} WHERE next_service_due >= ? AND next_service_due <= ? AND owner_customer_id IS NOT NULL` +
    " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.dedupe_key = 'service_reminder:' || vehicles.id || ':' || vehicles.next_service_due) LIMIT ?";
  return V.decodeAll(stmt(sqliteOf(db), sql).all(from, to, limit));
}
