import { and, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import { customers, vehicles } from "../../db/schema.js";
import type { Db } from "../../db/sqlite-handle.js";

// Customer and vehicle rows. Called inside the booking transaction. Customer rows hold
// personal data: never log a row, only its id.

export type CustomerRow = typeof customers.$inferSelect;
export type VehicleRow = typeof vehicles.$inferSelect;

export function customerById(db: Db, id: string): CustomerRow | undefined {
  return db.select().from(customers).where(eq(customers.id, id)).get();
}

/** The dealer's customer with this email hash, else this phone hash (most recent first). */
export function findCustomer(db: Db, dealerId: string, emailHash: string | null, phoneHash: string | null): CustomerRow | undefined {
  if (emailHash) {
    const hit = db.select().from(customers).where(and(eq(customers.dealerId, dealerId), eq(customers.emailHash, emailHash))).get();
    if (hit) return hit;
  }
  if (phoneHash) return db.select().from(customers).where(and(eq(customers.dealerId, dealerId), eq(customers.phoneHash, phoneHash))).get();
  return undefined;
}

export function insertCustomer(db: Db, row: CustomerRow): void {
  db.insert(customers).values(row).run();
}

export function updateCustomer(db: Db, id: string, patch: Partial<CustomerRow>): void {
  db.update(customers).set(patch).where(eq(customers.id, id)).run();
}

export function findVehicle(db: Db, dealerId: string, vin: string): VehicleRow | undefined {
  return db.select().from(vehicles).where(and(eq(vehicles.dealerId, dealerId), eq(vehicles.vin, vin))).get();
}

export function vehicleById(db: Db, id: string): VehicleRow | undefined {
  return db.select().from(vehicles).where(eq(vehicles.id, id)).get();
}

export function insertVehicle(db: Db, row: VehicleRow): void {
  db.insert(vehicles).values(row).run();
}

export function updateVehicle(db: Db, id: string, patch: Partial<VehicleRow>): void {
  db.update(vehicles).set(patch).where(eq(vehicles.id, id)).run();
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
