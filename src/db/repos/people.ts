import { and, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import { customers, vehicles } from "../schema.js";
import { columnKeys, once, ph, placeholders, shapeOf, stmt, withDefaults } from "../prepared.js";
import type { Db, SqliteHandle } from "../sqlite-handle.js";

// Customer and vehicle rows. Called inside the booking transaction. Customer rows hold
// personal data: never log a row, only its id.

export type CustomerRow = typeof customers.$inferSelect;
export type VehicleRow = typeof vehicles.$inferSelect;

// Prepared once per connection (db/prepared.ts); an update is prepared once per patch shape.
const q = (db: Db) =>
  once(db, "people", () => ({
    customerById: db.select().from(customers).where(eq(customers.id, ph("id"))).prepare(),
    customerByEmail: db.select().from(customers).where(and(eq(customers.dealerId, ph("dealerId")), eq(customers.emailHash, ph("hash")))).prepare(),
    customerByPhone: db.select().from(customers).where(and(eq(customers.dealerId, ph("dealerId")), eq(customers.phoneHash, ph("hash")))).prepare(),
    insertCustomer: db.insert(customers).values(placeholders(columnKeys(customers))).prepare(),
    vehicleByVin: db.select().from(vehicles).where(and(eq(vehicles.dealerId, ph("dealerId")), eq(vehicles.vin, ph("vin")))).prepare(),
    vehicleById: db.select().from(vehicles).where(eq(vehicles.id, ph("id"))).prepare(),
    insertVehicle: db.insert(vehicles).values(placeholders(columnKeys(vehicles))).prepare(),
  }));

function updateById(db: Db, table: typeof customers | typeof vehicles, name: string, id: string, patch: object): void {
  const shape = shapeOf(patch);
  if (!shape) return;
  once(db, `${name}.update.${shape}`, () => db.update(table).set(placeholders(shape.split(","))).where(eq(table.id, ph("$id"))).prepare()).run({ ...patch, $id: id });
}

export function customerById(db: Db, id: string): CustomerRow | undefined {
  return q(db).customerById.get({ id });
}

/** The dealer's customer with this email hash, else this phone hash (most recent first). */
export function findCustomer(db: Db, dealerId: string, emailHash: string | null, phoneHash: string | null): CustomerRow | undefined {
  if (emailHash) {
    const hit = q(db).customerByEmail.get({ dealerId, hash: emailHash });
    if (hit) return hit;
  }
  if (phoneHash) return q(db).customerByPhone.get({ dealerId, hash: phoneHash });
  return undefined;
}

export function insertCustomer(db: Db, row: CustomerRow): void {
  q(db).insertCustomer.run(withDefaults(customers, row));
}

export function updateCustomer(db: Db, id: string, patch: Partial<CustomerRow>): void {
  updateById(db, customers, "customers", id, patch);
}

export function findVehicle(db: Db, dealerId: string, vin: string): VehicleRow | undefined {
  return q(db).vehicleByVin.get({ dealerId, vin });
}

export function vehicleById(db: Db, id: string): VehicleRow | undefined {
  return q(db).vehicleById.get({ id });
}

/** The priority flag, looked up by (dealer, VIN) on the unique index: on the search path. */
export function isPriorityVin(sqlite: SqliteHandle, dealerId: string, vin: string): boolean {
  const row = stmt(sqlite, "SELECT priority FROM vehicles WHERE dealer_id = ? AND vin = ?").get(dealerId, vin) as { priority: number } | undefined;
  return row?.priority === 1;
}

export function insertVehicle(db: Db, row: VehicleRow): void {
  q(db).insertVehicle.run(withDefaults(vehicles, row));
}

export function updateVehicle(db: Db, id: string, patch: Partial<VehicleRow>): void {
  updateById(db, vehicles, "vehicles", id, patch);
}

/**
 * Vehicles with an owner whose next service date lies in [from, to] (local dates) and
 * that have no service-reminder timer for that date yet (service-scan.ts).
 */
export function vehiclesDueWithoutReminder(db: Db, from: string, to: string, limit: number): VehicleRow[] {
  return db
    .select()
    .from(vehicles)
    .where(
      and(
        gte(vehicles.nextServiceDue, from),
        lte(vehicles.nextServiceDue, to),
        isNotNull(vehicles.ownerCustomerId),
        sql`NOT EXISTS (SELECT 1 FROM jobs j WHERE j.dedupe_key = 'service_reminder:' || ${vehicles.id} || ':' || ${vehicles.nextServiceDue})`,
      ),
    )
    .limit(limit)
    .all();
}
