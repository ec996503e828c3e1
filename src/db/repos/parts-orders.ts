import { stmt } from "../prepared.js";
import { partsOrders } from "../schema.js";
import type { SqliteHandle } from "../sqlite-handle.js";
import { tableRows } from "./rows.js";

// Storage of parts orders (schema.ts `parts_orders`). Writes run inside the parts verbs'
// immediate() transaction (scheduler/parts); an update is a compare-and-set on the order's
// version, so a write that read a stale order changes nothing.

export type PartsOrderRow = typeof partsOrders.$inferSelect;
export type NewPartsOrderRow = typeof partsOrders.$inferInsert;

const P = tableRows(partsOrders);

export function insertPartsOrder(sqlite: SqliteHandle, row: NewPartsOrderRow): void {
  stmt(sqlite, P.insert).run(...P.values(row));
}

/** The appointment's orders, oldest first (the order staff recorded them in). */
export function partsOrdersOf(sqlite: SqliteHandle, appointmentId: string): PartsOrderRow[] {
  return P.decodeAll(
    stmt(sqlite, `SELECT ${P.columns} FROM parts_orders WHERE appointment_id = ? ORDER BY created_at, id`).all(
      appointmentId,
    ),
  );
}

/** One order of one appointment of one dealer (an id of another appointment is not found). */
export function findPartsOrder(
  sqlite: SqliteHandle,
  dealerId: string,
  appointmentId: string,
  id: string,
): PartsOrderRow | undefined {
  return P.decode(
    stmt(sqlite, `SELECT ${P.columns} FROM parts_orders WHERE id = ? AND appointment_id = ? AND dealer_id = ?`).get(
      id,
      appointmentId,
      dealerId,
    ),
  );
}

/** The order by id alone (the deadline timer, which holds the id in its payload). */
export function partsOrderById(sqlite: SqliteHandle, id: string): PartsOrderRow | undefined {
  return P.decode(stmt(sqlite, `SELECT ${P.columns} FROM parts_orders WHERE id = ?`).get(id));
}

/** Writes `patch` (with the next version) only if the order is still at `version`; false otherwise. */
export function updatePartsOrder(
  sqlite: SqliteHandle,
  id: string,
  version: number,
  patch: Partial<NewPartsOrderRow> & { version: number; updatedAt: string },
): boolean {
  const s = P.set(patch);
  // One statement per set of columns (a handful of shapes: pay, arrive, cancel), prepared once each.
  return (
    stmt(sqlite, `UPDATE parts_orders SET ${s.sql} WHERE id = ? AND version = ?`).run(...s.params, id, version)
      .changes === 1
  );
}
